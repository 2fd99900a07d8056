/**
 * `npm run ingest -- <file-or-folder>...`: ingests annotated documents (a .yaml beside its .txt)
 * into the configured database (DATABASE_URL, or the PGlite folder DATA_DIR). Prints one line per
 * file and every problem as `file:line: path: message`; exits 1 if any file failed (those wrote nothing).
 */
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/database.ts";
import { fatal } from "../fatal.ts";
import { projectRoot } from "../paths.ts";
import { annotationFiles, describeFailure, ingestFile } from "./ingest.ts";

const targets = process.argv.slice(2);
if (targets.length === 0) {
  console.error("usage: npm run ingest -- <annotation.yaml | folder>...");
  process.exit(2);
}

try {
  const files: string[] = [];
  for (const target of targets) {
    try {
      files.push(...(await annotationFiles(target)));
    } catch (error) {
      console.error(`${target}: ${(error as Error).message}`);
      process.exit(2);
    }
  }
  const db = await openDatabase({ ...loadConfig(), projectRoot });
  let failed = 0;
  for (const [i, file] of files.entries()) {
    const started = performance.now();
    const result = await ingestFile(db.prisma, file);
    const progress = `[${i + 1}/${files.length}]`;
    if (result.ok) console.log(`${progress} ${file}: ingested ${result.slug} in ${Math.round(performance.now() - started)} ms`);
    else {
      failed++;
      console.log(`${progress} ${file}: ${result.problems.length} problem(s), nothing written`);
      console.error(describeFailure(result));
    }
  }
  await db.close();
  console.log(`${files.length - failed} of ${files.length} document(s) ingested into ${db.location}`);
  process.exit(failed ? 1 : 0);
} catch (error) {
  fatal(error);
}
