/**
 * `npm run ingest`: ingests annotated documents (a .yaml beside its .txt), or removes documents by
 * slug, in the configured database (DATABASE_URL, or the PGlite folder DATA_DIR). Each file is its
 * own transaction; a file with problems writes nothing, is reported, and the run goes on. Exits 1
 * at the end if any file or slug failed, 2 on a usage error.
 */
import { parseCli, usageError as failUsage, type CliSpec } from "../cli-args.ts";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/database.ts";
import { fatal } from "../fatal.ts";
import { projectRoot } from "../paths.ts";
import type { Problem } from "./format.ts";
import { annotationFiles, describeFailure, ingestFile, removeDocumentBySlug, type ChangeCount, type DateChange, type IngestResult, type Outcome, type RemoveResult } from "./ingest.ts";

const CLI = {
  command: "npm run ingest --",
  synopsis: "[--dry-run] <annotation.yaml | folder>...\nnpm run ingest -- [--dry-run] --remove <document-slug>...",
  summary: `Ingests each annotation file (its text is the .txt beside it, same name), or every .yaml/.yml
file of a folder, each in its own transaction, into the configured database. Problems are printed
as file:line: path: message; a file with problems writes nothing and the run goes on. Exits 1 if
any file failed, 2 on a usage error. With the service running on the embedded database (PGlite),
stop it first: the data folder has one owner at a time.`,
  positionals: { max: Infinity },
  options: {
    "dry-run": { type: "boolean", description: "check everything and show what would change; write nothing" },
    remove: { type: "boolean", description: "remove the documents with these slugs instead (and what only they claimed)" },
  },
  env: {
    DATABASE_URL: "PostgreSQL to write to (created when missing); unset: the embedded database in DATA_DIR",
    DATA_DIR: "folder of the embedded PGlite database (default ./data)",
  },
  examples: ["npm run ingest -- corpus/", "npm run ingest -- --dry-run report.yaml", "DATABASE_URL=postgresql://postgres@127.0.0.1:5432/themegraph npm run ingest -- my-documents/"],
} as const satisfies CliSpec;

const usageError = (message: string): never => failUsage(CLI, message);

/** `events +1 ~2 -0, people +3 ~0 -0`: only the kinds that change. */
const changeSummary = (changes: ChangeCount[]) =>
  changes.filter((c) => c.added || c.changed || c.removed).map((c) => `${c.kind} +${c.added} ~${c.changed} -${c.removed}`).join(", ");

const dateLine = (d: DateChange) => `date of ${d.event}: ${d.from ?? "none"} -> ${d.to ?? "none"}`;

/** `file:line: path: warning: message`, `where` being the file (or the slug removed). */
const warningLine = (where: string, p: Problem) => `${where}${p.line ? `:${p.line}` : ""}: ${p.path}: warning: ${p.message}`;

/** What happened to one document, as the progress line says it. */
function statusPhrase(outcome: Outcome, slug: string, removing: boolean): string {
  const changes = outcome.changes.some((c) => c.added || c.changed || c.removed) || outcome.dateChanges.length > 0;
  switch (outcome.status) {
    case "ingested":
      return `ingested ${slug}`;
    case "removed":
      return `removed ${slug}`;
    case "unchanged":
      return `${slug} unchanged`;
    case "dry-run":
      if (removing) return `would remove ${slug} (dry run)`;
      return changes ? `would change ${slug} (dry run)` : `${slug} would be unchanged (dry run)`;
  }
}

/** The progress line on stdout, then the change summary and date changes indented, warnings on stderr. */
function report(progress: string, where: string, slug: string, outcome: Outcome, removing: boolean, ms: number) {
  // A removal's `where` is its slug, which the phrase already names.
  console.log(`${progress} ${removing ? "" : `${where}: `}${statusPhrase(outcome, slug, removing)} in ${ms} ms`);
  const summary = changeSummary(outcome.changes);
  if (summary) console.log(`  ${summary}`);
  for (const d of outcome.dateChanges) console.log(`  ${dateLine(d)}`);
  for (const w of outcome.warnings) console.error(warningLine(where, w));
}

/** A thrown error (a bug, or the database gone) becomes that item's failure; the run goes on. */
async function guarded<T>(where: string, run: () => Promise<T>, failure: (problems: Problem[]) => T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    console.error(`${where}: unexpected error:`, error);
    return failure([{ path: "(error)", message: `unexpected error (its stack is above): ${error instanceof Error ? error.message : String(error)}` }]);
  }
}

/** Every annotation file the targets name, each once; a target that names none is a usage error. */
async function filesOf(targets: string[]): Promise<string[]> {
  const files: string[] = [], errors: string[] = [];
  for (const target of targets) {
    try {
      const found = await annotationFiles(target);
      if (found.length === 0) errors.push(`${target}: no .yaml or .yml file in this folder`);
      files.push(...found);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      errors.push(`${target}: ${code === "ENOENT" ? "no such file or folder" : (error as Error).message}`);
    }
  }
  if (errors.length) usageError(errors.join("\n"));
  return [...new Set(files)];
}

const { values, positionals: targets } = parseCli(CLI);
const dryRun = values["dry-run"] ?? false;
const removing = values.remove ?? false;
if (targets.length === 0) usageError(removing ? "--remove needs at least one document slug" : "name at least one annotation file or folder");

try {
  const items = removing ? [...new Set(targets)] : await filesOf(targets);
  const db = await openDatabase({ ...loadConfig(), projectRoot });
  let failed = 0;
  for (const [i, item] of items.entries()) {
    const progress = `[${i + 1}/${items.length}]`;
    const started = performance.now();
    const result: IngestResult | RemoveResult = removing
      ? await guarded(item, () => removeDocumentBySlug(db.prisma, item, { dryRun }), (problems): RemoveResult => ({ ok: false, slug: item, problems }))
      : await guarded(item, () => ingestFile(db.prisma, item, { dryRun }), (problems): IngestResult => ({ ok: false, file: item, problems }));
    if (result.ok) {
      report(progress, item, result.slug, result, removing, Math.round(performance.now() - started));
      continue;
    }
    failed++;
    console.log(`${progress} ${item}: ${result.problems.length} problem(s), nothing ${removing ? "removed" : "written"}`);
    console.error("file" in result ? describeFailure(result) : result.problems.map((p) => `${item}: ${p.path}: ${p.message}`).join("\n"));
  }
  await db.close();
  const done = removing ? (dryRun ? "could be removed (dry run, nothing written) from" : "removed from") : dryRun ? "checked (dry run, nothing written) against" : "ingested into";
  console.log(`${items.length - failed} of ${items.length} document(s) ${done} ${db.location}${failed ? `; ${failed} failed` : ""}`);
  process.exit(failed ? 1 : 0);
} catch (error) {
  fatal(error);
}
