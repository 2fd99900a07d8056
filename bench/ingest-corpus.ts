/**
 * `npm run bench:ingest`: ingest at corpus scale, on PGlite and on PostgreSQL.
 *
 * 1. Generates (seeded, bench/ingest-corpus-data.ts) 1,000 small annotated documents sharing 200
 *    events, 300 people, 80 organizations and 20 themes into a temp folder, ingests them one by one
 *    with `ingestFile` (the CLI's path), then removes 100 with `removeDocumentBySlug`: time and SQL
 *    statements per document, and how both move from the first 100 documents to the last 100.
 * 2. One big document (5 MiB of text by default): `ingestFile` (which applies MAX_TEXT_BYTES), then
 *    `ingestSource` (which does not), with the time of each phase, the slowest statements, what the
 *    search triggers cost on such a body (to_tsvector, SearchTerm.rank and .first, SearchPassage),
 *    and what happens to a text whose distinct words overflow PostgreSQL's 1 MB tsvector.
 *
 * Statements are counted as the service counts them for `x-sql-statements`: the service's own
 * `countingAdapter` (src/db/statement-counter.ts) around the driver adapter, which sees every
 * statement Prisma sends, in transactions too, but not the BEGIN/COMMIT the adapter sends itself.
 * On PostgreSQL every query reaching node-postgres is counted as well ("wire"), BEGIN/COMMIT included.
 * A timing proxy under it measures each statement's round trip (so "db ms" is time waiting for the
 * database, the rest of a document's time is JavaScript).
 *
 * The PGlite database is made by initdb (no pre-migrated snapshot: it may lag the migrations) and
 * migrated; the PostgreSQL one is a throw-away database on PG_TEST_URL's server, dropped at the end.
 *
 * 3. Big documents of growing size (64 KiB to 5 MiB; the bytes written beside each are a little
 *    more: the mentions, events and quotes inserted) through `ingestSource`, until one fails.
 *
 * Options: --backend pglite|postgresql|both (both), --only corpus,sizes,big (all three),
 * --documents 1000, --remove 100, --seed 1, --big-bytes 5242880, --sizes <bytes,...>,
 * --write-without-timeout <backends> (none: the big document's write also measured whole, in a
 * rolled-back transaction without the service's 120 s timeout), --json <file> (every figure),
 * --keep (keep the temp folder of generated files).
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../src/generated/prisma/client.ts";
import { migrate, readMigrations } from "../src/db/migrate.ts";
import { openPGlite, pgliteConnection } from "../src/db/pglite.ts";
import { createPool, withPgConnection } from "../src/db/postgres.ts";
import { countingAdapter } from "../src/db/statement-counter.ts";
import { describeFailure, ingestFile, ingestSource, removeDocumentBySlug, type IngestResult } from "../src/ingest/ingest.ts";
import { readAnnotation } from "../src/ingest/format.ts";
import { Changes } from "../src/claims/changes.ts";
import { loadKnown, writePlan } from "../src/ingest/persist.ts";
import { planIngest } from "../src/ingest/plan.ts";
import { checkSourceString, MAX_TEXT_BYTES } from "../src/ingest/source-files.ts";
import { parseSourceText } from "../src/ingest/source-text.ts";
import { projectRoot } from "../src/paths.ts";
import { bigDocument, buildCorpus, buildPool, type CorpusOptions, type GeneratedDocument, type Pool } from "./ingest-corpus-data.ts";
import { benchCli, hasFlag, median, numberOption, option, percentile } from "./lib.ts";

benchCli({
  command: "npm run bench:ingest --",
  synopsis: "[--backend pglite|postgresql|both] [--only corpus,sizes,big] [options]",
  summary: "Ingest at corpus scale on PGlite and on PostgreSQL (a throw-away database on PG_TEST_URL's server): 1,000 generated documents, removals, one big document, then growing sizes; prints JSON.",
  options: {
    backend: { type: "string", value: "kind", description: "pglite, postgresql or both (default both)" },
    only: { type: "string", value: "parts", description: "any of corpus,sizes,big (default all three)" },
    documents: { type: "string", value: "n", description: "generated documents (default 1000)" },
    remove: { type: "string", value: "n", description: "documents removed afterwards (default 100)" },
    seed: { type: "string", value: "n", description: "generator seed (default 1)" },
    "big-bytes": { type: "string", value: "bytes", description: "the big document's text (default 5242880)" },
    sizes: { type: "string", value: "bytes,...", description: "the growing sizes (default 65536,...,5242880)" },
    "write-without-timeout": { type: "string", value: "backends", description: "also measure the big write whole, rolled back (default none)" },
    json: { type: "string", value: "file", description: "also write every figure to this file" },
    keep: { type: "boolean", description: "keep the temp folder of generated files" },
  },
  env: { PG_TEST_URL: "the PostgreSQL server's admin URL (default postgresql://postgres@127.0.0.1:5432/postgres)" },
  examples: ["npm run bench:ingest -- --backend pglite --only corpus --documents 200"],
});

type BackendKind = "pglite" | "postgresql";

interface StatementTiming {
  sql: string;
  ms: number;
  rows: number;
  error?: string;
}

/** Statements sent while a recording is on, with their round-trip time and rows returned. */
class Recorder {
  private current: StatementTiming[] | null = null;
  start(): void {
    this.current = [];
  }
  stop(): StatementTiming[] {
    const done = this.current ?? [];
    this.current = null;
    return done;
  }
  async time<T>(sql: string, run: () => Promise<T>, rows: (r: T) => number): Promise<T> {
    const list = this.current;
    if (!list) return run();
    const t0 = performance.now();
    try {
      const result = await run();
      list.push({ sql, ms: performance.now() - t0, rows: rows(result) });
      return result;
    } catch (error) {
      list.push({ sql, ms: performance.now() - t0, rows: 0, error: (error as Error).message });
      throw error;
    }
  }
}

