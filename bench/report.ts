/**
 * Turns `npm run bench` figures into a Markdown section: the table (ours, PostGraphile and the SQL
 * floor), the issue's targets checked, ours against PostGraphile, and how this scale compares with
 * scale 1. Appends it under a dated heading to bench/RESULTS.md (earlier sections stay) and keeps
 * the raw figures in bench/results-<label>.json for the next comparison.
 */
import { existsSync } from "node:fs";
import { appendFile, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../src/paths.ts";
import type { ThemePick } from "./lib.ts";

export type ServerKind = "themegraph" | "postgraphile" | "floor";

export interface Row {
  name: string;
  key: string;
  server: ServerKind;
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  sql: number;
  cpuMsPerReq: number;
  pgCpuMsPerReq: number;
  rssMb: number;
  /** Ours against the floor, measured in turns (median of per-round ratios). */
  ratio?: number;
  /** Ours against PostGraphile, the same way. */
  ratioToPostgraphile?: number;
}

export interface RunInfo {
  label: string;
  duration: number;
  warmup: number;
  /** Turns the targets take within a scenario's measured time. */
  rounds: number;
  connections: number;
  events: number;
  quotes: number;
  postgres: string;
  popular: ThemePick;
  typical: ThemePick;
  /** Which Node each server ran on, and PostGraphile's versions: one sentence. */
  runtimes?: string;
}

/** The throughput targets (issue #17, one read path): our req/s over the floor's, and over PostGraphile's. */
const FLOOR_TARGETS: Record<string, number> = { "deep-popular": 0.9, "deep-typical": 0.9, quotes: 0.95 };
const POSTGRAPHILE_TARGETS: Record<string, number> = { "deep-popular": 1.5, "deep-typical": 1.5 };
const P99_LIMIT_MS = 100, RSS_LIMIT_MB = 200, SCALE_LATENCY_LIMIT = 1.5;

const benchDir = path.join(projectRoot, "bench");
const fixed = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "?");
const mark = (ok: boolean) => (ok ? "met" : "**missed**");

function ratioToFloor(row: Row, rows: Row[]): number | undefined {
  const floor = rows.find((r) => r.server === "floor" && r.key === row.key);
  return row.server === "themegraph" && floor ? row.ratio ?? row.reqPerSec / floor.reqPerSec : undefined;
}

function table(rows: Row[]): string {
  const lines = [
    "| scenario | req/s | p50 ms | p99 ms | SQL/req | server CPU ms/req | pg CPU ms/req | RSS MB | ours / PostGraphile | ours / floor |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of rows) {
    const ratio = ratioToFloor(r, rows);
    const toPostgraphile = r.server === "postgraphile" ? "(PostGraphile)" : r.ratioToPostgraphile === undefined ? "" : fixed(r.ratioToPostgraphile, 2);
    lines.push(`| ${r.name} | ${fixed(r.reqPerSec, 0)} | ${fixed(r.p50)} | ${fixed(r.p99)} | ${r.sql} | ${fixed(r.cpuMsPerReq, 2)} | ` +
      `${fixed(r.pgCpuMsPerReq, 2)} | ${fixed(r.rssMb, 0)} | ${toPostgraphile} | ${ratio === undefined ? (r.server === "floor" ? "(floor)" : "") : fixed(ratio, 2)} |`);
  }
  return lines.join("\n");
}

