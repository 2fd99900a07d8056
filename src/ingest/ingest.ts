/**
 * The ingest pipeline for one annotated document: read, parse, validate, resolve, write.
 * Every step's problems come back as a result with the file and path, never as a half-done write.
 */
import { readFile } from "node:fs/promises";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { validateAnnotation, type Problem } from "./format.ts";
import { knownSlugs, writePlan } from "./persist.ts";
import { planIngest } from "./plan.ts";
import { parseSourceText } from "./source-text.ts";

export type IngestResult =
  | { ok: true; file: string; slug: string; documentId: string }
  | { ok: false; file: string; problems: Problem[] };

/** The text file beside an annotation: same name, `.txt`. */
export const textFileOf = (annotationFile: string) => annotationFile.replace(/\.ya?ml$/, ".txt");

export async function ingestFile(prisma: PrismaClient, file: string): Promise<IngestResult> {
  const fail = (problems: Problem[]): IngestResult => ({ ok: false, file, problems });
  let yamlText: string, rawText: string;
  try {
    [yamlText, rawText] = await Promise.all([readFile(file, "utf8"), readFile(textFileOf(file), "utf8")]);
  } catch (error) {
    return fail([{ path: "(file)", message: (error as Error).message }]);
  }
  const parsed = parseDocument(yamlText, { prettyErrors: true });
  if (parsed.errors.length) {
    return fail(parsed.errors.map((e) => ({ path: `line ${e.linePos?.[0].line ?? "?"}`, message: e.message.split("\n")[0]! })));
  }
  const validated = validateAnnotation(parsed.toJS());
  if (!validated.ok) return fail(validated.problems);
  const { plan, problems } = planIngest(validated.annotation, parseSourceText(rawText), await knownSlugs(prisma));
  if (problems.length) return fail(problems);
  const documentId = await writePlan(prisma, plan);
  return { ok: true, file, slug: plan.document.slug, documentId };
}

/** Annotation files in a folder, in name order. */
export async function annotationFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f));
}

/** Formats a failed result as lines `file: path: message`. */
export function describeFailure(result: Extract<IngestResult, { ok: false }>): string {
  return result.problems.map((p) => `${result.file}: ${p.path}: ${p.message}`).join("\n");
}