/** Times every queryRaw/executeRaw of the adapters (and their transactions) a factory makes. */
function timingAdapter<F extends SqlDriverAdapterFactory>(factory: F, recorder: Recorder): F {
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(obj, prop, receiver) {
        const value = Reflect.get(obj, prop, receiver);
        if (typeof value !== "function") return value;
        if (prop === "queryRaw") return (q: SqlQuery) => recorder.time(q.sql, () => value.call(obj, q) as Promise<SqlResultSet>, (r) => r.rows.length);
        if (prop === "executeRaw") return (q: SqlQuery) => recorder.time(q.sql, () => value.call(obj, q) as Promise<number>, () => 0);
        if (prop === "startTransaction") return async (...args: unknown[]) => wrap<Transaction>(await value.apply(obj, args));
        return value.bind(obj);
      },
    });
  return new Proxy(factory, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (prop === "connect" && typeof value === "function") return async () => wrap<SqlDriverAdapter>(await value.call(obj));
      return typeof value === "function" ? value.bind(obj) : value;
    },
  });
}

/** Every query node-postgres sends (BEGIN/COMMIT included): the PostgreSQL cross-check of the adapter's count. */
const wire = { count: 0 };
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  wire.count++;
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof clientQuery;

interface Backend {
  kind: BackendKind;
  prisma: PrismaClient;
  recorder: Recorder;
  counter: { statements: number };
  /** The last measurement's time and statements, also when it threw. */
  last: { ms: number; timings: StatementTiming[] };
  /** Raw SQL on the driver itself (not counted, not timed by the recorder). */
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

const adminUrl = process.env.PG_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function openBackend(kind: BackendKind, tmp: string): Promise<Backend> {
  const files = await readMigrations(path.join(projectRoot, "prisma", "migrations"));
  const recorder = new Recorder();
  const counter = { statements: 0 };
  const client = (factory: SqlDriverAdapterFactory) =>
    new PrismaClient({ adapter: countingAdapter(timingAdapter(factory, recorder), () => void counter.statements++) });
  if (kind === "pglite") {
    const embedded = await openPGlite(path.join(tmp, "pglite"));
    await migrate(pgliteConnection(embedded.pglite), files, { lock: false });
    const prisma = client(new PrismaPGlite(embedded.pglite));
    return {
      kind, prisma, recorder, counter, last: { ms: 0, timings: [] },
      query: async (sql, params = []) => (await embedded.pglite.query<Record<string, unknown>>(sql, params)).rows,
      close: async () => {
        await prisma.$disconnect();
        await embedded.close();
      },
    };
  }
  const name = `themegraph_bench_ingest_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = createPool(url.toString(), 10);
  try {
    await withPgConnection(pool, url.toString(), (conn) => migrate(conn, files, { lock: true }));
  } catch (error) {
    await pool.end();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw error;
  }
  const prisma = client(new PrismaPg(pool));
  return {
    kind, prisma, recorder, counter, last: { ms: 0, timings: [] },
    query: async (sql, params = []) => (await pool.query(sql, params)).rows,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

interface Measured {
  ms: number;
  statements: number;
  wire: number;
  dbMs: number;
  rowsRead: number;
  timings: StatementTiming[];
}

/** Runs `fn` once, measuring its time, statements (adapter and wire), database time and rows read. */
async function measure<T>(b: Backend, fn: () => Promise<T>): Promise<{ result: T } & Measured> {
  const s0 = b.counter.statements, w0 = wire.count;
  b.recorder.start();
  const t0 = performance.now();
  let result: T;
  let timings: StatementTiming[] = [];
  try {
    result = await fn();
  } finally {
    timings = b.recorder.stop();
    b.last = { ms: performance.now() - t0, timings };
  }
  const ms = performance.now() - t0;
  return {
    result, ms, statements: b.counter.statements - s0, wire: wire.count - w0, timings,
    dbMs: timings.reduce((s, t) => s + t.ms, 0), rowsRead: timings.reduce((s, t) => s + t.rows, 0),
  };
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const summary = (xs: number[]) => ({ mean: round(mean(xs)), p50: round(median(xs)), p95: round(percentile(xs, 95)), max: round(Math.max(...xs)), min: round(Math.min(...xs)) });
const sqlHead = (sql: string) => sql.replace(/\s+/g, " ").slice(0, 110);

async function writeDocuments(folder: string, documents: GeneratedDocument[]): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  return Promise.all(documents.map(async (d) => {
    const file = path.join(folder, `${d.name}.yaml`);
    await writeFile(file, d.yaml);
    await writeFile(path.join(folder, `${d.name}.txt`), d.text);
    return file;
  }));
}

async function rowCounts(b: Backend): Promise<Record<string, number>> {
  const p = b.prisma;
  const [documents, claims, events, people, organizations, themes, evidence, quotes, mentions, eventLinks, affiliations] = await Promise.all([
    p.document.count(), p.claim.count(), p.event.count(), p.person.count(), p.organization.count(), p.theme.count(),
    p.eventEvidence.count(), p.quote.count(), p.mention.count(),
    Promise.all([p.eventPerson.count(), p.eventOrganization.count(), p.eventTheme.count()]).then((xs) => xs.reduce((s, x) => s + x, 0)),
    p.affiliation.count(),
  ]);
  return { documents, claims, events, people, organizations, themes, evidence, quotes, mentions, eventLinks, affiliations };
}

function expectOk(result: IngestResult): Extract<IngestResult, { ok: true }> {
  if (!result.ok) throw new Error(`ingest failed:\n${describeFailure(result)}`);
  return result;
}

/** "SELECT Claim", "INSERT Mention"...: a statement's verb and first table. */
function statementKind(sql: string): string {
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? "?";
  const table = /(?:FROM|INTO|UPDATE)\s+"public"\."(\w+)"/i.exec(sql)?.[1] ?? "";
  return `${verb} ${table}`.trim();
}

function byTable(timings: StatementTiming[]): Map<string, { rows: number; ms: number; statements: number }> {
  const out = new Map<string, { rows: number; ms: number; statements: number }>();
  for (const t of timings) {
    const k = statementKind(t.sql), e = out.get(k) ?? { rows: 0, ms: 0, statements: 0 };
    e.rows += t.rows;
    e.ms += t.ms;
    e.statements++;
    out.set(k, e);
  }
  return out;
}

function mergeTables(maps: Map<string, { rows: number; ms: number; statements: number }>[]) {
  const out = new Map<string, { rows: number; ms: number; statements: number }>();
  for (const m of maps) for (const [k, v] of m) {
    const e = out.get(k) ?? { rows: 0, ms: 0, statements: 0 };
    e.rows += v.rows;
    e.ms += v.ms;
    e.statements += v.statements;
    out.set(k, e);
  }
  return out;
}

async function corpusRun(b: Backend, files: string[], slugs: string[], removeCount: number) {
  const perDocument: (Measured & { warnings: number; conflicts: number; undescribed: number; byTable: Map<string, { rows: number; ms: number; statements: number }> })[] = [];
  const tAll = performance.now();
  for (const [i, file] of files.entries()) {
    const m = await measure(b, () => ingestFile(b.prisma, file));
    const r = expectOk(m.result);
    if (r.status !== "ingested") throw new Error(`${file}: status ${r.status}`);
    const conflicts = r.warnings.filter((w) => w.message.includes(" differs from ")).length;
    const undescribed = r.warnings.filter((w) => w.message.includes("is described by no document yet")).length;
    perDocument.push({ ...m, timings: [], warnings: r.warnings.length, conflicts, undescribed, byTable: byTable(m.timings) });
    if ((i + 1) % 100 === 0) {
      const block = perDocument.slice(-100);
      console.error(`[${b.kind}] ${i + 1} documents, last 100: p50 ${round(median(block.map((d) => d.ms)))} ms, ${round(mean(block.map((d) => d.statements)))} statements/doc`);
    }
  }
  const totalMs = performance.now() - tAll;
  const blocks = [];
  for (let i = 0; i < perDocument.length; i += 100) {
    const block = perDocument.slice(i, i + 100);
    blocks.push({
      documents: `${i + 1}-${i + block.length}`,
      ms: summary(block.map((d) => d.ms)),
      dbMs: round(mean(block.map((d) => d.dbMs))),
      statements: summary(block.map((d) => d.statements)),
      wire: round(mean(block.map((d) => d.wire))),
      rowsRead: round(mean(block.map((d) => d.rowsRead))),
      // Per statement kind: mean rows returned, ms and statements per document (the five reading most rows).
      byTable: Object.fromEntries([...mergeTables(block.map((d) => d.byTable))].sort((a, b) => b[1].rows - a[1].rows).slice(0, 5)
        .map(([k, v]) => [k, { rows: round(v.rows / block.length), ms: round(v.ms / block.length, 2), statements: round(v.statements / block.length, 2) }])),
    });
  }
  const counts = await rowCounts(b);

  // Every tenth document, from the fourth: documents from the whole corpus.
  const removed = slugs.filter((_, i) => i % 10 === 3).slice(0, removeCount);
  const removals: Measured[] = [];
  const tRemove = performance.now();
  for (const slug of removed) {
    const m = await measure(b, () => removeDocumentBySlug(b.prisma, slug));
    if (!m.result.ok) throw new Error(`remove ${slug}: ${JSON.stringify(m.result.problems)}`);
    removals.push({ ...m, timings: [] });
  }
  const removeMs = performance.now() - tRemove;
  const countsAfterRemoval = await rowCounts(b);
  return {
    documents: perDocument.length,
    totalMs: round(totalMs, 0),
    ms: summary(perDocument.map((d) => d.ms)),
    dbMs: summary(perDocument.map((d) => d.dbMs)),
    statements: summary(perDocument.map((d) => d.statements)),
    wire: b.kind === "postgresql" ? summary(perDocument.map((d) => d.wire)) : null,
    rowsRead: summary(perDocument.map((d) => d.rowsRead)),
    warnings: { total: perDocument.reduce((s, d) => s + d.warnings, 0), conflicts: perDocument.reduce((s, d) => s + d.conflicts, 0), undescribed: perDocument.reduce((s, d) => s + d.undescribed, 0) },
    first100: blocks[0], last100: blocks[blocks.length - 1], blocks,
    counts,
    removal: {
      documents: removals.length, totalMs: round(removeMs, 0),
      ms: summary(removals.map((d) => d.ms)), statements: summary(removals.map((d) => d.statements)),
      wire: b.kind === "postgresql" ? summary(removals.map((d) => d.wire)) : null,
      rowsRead: summary(removals.map((d) => d.rowsRead)),
      countsAfter: countsAfterRemoval,
    },
  };
}

/** The statements that took longest, with their share of the run. */
const slowest = (timings: StatementTiming[], n = 6) =>
  [...timings].sort((a, b) => b.ms - a.ms).slice(0, n).map((t) => ({ ms: round(t.ms), rows: t.rows, sql: sqlHead(t.sql), ...(t.error ? { error: t.error } : {}) }));

const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).replace(/\s+/g, " ").slice(0, 600);

class RolledBack extends Error {}

/**
 * PostgreSQL: statements of this database still running once the client gave up on them (the
 * service's transaction timeout ends the transaction on Prisma's side, not the statement on the
 * server's). They are reported, then cancelled, so that the next measurement runs alone.
 */
async function orphans(b: Backend): Promise<unknown[]> {
  if (b.kind !== "postgresql") return [];
  const active = await b.query(`SELECT pid, state, round(extract(epoch FROM now() - query_start) * 1000) AS "runningMs", left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS query
    FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`);
  for (const row of active) await b.query(`SELECT pg_cancel_backend($1)`, [row.pid]);
  for (let i = 0; i < 100; i++) {
    const [left] = await b.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'`);
    if (!left?.n) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return active;
}

