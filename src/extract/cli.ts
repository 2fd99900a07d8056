/**
 * `npm run extract -- <article.txt> [--published YYYY-MM-DD] [--out draft.yaml] [--force] [--no-graph]`:
 * writes a draft annotation of the article (stdout, or --out) that `npm run ingest` accepts as it
 * is. The publication day comes from --published or the text's `date YYYY-MM-DD` line. Entities
 * already in the configured database (DATABASE_URL or DATA_DIR) are linked by slug; with no
 * database, an empty one, or --no-graph, the draft proposes everything afresh.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseCli, usageError, type CliSpec } from "../cli-args.ts";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/database.ts";
import { fatal } from "../fatal.ts";
import { projectRoot } from "../paths.ts";
import { extractDraft } from "./draft.ts";
import { renderDraft } from "./draft-yaml.ts";
import { emptyGazetteer, type Gazetteer } from "./gazetteer.ts";
import { loadGazetteer } from "./gazetteer-db.ts";
import { slugify } from "./slugs.ts";

const CLI = {
  command: "npm run extract --",
  synopsis: "<article.txt> [--published YYYY-MM-DD] [--out draft.yaml] [--force] [--no-graph]",
  summary: `Writes a draft annotation of the article that \`npm run ingest\` accepts as it is, on stdout
(clean YAML: the project's .npmrc sends npm's "> script" banner to stderr) or to --out; what it found,
and any note, go to stderr. Entities already in the configured database are linked by slug.`,
  positionals: { min: 1, max: 1 },
  options: {
    published: { type: "string", value: "YYYY-MM-DD", description: "publication day (default: the text's `date YYYY-MM-DD` line)" },
    out: { type: "string", value: "file", description: "write the draft to this file instead of stdout" },
    force: { type: "boolean", description: "let --out overwrite an existing file" },
    "no-graph": { type: "boolean", description: "link to nothing in the database: propose every entity afresh" },
  },
  env: {
    DATABASE_URL: "PostgreSQL whose graph the draft links to; unset: the embedded database in DATA_DIR",
    DATA_DIR: "folder of the embedded PGlite database (default ./data; none there: nothing to link to)",
  },
  examples: ["npm run extract -- article.txt > article.yaml", "npm run extract -- article.txt --published 2024-03-01 --out article.yaml"],
} as const satisfies CliSpec;

/** The graph's entities; none (with a note) when there is no database to read or it is busy. */
async function graphGazetteer(): Promise<Gazetteer> {
  const config = loadConfig();
  if (!config.databaseUrl && !existsSync(config.dataDir)) {
    console.error(`no database at ${config.dataDir}: nothing to link to, every entity is proposed afresh`);
    return emptyGazetteer();
  }
  try {
    const db = await openDatabase({ ...config, projectRoot });
    try {
      return await loadGazetteer(db.prisma);
    } finally {
      await db.close();
    }
  } catch (error) {
    console.error(`could not read the graph (${(error as Error).message}): every entity is proposed afresh (the extractDraft mutation reads a running service's graph)`);
    return emptyGazetteer();
  }
}

try {
  const { values, positionals } = parseCli(CLI);
  const file = positionals[0]!;
  if (values.out && existsSync(values.out) && !values.force) {
    usageError(CLI, `${values.out} exists (a curated annotation?): pass --force to overwrite it`);
  }
  const text = await readFile(file, "utf8").catch((error: Error) => {
    console.error(error.message);
    process.exit(2);
  });
  const gazetteer = values["no-graph"] ? emptyGazetteer() : await graphGazetteer();
  const started = performance.now();
  const result = extractDraft(text, { publishedOn: values.published, gazetteer, slug: slugify(path.basename(file).replace(/\.[^.]+$/, ""), 20) || undefined });
  if (!result.ok) {
    console.error(`${file}: ${result.error}`);
    process.exit(1);
  }
  const yaml = renderDraft(result.draft, path.basename(file));
  const a = result.draft.annotation;
  const summary = `${a.events?.length ?? 0} events, ${a.quotes?.length ?? 0} quotes, ${a.people?.length ?? 0} people, ${a.organizations?.length ?? 0} organizations in ${Math.round(performance.now() - started)} ms`;
  if (values.out) {
    await writeFile(values.out, yaml);
    console.error(`${values.out}: ${summary}`);
  } else {
    process.stdout.write(yaml);
    console.error(summary);
  }
} catch (error) {
  fatal(error);
}
