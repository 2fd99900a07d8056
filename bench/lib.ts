/**
 * Helpers the benchmark scripts share: command-line options, the seeded PRNG (no Math.random, so a
 * scale always gives the same data), the bench database's address and pool, and which themes to ask for.
 */
import pg from "pg";
import { parseCli, type CliSpec } from "../src/cli-args.ts";

/** Where `bench:seed` writes and `bench` reads unless `--database-url` says otherwise. */
export const DEFAULT_BENCH_URL = "postgresql://postgres@127.0.0.1:5432/themegraph_bench";

let parsed: Record<string, unknown> | undefined;

/**
 * Parses this script's command line by its description (src/cli-args.ts: `--help`, exit 2 on an
 * unknown option); option(), numberOption() and hasFlag() then read what it parsed. Call it first.
 */
export function benchCli(spec: CliSpec): void {
  parsed = parseCli(spec).values;
}

/** Options several bench commands take, described once. */
export const BENCH_DATABASE_OPTION = {
  "database-url": { type: "string", value: "url", description: `the bench database (default ${DEFAULT_BENCH_URL})` },
} as const;
export const PORT_OPTION = {
  port: { type: "string", value: "n", description: "port on 127.0.0.1 (default 0: a free one, printed)" },
} as const;

/** `--name value` from the command line, or the fallback. */
export function option(name: string, fallback: string): string {
  if (parsed) return typeof parsed[name] === "string" ? (parsed[name] as string) : fallback;
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (i >= 0 && (value === undefined || value.startsWith("--"))) throw new Error(`--${name} needs a value`);
  return value ?? fallback;
}

/** A positive number option; a bad value stops the script with a message naming it. */
export function numberOption(name: string, fallback: number): number {
  const value = Number(option(name, String(fallback)));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

export const hasFlag = (name: string): boolean => (parsed ? parsed[name] === true : process.argv.includes(`--${name}`));

/** mulberry32: a tiny, fast, seeded PRNG giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A pg pool in UTC, as the service uses (dates are UTC throughout). */
export function benchPool(url: string, max = 1): pg.Pool {
  return new pg.Pool({ connectionString: url, max, options: "-c TimeZone=UTC" });
}

export interface ThemePick {
  slug: string;
  events: number;
}

/** The popular theme (most events) and a typical one (the median event count), read from the data. */
export async function benchThemes(pool: pg.Pool): Promise<{ popular: ThemePick; typical: ThemePick }> {
  const { rows } = await pool.query<ThemePick>(
    `SELECT t.slug, count(et."eventId")::int AS events FROM "Theme" t LEFT JOIN "EventTheme" et ON et."themeId" = t.id
     GROUP BY t.id ORDER BY events DESC, t.slug`,
  );
  if (rows.length === 0) throw new Error("the bench database holds no theme: run `npm run bench:seed -- --scale 1` first");
  return { popular: rows[0]!, typical: rows[Math.floor(rows.length / 2)]! };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b), mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (0-100) of `values`, nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** "median 120 ms (min 100, max 150)": a timing over repeated runs. */
export const timingSummary = (ms: number[]) =>
  `median ${Math.round(median(ms))} ms (min ${Math.round(Math.min(...ms))}, max ${Math.round(Math.max(...ms))})`;
