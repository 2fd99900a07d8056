/**
 * `npm run bench:gc -- [--duration 10] [--only key,key] [--top N] [--database-url URL]`: how much of our service's on-CPU time
 * goes to garbage collection under load, per scenario. The service runs with `--cpu-prof` (V8's
 * sampling profiler, written when the process exits) and the Node flags of `npm start`; autocannon
 * sends one scenario for `--duration` seconds with 10 connections; the share is the samples in
 * "(garbage collector)" over all samples but "(idle)". `--top N` lists the N functions with the
 * most samples of their own. A fresh service per scenario, so the profiles do not mix. Needs the bench database (`npm run bench:seed`) and `npm run build`.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { BENCH_DATABASE_OPTION, benchCli, benchPool, benchThemes, DEFAULT_BENCH_URL, numberOption, option } from "./lib.ts";
import { serviceNodeFlags, startChild } from "./proc.ts";
import { scenarios } from "./queries.ts";

benchCli({
  command: "npm run bench:gc --",
  synopsis: "[--duration S] [--only key,key] [--top N] [--database-url URL]",
  summary: "How much of the service's on-CPU time goes to garbage collection under load, per scenario (V8's --cpu-prof); needs the bench database (`npm run bench:seed`).",
  options: {
    duration: { type: "string", value: "seconds", description: "load per scenario (default 10)" },
    only: { type: "string", value: "key,key", description: "these scenarios only" },
    top: { type: "string", value: "n", description: "also list the N functions with most samples of their own" },
    ...BENCH_DATABASE_OPTION,
  },
  examples: ["npm run bench:gc -- --duration 5 --top 10"],
});

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
}

/** GC's share of the profile's non-idle samples. */
function gcShare(profile: Profile): { gc: number; busy: number } {
  const names = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  let gc = 0, busy = 0;
  for (const id of profile.samples) {
    const name = names.get(id);
    if (name === "(idle)") continue;
    busy++;
    if (name === "(garbage collector)") gc++;
  }
  return { gc, busy };
}

/** The functions with the most samples of their own, as "name (file:line) share". */
function top(profile: Profile, count: number): string[] {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  let busy = 0;
  for (const id of profile.samples) {
    const frame = frames.get(id)!;
    if (frame.functionName === "(idle)") continue;
    busy++;
    const name = `${frame.functionName || "(anonymous)"} (${frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/dist\//, "")}:${frame.lineNumber + 1})`;
    self.set(name, (self.get(name) ?? 0) + 1);
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, n]) => `${((100 * n) / busy).toFixed(1)} % ${name}`);
}

const url = option("database-url", DEFAULT_BENCH_URL);
const topCount = option("top", "") === "" ? 0 : numberOption("top", 1);
const onlyKeys = option("only", "");
const duration = numberOption("duration", 10);
const pool = benchPool(url);
const { popular, typical } = await benchThemes(pool);
await pool.end();
const main = fileURLToPath(new URL("../src/main.js", import.meta.url));

console.log("| scenario | requests | GC share of the service's CPU |\n| --- | ---: | ---: |");
for (const scenario of scenarios(popular, typical).filter((s) => s.key !== "search" && (!onlyKeys || onlyKeys.split(",").includes(s.key)))) {
  const dir = mkdtempSync(path.join(tmpdir(), "themegraph-prof-"));
  const child = await startChild("themegraph", main, [], {
    DATABASE_URL: url, SEED: "false", PORT: "0", HOST: "127.0.0.1", NODE_ENV: "production", LOG_SQL: "false",
  }, [...serviceNodeFlags(), "--cpu-prof", `--cpu-prof-dir=${dir}`]);
  const request = { url: `${child.origin}/graphql`, method: "POST" as const, headers: { "content-type": "application/json" }, body: scenario.body, connections: 10 };
  await autocannon({ ...request, duration: 2 });
  const result = await autocannon({ ...request, duration });
  await child.stop();
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no profile written in ${dir}`);
  const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Profile;
  const { gc, busy } = gcShare(profile);
  console.log(`| ${scenario.name} | ${result.requests.total} | ${((100 * gc) / busy).toFixed(1)} % |`);
  for (const line of top(profile, topCount)) console.log(`    ${line}`);
}