/** ingestSource as the service runs it (its transaction timeout included), then the document removed again. */
async function ingestBig(b: Backend, file: string, doc: GeneratedDocument, extra: boolean) {
  const out: Record<string, unknown> = {};
  try {
    const m = await measure(b, () => ingestSource(b.prisma, file, doc.yaml, doc.text));
    const r = m.result;
    Object.assign(out, {
      ok: r.ok, ...(r.ok ? { status: r.status, warnings: r.warnings.length } : { problems: r.problems.slice(0, 5) }),
      ms: round(m.ms, 0), dbMs: round(m.dbMs, 0), jsMs: round(m.ms - m.dbMs, 0), statements: m.statements,
      ...(b.kind === "postgresql" ? { wire: m.wire } : {}), slowest: slowest(m.timings, extra ? 6 : 2),
    });
    if (r.ok && r.documentId && extra) {
      const [entry] = await b.query(`SELECT length(vector) AS lexemes, pg_column_size(vector) AS "vectorBytes", pg_column_size(body) AS "bodyStoredBytes" FROM "SearchEntry" WHERE "type" = 'Document' AND "id" = $1`, [r.documentId]);
      const [terms] = await b.query(`SELECT count(*)::int AS n FROM "SearchTerm" WHERE "type" = 'Document' AND "id" = $1`, [r.documentId]);
      const [passages] = await b.query(`SELECT count(*)::int AS n FROM "SearchPassage" WHERE "type" = 'Document' AND "id" = $1`, [r.documentId]);
      const [mentions] = await b.query(`SELECT count(*)::int AS n FROM "Mention" WHERE "documentId" = $1`, [r.documentId]);
      out.stored = { ...entry, searchTerms: terms?.n, searchPassages: passages?.n, mentions: mentions?.n };
      const again = await measure(b, () => ingestSource(b.prisma, file, doc.yaml, doc.text));
      out.again = { status: again.result.ok ? again.result.status : "failed", ms: round(again.ms, 0), statements: again.statements };
    }
  } catch (error) {
    out.ok = false;
    out.error = errorText(error);
    out.ms = round(b.last.ms, 0);
    out.statements = b.last.timings.length;
    out.slowest = slowest(b.last.timings, 3);
  }
  const left = await orphans(b);
  if (left.length) out.stillRunningOnServerAfterwards = left;
  const stored = await b.prisma.document.findUnique({ where: { slug: doc.slug }, select: { id: true } });
  if (stored) {
    const removed = await measure(b, () => removeDocumentBySlug(b.prisma, doc.slug));
    out.remove = { ok: removed.result.ok, ms: round(removed.ms, 0), dbMs: round(removed.dbMs, 0), statements: removed.statements, ...(extra ? { slowest: slowest(removed.timings, 3) } : {}) };
  }
  return out;
}

