/**
 * The ingest pipeline for one annotated document: read, parse and validate (all problems at once,
 * with file, line and field path), resolve anchors and dates, then write in one transaction (or
 * roll it back, for a dry run). Each file gets a result, never an exception mid-way; a failed file
 * writes nothing. Removing a document goes through the same writer.
 */
import { createHash } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { ChangeCount, DateChange } from "../claims/changes.ts";
import { formatPath, readAnnotation, type Problem } from "./format.ts";
import { writeAtomically } from "../claims/write.ts";
import { loadKnown, removeDocument, writePlan } from "./persist.ts";
import { planIngest, type PlanProblem } from "./plan.ts";
import { checkSourceString, readSourceFiles } from "./source-files.ts";
import { parseSourceText } from "./source-text.ts";

export type { ChangeCount, DateChange };
export { textFileOf } from "./source-files.ts";

export interface Outcome {
  status: "ingested" | "unchanged" | "removed" | "dry-run";
  changes: ChangeCount[];
  dateChanges: DateChange[];
  warnings: Problem[];
}

export type IngestResult = ({ ok: true; file: string; slug: string; documentId: string | null } & Outcome) | { ok: false; file: string; problems: Problem[] };
export type RemoveResult = ({ ok: true; slug: string } & Outcome) | { ok: false; slug: string; problems: Problem[] };

export interface IngestOptions {
  /** Report what would change and write nothing. */
  dryRun?: boolean;
}

/** Changes when the rules that turn a file into claims change, so that re-ingesting an old file applies them. */
const RULES = "claims-1";
const hashOf = (yamlText: string, rawText: string) => createHash("sha256").update(`${RULES}\0${yamlText}\0${rawText}`).digest("hex");

/** Ingests an annotation given as text (the API path); `file` names it in problems. */
export async function ingestSource(prisma: PrismaClient, file: string, yamlText: string, rawText: string, options: IngestOptions = {}): Promise<IngestResult> {
  const unreadable = [...checkSourceString(yamlText, "annotation"), ...checkSourceString(rawText, "text")];
  if (unreadable.length) return { ok: false, file, problems: unreadable };
  const read = readAnnotation(yamlText);
  if (!read.ok) return { ok: false, file, problems: read.problems };
  const located = (p: PlanProblem): Problem => ({ path: formatPath(p.path), line: read.locate(p.path), message: p.message });
  const known = await loadKnown(prisma, (read.annotation.quotes ?? []).map((q) => q.slug));
  const { plan, problems } = planIngest(read.annotation, parseSourceText(rawText), known);
  if (problems.length) return { ok: false, file, problems: problems.map(located) };

  const slug = plan.document.slug;
  const sourceHash = hashOf(yamlText, rawText);
  const stored = await prisma.document.findUnique({ where: { slug }, select: { id: true, sourceHash: true } });
  if (stored?.sourceHash === sourceHash) return { ok: true, file, slug, documentId: stored.id, status: "unchanged", changes: [], dateChanges: [], warnings: [] };

  const dryRun = options.dryRun ?? false;
  // PostgreSQL's text search keeps at most 1 MB of a document's words and positions.
  const written = await writeAtomically(prisma, dryRun, (tx, changes) => writePlan(tx, plan, { hash: sourceHash, annotation: yamlText }, changes)).catch((error: Error) => {
    if (/too long for tsvector/.test(String(error.message))) return null;
    throw error;
  });
  if (!written) return { ok: false, file, problems: [{ path: "(text)", message: "the text has too many distinct words to index for search (PostgreSQL's tsvector holds at most 1 MB): split the document" }] };
  const { result, changes } = written;
  return {
    ok: true, file, slug, documentId: dryRun ? (stored?.id ?? null) : result.documentId, status: dryRun ? "dry-run" : "ingested",
    changes: changes.list(), dateChanges: changes.dates, warnings: result.warnings.map(located),
  };
}

export async function ingestFile(prisma: PrismaClient, file: string, options: IngestOptions = {}): Promise<IngestResult> {
  const files = await readSourceFiles(file);
  if (!files.ok) return { ok: false, file, problems: files.problems };
  return ingestSource(prisma, file, files.yamlText, files.rawText, options);
}

/** Removes the document with this slug and everything only it claimed. */
export async function removeDocumentBySlug(prisma: PrismaClient, slug: string, options: IngestOptions = {}): Promise<RemoveResult> {
  const stored = await prisma.document.findUnique({ where: { slug }, select: { id: true } });
  if (!stored) return { ok: false, slug, problems: [{ path: "slug", message: `no document has slug "${slug}"` }] };
  const dryRun = options.dryRun ?? false;
  const { changes } = await writeAtomically(prisma, dryRun, (tx, changes) => removeDocument(tx, stored.id, changes));
  return { ok: true, slug, status: dryRun ? "dry-run" : "removed", changes: changes.list(), dateChanges: changes.dates, warnings: [] };
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
