/**
 * `npm run bench:seed -- --scale N [--fresh] [--verbose] [--database-url URL]`: loads the deterministic
 * synthetic data set (bench/synthetic.ts) into PostgreSQL for `npm run bench`. The schema comes from
 * the service's own migrator; rows go in through `pg` as multi-row INSERT ... SELECT FROM unnest(...),
 * in one transaction (`--verbose` times each table), then VACUUM ANALYZE: the statistics, and the
 * visibility map that lets index-only scans skip the heap, so every seeded database is measured
 * alike. Before inserting it checks every table against the live schema, so a
 * migration that adds a required column stops it with a message instead of loading wrong data.
 */
import path from "node:path";
import type pg from "pg";
import { migrate, readMigrations } from "../src/db/migrate.ts";
import { createPool, withPgConnection } from "../src/db/postgres.ts";
import { projectRoot } from "../src/paths.ts";
import { BENCH_DATABASE_OPTION, benchCli, benchPool, benchThemes, DEFAULT_BENCH_URL, hasFlag, numberOption, option } from "./lib.ts";
import { buildDataset, type TableData } from "./synthetic.ts";

benchCli({
  command: "npm run bench:seed --",
  synopsis: "--scale N [--fresh] [--verbose] [--database-url URL]",
  summary: "Loads the deterministic synthetic data set into PostgreSQL (creating the database) for `npm run bench`, then VACUUM ANALYZE.",
  options: {
    scale: { type: "string", value: "n", description: "size: scale 1 is ~5,000 events (default 1)" },
    fresh: { type: "boolean", description: "drop and reload a database that already holds data" },
    verbose: { type: "boolean", description: "time each table" },
    ...BENCH_DATABASE_OPTION,
  },
  examples: ["npm run bench:seed -- --scale 1"],
});

const CHUNK = 10_000;
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates the database if missing; with `fresh`, drops it first. */
async function ensureDatabase(url: string, fresh: boolean): Promise<void> {
  const target = new URL(url), name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = benchPool(maintenance.toString());
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${ident(name)}`);
  } finally {
    await admin.end();
  }
}

/** Applies prisma/migrations with the service's migrator. */
async function migrateSchema(url: string): Promise<string[]> {
  const pool = createPool(url, 1);
  try {
    const files = await readMigrations(path.join(projectRoot, "prisma", "migrations"));
    return await withPgConnection(pool, url, (conn) => migrate(conn, files, { lock: true }));
  } finally {
    await pool.end();
  }
}

interface ColumnInfo {
  column_name: string;
  required: boolean;
}

/** Fails when the generator's columns and the table's no longer fit (a migration changed it). */
async function checkTable(client: pg.PoolClient, data: TableData): Promise<void> {
  const { rows } = await client.query<ColumnInfo>(
    `SELECT column_name, (is_nullable = 'NO' AND column_default IS NULL AND is_generated = 'NEVER' AND is_identity = 'NO') AS required
     FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
    [data.table],
  );
  const hint = `bench/synthetic.ts no longer matches prisma/migrations: update its "${data.table}" columns`;
  if (rows.length === 0) throw new Error(`table "${data.table}" does not exist; ${hint}`);
  const live = new Set(rows.map((r) => r.column_name));
  const unknown = data.columns.filter((c) => !live.has(c));
  if (unknown.length) throw new Error(`"${data.table}" has no column ${unknown.join(", ")}; ${hint}`);
  const missing = rows.filter((r) => r.required && !data.columns.includes(r.column_name)).map((r) => r.column_name);
  if (missing.length) throw new Error(`"${data.table}" has required column(s) ${missing.join(", ")} the generator does not fill; ${hint}`);
}

/** INSERT ... SELECT FROM unnest($1::t1[], ...): one statement per CHUNK rows. */
async function insertTable(client: pg.PoolClient, data: TableData): Promise<void> {
  const { table, columns, types } = data;
  const params = types.map((type, i) => `$${i + 1}::${type === "text[]" ? "text" : type}[]`);
  const select = types.map((type, i) => (type === "text[]" ? `string_to_array(c${i}, '|')` : `c${i}`));
  const sql = `INSERT INTO ${ident(table)} (${columns.map(ident).join(", ")}) SELECT ${select.join(", ")} ` +
    `FROM unnest(${params.join(", ")}) AS u(${columns.map((_, i) => `c${i}`).join(", ")})`;
  for (let from = 0; from < data.rows.length; from += CHUNK) {
    const chunk = data.rows.slice(from, from + CHUNK);
    const values = columns.map((_, c) => chunk.map((row) => row[c]));
    await client.query(sql, values).catch((error: Error) => {
      throw new Error(`insert into "${table}" failed: ${error.message}; does bench/synthetic.ts still match prisma/migrations?`);
    });
  }
}

async function main(): Promise<void> {
  const scale = numberOption("scale", 1), url = option("database-url", DEFAULT_BENCH_URL), verbose = hasFlag("verbose");
  if (!Number.isInteger(scale)) throw new Error("--scale must be a whole number");
  const started = performance.now();
  const lap = (label: string, since: number) => console.log(`${label} in ${((performance.now() - since) / 1000).toFixed(1)} s`);

  await ensureDatabase(url, hasFlag("fresh"));
  const applied = await migrateSchema(url);
  console.log(`schema: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);
  const pool = benchPool(url);
  try {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Document"`);
    if (rows[0]!.n > 0) throw new Error(`${new URL(url).pathname.slice(1)} already holds data: pass --fresh to drop and reload it`);

    let since = performance.now();
    const tables = buildDataset(scale);
    lap(`built scale ${scale}`, since);
    since = performance.now();
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      for (const data of tables) await checkTable(client, data);
      for (const data of tables) {
        const table = performance.now();
        await insertTable(client, data);
        if (verbose) lap(`  "${data.table}" (${data.rows.length} rows)`, table);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
    lap("inserted", since);
    since = performance.now();
    await pool.query("VACUUM ANALYZE");
    lap("vacuumed and analyzed", since);

    console.log(tables.map((t) => `${t.table} ${t.rows.length}`).join(", "));
    const { popular, typical } = await benchThemes(pool);
    console.log(`popular theme ${popular.slug} (${popular.events} events), typical theme ${typical.slug} (${typical.events} events)`);
    lap("total", started);
  } finally {
    await pool.end();
  }
}

main().catch((error: Error) => {
  console.error(`bench:seed: ${error.message}`);
  process.exit(1);
});