/** Parse and plan, as ingestSource runs them (JavaScript only, but for two reads). */
async function planPhases(b: Backend, doc: GeneratedDocument) {
  const p: Record<string, unknown> = {};
  let t = performance.now();
  const unreadable = [...checkSourceString(doc.yaml, "annotation"), ...checkSourceString(doc.text, "text")];
  p.checkStringsMs = round(performance.now() - t);
  t = performance.now();
  const read = readAnnotation(doc.yaml);
  p.readAnnotationMs = round(performance.now() - t);
  if (!read.ok || unreadable.length) throw new Error(`unreadable: ${JSON.stringify(read.ok ? unreadable : read.problems)}`);
  const known = await measure(b, () => loadKnown(b.prisma, (read.annotation.quotes ?? []).map((q) => q.slug)));
  p.loadKnownMs = round(known.ms);
  t = performance.now();
  const source = parseSourceText(doc.text);
  p.parseSourceTextMs = round(performance.now() - t);
  t = performance.now();
  const { plan, problems } = planIngest(read.annotation, source, known.result);
  p.planMs = round(performance.now() - t);
  if (problems.length) throw new Error(`plan problems: ${JSON.stringify(problems.slice(0, 3))}`);
  p.claims = plan.claims.length;
  t = performance.now();
  const hash = createHash("sha256").update(`claims-1\0${doc.yaml}\0${doc.text}`).digest("hex");
  p.hashMs = round(performance.now() - t);
  return { phases: p, plan, hash };
}