/** One line per target of the issue, said plainly. */
function targets(rows: Row[], scaleOne: Row[] | undefined, label: string): string[] {
  const ours = rows.filter((r) => r.server === "themegraph");
  if (ours.length === 0) return [];
  const out: string[] = [];
  for (const [key, min] of Object.entries(FLOOR_TARGETS)) {
    const row = ours.find((r) => r.key === key), ratio = row && ratioToFloor(row, rows);
    if (ratio !== undefined) out.push(`- ${key}: ${fixed(ratio, 2)}x the floor's req/s (target >= ${min}): ${mark(ratio >= min)}`);
  }
  for (const row of ours.filter((r) => r.ratioToPostgraphile !== undefined)) {
    const pgl = rows.find((r) => r.server === "postgraphile" && r.key === row.key);
    const min = POSTGRAPHILE_TARGETS[row.key];
    out.push(`- ${row.key}: ${fixed(row.ratioToPostgraphile!, 2)}x PostGraphile's req/s${min ? ` (target >= ${min}): ${mark(row.ratioToPostgraphile! >= min)}` : ""}; server CPU per request ${fixed(row.cpuMsPerReq, 2)} ms ` +
      `against its ${fixed(pgl?.cpuMsPerReq ?? NaN, 2)}, PostgreSQL's ${fixed(row.pgCpuMsPerReq, 2)} against ${fixed(pgl?.pgCpuMsPerReq ?? NaN, 2)}`);
    if (min && pgl) out.push(`- ${row.key}: p99 ${fixed(row.p99)} ms, PostGraphile's ${fixed(pgl.p99)} ms (target: not above): ${mark(row.p99 <= pgl.p99)}`);
  }
  const worstP99 = ours.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  out.push(`- p99 under ${P99_LIMIT_MS} ms in all ${ours.length} scenarios: worst ${fixed(worstP99.p99)} ms (${worstP99.key}): ${mark(worstP99.p99 < P99_LIMIT_MS)}`);
  const rss = Math.max(...ours.map((r) => r.rssMb));
  out.push(`- RSS under ${RSS_LIMIT_MB} MB: peak ${fixed(rss, 0)} MB: ${mark(rss < RSS_LIMIT_MB)}`);
  if (scaleOne && label !== "1") {
    const parts = ours.flatMap((r) => {
      const base = scaleOne.find((b) => b.server === "themegraph" && b.key === r.key);
      return base ? [{ key: r.key, p50: r.p50 / base.p50, p99: r.p99 / base.p99 }] : [];
    });
    const worst = Math.max(...parts.flatMap((p) => [p.p50, p.p99]));
    const detail = parts.map((p) => `${p.key} p50 x${fixed(p.p50, 2)}, p99 x${fixed(p.p99, 2)}`).join("; ");
    out.push(`- latency within ${SCALE_LATENCY_LIMIT}x of scale 1 (bench/results-1.json): ${detail}: ${mark(worst <= SCALE_LATENCY_LIMIT)}`);
  }
  return out;
}

/** Prints the section; with `write`, appends it to RESULTS.md and saves results-<label>.json. */
export async function appendResults(info: RunInfo, rows: Row[], { write }: { write: boolean }): Promise<void> {
  const date = new Date().toISOString().slice(0, 10);
  const scaleOnePath = path.join(benchDir, "results-1.json");
  const scaleOne = existsSync(scaleOnePath) ? (JSON.parse(await readFile(scaleOnePath, "utf8")) as { rows: Row[] }).rows : undefined;
  const cpu = os.cpus();
  const section = [
    `## PostgreSQL throughput, scale ${info.label} (\`npm run bench\`), ${date}`,
    "",
    `Data: ${info.events} events, ${info.quotes} quotes; popular theme ${info.popular.slug} (${info.popular.events} events), ` +
      `typical ${info.typical.slug} (${info.typical.events} events). Machine: ${cpu.length} cores (${cpu[0]?.model.trim()}), ` +
      `${info.runtimes ?? `Node ${process.version}`}, PostgreSQL ${info.postgres}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} at the end.`,
    `autocannon in the runner's process, ${info.connections} connections, ${info.warmup} s warm-up then ${info.duration} s per row (with other targets: ${info.rounds} rounds each, who goes first rotating, ratio = median of the rounds' ratios, p50/p99 = medians of the rounds', each from every answer's latency to the microsecond), ` +
      `127.0.0.1. Every target's answer equalled ours item for item before measuring. Server CPU is the server process's utime+stime over the run; pg CPU is the bench ` +
      `database's PostgreSQL backends' (/proc); SQL/req is our \`x-sql-statements\` header, PostGraphile's the statements its pool's clients sent for one answer (after a first one).`,
    "",
    table(rows),
    "",
    ...targets(rows, info.label === "1" ? undefined : scaleOne, info.label),
    "",
  ].join("\n");
  console.log(`\n${section}`);
  if (!write) return;
  await appendFile(path.join(benchDir, "RESULTS.md"), `\n${section}`);
  await writeFile(path.join(benchDir, `results-${info.label}.json`), JSON.stringify({ date, info, rows }, null, 2) + "\n");
  console.log(`appended to bench/RESULTS.md, raw figures in bench/results-${info.label}.json`);
}
