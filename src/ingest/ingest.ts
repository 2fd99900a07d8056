/**
 * The ingest pipeline for one annotated document: read, parse and validate (all problems at once,
 * with file, line and field path), resolve anchors and dates, then write in one transaction.
 * Each file gets a result, never an exception mid-way; a failed file writes nothing.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { formatPath, readAnnotation, type Annotation, type Problem } from "./format.ts";
import { loadKnown, writePlan } from "./persist.ts";
import { planIngest, type Known } from "./plan.ts";
import { parseSourceText } from "./source-text.ts";

export type IngestResult =
  | { ok: true; file: string; slug: string; documentId: string }
  | { ok: false; file: string; problems: Problem[] };

/** The text file beside an annotation: same name, `.txt`. */
export const textFileOf = (annotationFile: string) => annotationFile.replace(/\.ya?ml$/, ".txt");

/** Every slug the annotation names, for looking up what the graph already has. */
function referencedSlugs(a: Annotation): Record<keyof Known, string[]> {
  const events = a.events ?? [];
  return {
    themes: [...(a.themes ?? []).map((t) => t.slug), ...events.flatMap((e) => e.themes ?? []), ...(a.quotes ?? []).flatMap((q) => q.themes ?? [])],
    people: [...events.flatMap((e) => e.people ?? []), ...(a.quotes ?? []).map((q) => q.speaker)],
    organizations: [...events.flatMap((e) => e.organizations ?? []), ...(a.people ?? []).flatMap((p) => (p.affiliations ?? []).map((x) => x.organization))],
    events: [...events.map((e) => ("ref" in e ? e.ref : e.slug)), ...(a.quotes ?? []).flatMap((q) => (q.event ? [q.event] : []))],
  };
}

/** Ingests an annotation given as text (the API path); `file` names it in problems. */
export async function ingestSource(prisma: PrismaClient, file: string, yamlText: string, rawText: string): Promise<IngestResult> {
  const read = readAnnotation(yamlText);
  if (!read.ok) return { ok: false, file, problems: read.problems };
  const known = await loadKnown(prisma, referencedSlugs(read.annotation));
  const { plan, problems } = planIngest(read.annotation, parseSourceText(rawText), known);
  if (problems.length) {
    return { ok: false, file, problems: problems.map((p) => ({ path: formatPath(p.path), line: read.locate(p.path), message: p.message })) };
  }
  return { ok: true, file, slug: plan.document.slug, documentId: await writePlan(prisma, plan) };
}

export async function ingestFile(prisma: PrismaClient, file: string): Promise<IngestResult> {
  let yamlText: string, rawText: string;
  try {
    [yamlText, rawText] = await Promise.all([readFile(file, "utf8"), readFile(textFileOf(file), "utf8")]);
  } catch (error) {
    return { ok: false, file, problems: [{ path: "(file)", message: (error as Error).message }] };
  }
  return ingestSource(prisma, file, yamlText, rawText);
}

/** The annotation files a path names: itself, or the .yaml/.yml files in a folder, in name order. */
export async function annotationFiles(target: string): Promise<string[]> {
  if (!(await stat(target)).isDirectory()) return [target];
  return (await readdir(target)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(target, f));
}

/** A failed result as lines `file:line: path: message`. */
export function describeFailure(result: Extract<IngestResult, { ok: false }>): string {
  return result.problems.map((p) => `${result.file}${p.line ? `:${p.line}` : ""}: ${p.path}: ${p.message}`).join("\n");
}