async function bigRun(b: Backend, file: string, doc: GeneratedDocument, options: { dryRunWrite: boolean }) {
  const out: Record<string, unknown> = { maxTextBytes: MAX_TEXT_BYTES };

  // 1. The CLI's path, with the size limit.
  const refused = await measure(b, () => ingestFile(b.prisma, file));
  out.ingestFile = refused.result.ok
    ? { ok: true, status: refused.result.status, ms: round(refused.ms, 0) }
    : { ok: false, ms: round(refused.ms, 1), statements: refused.statements, problems: refused.result.problems };
  if (refused.result.ok && refused.result.documentId) await removeDocumentBySlug(b.prisma, doc.slug);

  // 2. Parse and plan alone.
  const { phases, plan, hash } = await planPhases(b, doc);
  out.phases = phases;

  // 3. The write alone: writePlan in a transaction rolled back at the end (as a dry run does),
  //    without the service's 120 s transaction timeout, so that it is measured whole.
  if (options.dryRunWrite) {
    const changes = new Changes();
    try {
      const write = await measure(b, () => b.prisma.$transaction(async (tx) => {
        await writePlan(tx, plan, { hash, annotation: doc.yaml }, changes);
        throw new RolledBack();
      }, { timeout: 3_600_000, maxWait: 60_000 }).catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      }));
      out.writeWithoutTimeout = {
        ms: round(write.ms, 0), dbMs: round(write.dbMs, 0), jsMs: round(write.ms - write.dbMs, 0), statements: write.statements,
        ...(b.kind === "postgresql" ? { wire: write.wire } : {}), slowest: slowest(write.timings), changes: changes.list(),
      };
    } catch (error) {
      out.writeWithoutTimeout = { error: errorText(error) };
    }
  }

  // 4. ingestSource (no byte limit on this path), as the service runs it.
  out.ingestSource = await ingestBig(b, file, doc, true);

  // 5. What the search triggers cost on this body, part by part (raw SQL on the driver).
  // OFFSET 0 keeps each subquery computed once (flattened, its to_tsvector would run again per lexeme).
  const probe = async (label: string, sql: string, params: unknown[]) => {
    const t0 = performance.now();
    try {
      const rows = await b.query(sql, params);
      return { label, ms: round(performance.now() - t0, 0), result: rows.length === 1 ? rows[0] : rows.length };
    } catch (error) {
      return { label, ms: round(performance.now() - t0, 0), error: errorText(error) };
    }
  };
  const body = `${doc.slug}. ${parseSourceText(doc.text).body}`; // as SearchEntry.body: title, '. ', text
  await b.query(`CREATE TEMP TABLE IF NOT EXISTS bench_body (body text)`);
  await b.query(`TRUNCATE bench_body`);
  await b.query(`INSERT INTO bench_body VALUES ($1)`, [body]);
  // The parts of the trigger chain (migrations 20261125130000_search_entries and
  // 20261206030000_search_first_in_one_pass), each evaluated whole.
  const probes = [
    await probe("to_tsvector of the body (SearchEntry.vector)", `SELECT length(v) AS lexemes, pg_column_size(v) AS bytes FROM (SELECT to_tsvector('english', body) AS v FROM bench_body OFFSET 0) x`, []),
    await probe("ts_rank of each lexeme (SearchTerm.rank)", `SELECT count(r)::int AS n FROM (SELECT to_tsvector('english', body) AS v FROM bench_body OFFSET 0) x, LATERAL (SELECT ts_rank(x.v, tg_lexeme_query(l.lexeme)) AS r FROM unnest(x.v) l) t`, []),
    await probe("tg_word_starts of the body (SearchTerm.first)", `SELECT count(*)::int AS prefixes FROM (SELECT body || '' AS body FROM bench_body OFFSET 0) x, tg_word_starts(x.body) w`, []),
    await probe("SearchPassage texts (regexp pass)", `SELECT count(*)::int AS passages, sum(length(t))::int AS chars FROM (SELECT string_agg(m.piece[1], '' ORDER BY m.i) AS t
      FROM (SELECT body || '' AS body FROM bench_body OFFSET 0) x, regexp_matches(x.body, '.{1,250}', 'gs') WITH ORDINALITY m(piece, i) GROUP BY (m.i - 1) / 2) p`, []),
  ];
  out.triggerProbes = probes;
  // The tsvector size limit: a body of as many bytes whose words are all different.
  let distinct = "";
  for (let i = 0; distinct.length < body.length; i++) distinct += `w${i.toString(36)}x `;
  out.tsvectorLimitProbe = await probe(`to_tsvector of ${distinct.length} bytes of distinct words`, `SELECT length(v) AS lexemes, pg_column_size(v) AS bytes FROM (SELECT to_tsvector('english', $1::text) AS v) x`, [distinct]);
  await b.query(`DROP TABLE IF EXISTS bench_body`);
  // The same limit through ingestSource: 1.2 MB of distinct words (a tsvector of ~2.7 MB).
  const words = distinct.slice(0, 1_200_000);
  const wordsYaml = "document:\n  slug: distinct-words\n  title: Distinct words\n  publishedOn: \"2025-01-15\"\n";
  try {
    const m = await measure(b, () => ingestSource(b.prisma, "distinct-words.yaml", wordsYaml, words));
    out.tooManyWords = { bytes: words.length, ms: round(m.ms, 0), ...(m.result.ok ? { ok: true, status: m.result.status } : { ok: false, problems: m.result.problems }) };
  } catch (error) {
    out.tooManyWords = { bytes: words.length, ms: round(b.last.ms, 0), ok: false, error: errorText(error) };
  }
  return out;
}

/** ingestSource of big documents of growing size; stops after the first that fails. */
async function sizeSeries(b: Backend, folder: string, pool: Pool, seed: number, sizes: number[]) {
  const rows: Record<string, unknown>[] = [];
  for (const bytes of sizes) {
    const { document } = bigDocument(pool, { slug: `big-${bytes}`, seed, bytes, vocabulary: 30_000, mentions: 300, events: 50, quotes: 50 });
    const [file] = await writeDocuments(folder, [document]);
    const result = await ingestBig(b, file!, document, false);
    rows.push({ targetBytes: bytes, bytes: Buffer.byteLength(document.text), ...result });
    console.error(`[${b.kind}] ${bytes} bytes: ${JSON.stringify({ ok: result.ok, ms: result.ms, dbMs: result.dbMs })}`);
    if (!result.ok) break;
  }
  return rows;
}

async function main() {
  const backends: BackendKind[] = option("backend", "both") === "both" ? ["pglite", "postgresql"] : [option("backend", "both") as BackendKind];
  if (!backends.every((k) => k === "pglite" || k === "postgresql")) throw new Error("--backend must be pglite, postgresql or both");
  const parts = option("only", "corpus,sizes,big").split(",");
  if (!parts.every((p) => ["corpus", "sizes", "big"].includes(p))) throw new Error("--only lists corpus, sizes, big");
  const corpusOptions: CorpusOptions = { seed: numberOption("seed", 1), documents: numberOption("documents", 1000), events: 200, people: 300, organizations: 80, themes: 20 };
  const removeCount = numberOption("remove", 100);
  const bigBytes = numberOption("big-bytes", 5 * 1024 * 1024);
  const sizes = option("sizes", "65536,262144,1048576,2000000,5242880").split(",").map(Number);
  // The write measured whole also in a rolled-back transaction without the service's 120 s timeout
  // (on PGlite the service's own run already is: a statement blocks the event loop, so the timeout
  // cannot cut it). Off by default since migration 20261206030000 made long texts linear.
  const dryRunWrite = option("write-without-timeout", "none").split(",");
  const tmp = await mkdtemp(path.join(os.tmpdir(), "themegraph-bench-ingest-"));
  const results: Record<string, unknown> = {
    date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model,
    options: { ...corpusOptions, removeCount, bigBytes, parts, sizes, dryRunWrite }, loadavgAtStart: os.loadavg().map((x) => round(x, 2)),
  };
  try {
    const t0 = performance.now();
    const pool = buildPool(corpusOptions);
    const corpus = parts.includes("corpus") ? buildCorpus(corpusOptions, pool) : null;
    const big = parts.includes("big") ? bigDocument(pool, { slug: "big-document", seed: corpusOptions.seed, bytes: bigBytes, vocabulary: 30_000, mentions: 300, events: 50, quotes: 50 }) : null;
    const files = corpus ? await writeDocuments(path.join(tmp, "corpus"), corpus.documents) : [];
    const [bigFile] = big ? await writeDocuments(path.join(tmp, "big"), [big.document]) : [];
    results.generation = { ms: round(performance.now() - t0, 0), corpus: corpus?.stats, big: big?.stats };
    console.error(`generated in ${round(performance.now() - t0, 0)} ms into ${tmp}`);

    for (const kind of backends) {
      const tOpen = performance.now();
      const b = await openBackend(kind, tmp);
      const result: Record<string, unknown> = { openMs: round(performance.now() - tOpen, 0) };
      results[kind] = result;
      try {
        if (corpus) result.corpus = await corpusRun(b, files, corpus.documents.map((d) => d.slug), removeCount);
        if (parts.includes("sizes")) result.sizes = await sizeSeries(b, path.join(tmp, "sizes"), pool, corpusOptions.seed, sizes);
        if (big && bigFile) result.big = await bigRun(b, bigFile, big.document, { dryRunWrite: dryRunWrite.includes(kind) });
      } finally {
        await b.close();
      }
      console.error(`[${kind}] done`);
      if (option("json", "")) await writeFile(option("json", ""), JSON.stringify(results, null, 2));
    }
  } finally {
    results.loadavgAtEnd = os.loadavg().map((x) => round(x, 2));
    if (!hasFlag("keep")) await rm(tmp, { recursive: true, force: true });
  }
  const json = JSON.stringify(results, null, 2);
  const target = option("json", "");
  if (target) await writeFile(target, json);
  console.log(json);
}

await main();
