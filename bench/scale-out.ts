/**
 * `npm run bench:scale [-- --scale 1 --duration 20]`: "Beyond one machine" measured on this machine
 * (tests/helpers/replication.ts sets it up, as the scale-out test does): a throw-away primary with a
 * streaming replica, PgBouncer 1.18 in transaction mode, the synthetic data (bench/generate.ts), two
 * instances with DATABASE_REPLICA_URLS. Prints Markdown:
 * 1. a mixed load across both instances (the deep query and the 50 quotes, autocannon, plus a write
 *    every 100 ms to each instance in turn, each followed at once by a read of it on the other instance
 *    with `x-read-after-lsn`): statements per server, the replica's lag as /readyz saw it, the
 *    read-after-write latency next to a plain read's, CPU per request of the instances, the primary's
 *    and the replica's backends;
 * 2. the cost of DB_PREPARED_STATEMENTS=false: one instance straight on the primary, with and without
 *    named statements, in interleaved rounds.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import autocannon from "autocannon";
import pg from "pg";
import { newToken } from "../src/auth/api-tokens.ts";
import { startReplicated } from "../tests/helpers/replication.ts";
import { benchCli, benchThemes, median, numberOption, percentile } from "./lib.ts";
import { CLK_TCK, cpuTicks, serviceNodeFlags, startChild, ticksSince, type Child } from "./proc.ts";
import { DEEP, LATEST_QUOTES } from "./queries.ts";

benchCli({
  command: "npm run bench:scale --",
  synopsis: "[--scale N] [--duration S]",
  summary: `"Beyond one machine" measured here: a throw-away primary with a streaming replica, PgBouncer in
transaction mode and two instances (needs PostgreSQL's server binaries and pgbouncer installed);
prints Markdown.`,
  options: {
    scale: { type: "string", value: "n", description: "synthetic data scale (default 1)" },
    duration: { type: "string", value: "seconds", description: "each load's length (default 20)" },
  },
  examples: ["npm run bench:scale -- --scale 1 --duration 10"],
});

const scale = numberOption("scale", 1), duration = numberOption("duration", 20);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** CPU ticks of each backend whose parent is this postmaster (compare two with ticksSince). */
function backendsOf(postmaster: number): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster) ticks.set(Number(pid), cpuTicks(pid));
    } catch {
      // gone meanwhile
    }
  }
  return ticks;
}

const post = (origin: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${origin}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

const cluster = await startReplicated({ pgbouncer: true });
const children: Child[] = [];
try {
  execFileSync(process.execPath, [new URL("./generate.js", import.meta.url).pathname, "--scale", String(scale), "--database-url", cluster.primaryUrl], { stdio: "inherit" });
  const pool = new pg.Pool({ connectionString: cluster.primaryUrl, max: 1 });
  const { typical } = await benchThemes(pool);
  await pool.end();
  const bodies = [JSON.stringify({ query: DEEP, variables: { slug: typical.slug } }), JSON.stringify({ query: LATEST_QUOTES })];
  const { token, sha256 } = newToken();
  const common = { PORT: "0", HOST: "127.0.0.1", NODE_ENV: "production", LOG_LEVEL: "warn", SEED: "false", API_TOKEN_SHA256: sha256 };
  const replicated = { ...common, DATABASE_URL: cluster.bouncerUrl!, DB_PREPARED_STATEMENTS: "false", DATABASE_REPLICA_URLS: cluster.replicaUrl };
  for (const label of ["a", "b"]) children.push(await startChild(`instance-${label}`, new URL("../src/main.js", import.meta.url).pathname, [], replicated, serviceNodeFlags()));
  const [a, b] = children as [Child, Child];
  for (const body of bodies) for (const c of children) await (await post(c.origin, body)).text(); // warm

  // 1. The mixed load.
  const postmasters = await cluster.postmasters();
  const before = { tx: await cluster.transactions(), primary: backendsOf(postmasters.primary), replica: backendsOf(postmasters.replica), instances: children.map((c) => cpuTicks(c.pid)) };
  let done = false;
  const lags: number[] = [], afterWrite: number[] = [], plain: number[] = [];
  let stale = 0, writes = 0;
  const sampler = (async () => {
    while (!done) {
      const ready = (await (await fetch(`${a.origin}/readyz`)).json()) as { replicas?: { lagMs: number | null }[] };
      if (ready.replicas?.[0]?.lagMs != null) lags.push(ready.replicas[0].lagMs);
      await sleep(200);
    }
  })();
  const writer = (async () => {
    for (let i = 0; !done; i++) {
      const [writeTo, readFrom] = i % 2 ? [b, a] : [a, b];
      const slug = `scale-${i}`;
      const wrote = await post(writeTo.origin, JSON.stringify({ query: `mutation($s: String!) { createTheme(input: { slug: $s, name: "Scale" }) { slug } }`, variables: { s: slug } }), { authorization: `Bearer ${token}` });
      await wrote.text();
      const lsn = wrote.headers.get("x-write-lsn")!;
      const read = JSON.stringify({ query: `query($s: String!) { theme(slug: $s) { slug } }`, variables: { s: slug } });
      let started = performance.now();
      const seen = (await (await post(readFrom.origin, read, { "x-read-after-lsn": lsn })).json()) as { data?: { theme: unknown } };
      afterWrite.push(performance.now() - started);
      if (!seen.data?.theme) throw new Error(`read-after-write missed ${slug}`);
      started = performance.now();
      const unaware = (await (await post(readFrom.origin, JSON.stringify({ query: `query($s: String!) { theme(slug: $s) { slug } }`, variables: { s: `${slug}` } }))).json()) as { data?: { theme: unknown } };
      plain.push(performance.now() - started);
      if (!unaware.data?.theme) stale++;
      writes++;
      await sleep(100);
    }
  })();
  const results = await Promise.all(children.map((c) => autocannon({ url: `${c.origin}/graphql`, connections: 8, duration, requests: bodies.map((body) => ({ method: "POST" as const, body, headers: { "content-type": "application/json" } })) })));
  done = true;
  await Promise.all([sampler, writer]);
  const after = { tx: await cluster.transactions(), primary: backendsOf(postmasters.primary), replica: backendsOf(postmasters.replica), instances: children.map((c) => cpuTicks(c.pid)) };
  const reads = results.reduce((n, r) => n + r.requests.total, 0);
  const requests = reads + writes * 3;
  const ms = (ticks: number) => (ticks * 1000) / CLK_TCK;
  console.log(`\n### Mixed load, scale ${scale}, ${duration} s, two instances (8 connections each) + a write every ~100 ms\n`);
  console.log("| measure | value |\n| --- | ---: |");
  console.log(`| reads (deep query of ${typical.slug}, 50 quotes) | ${reads} (${Math.round(reads / duration)} req/s), p50 ${median(results.map((r) => r.latency.p50))} ms, p99 ${Math.max(...results.map((r) => r.latency.p99))} ms |`);
  console.log(`| writes (createTheme), each read back at once on the other instance | ${writes}, stale plain reads right after: ${stale} |`);
  console.log(`| transactions on the primary / the replica | ${after.tx.primary - before.tx.primary} / ${after.tx.replica - before.tx.replica} |`);
  console.log(`| replica lag on /readyz (p50 / p99 / max, ${lags.length} samples) | ${median(lags)} / ${percentile(lags, 99)} / ${Math.max(...lags)} ms |`);
  console.log(`| read after write with x-read-after-lsn, p50 / p99 | ${round(median(afterWrite))} / ${round(percentile(afterWrite, 99))} ms |`);
  console.log(`| the same read without it, p50 / p99 | ${round(median(plain))} / ${round(percentile(plain, 99))} ms |`);
  console.log(`| CPU per request: instances / primary backends / replica backends | ${round(ms(after.instances.reduce((s, t, i) => s + t - before.instances[i]!, 0)) / requests)} / ${round(ms(ticksSince(before.primary, after.primary)) / requests)} / ${round(ms(ticksSince(before.replica, after.replica)) / requests)} ms |`);
  for (const c of children) await c.stop();
  children.length = 0;

  // 2. Named statements or not, one instance straight on the primary, interleaved rounds.
  const direct = { ...common, DATABASE_URL: cluster.primaryUrl };
  const prepared = await startChild("prepared", new URL("../src/main.js", import.meta.url).pathname, [], { ...direct, DB_PREPARED_STATEMENTS: "true" }, serviceNodeFlags());
  const unnamed = await startChild("unnamed", new URL("../src/main.js", import.meta.url).pathname, [], { ...direct, DB_PREPARED_STATEMENTS: "false" }, serviceNodeFlags());
  children.push(prepared, unnamed);
  console.log(`\n### DB_PREPARED_STATEMENTS, scale ${scale}, one instance on the primary, 4 rounds of 5 s each\n`);
  console.log("| query | prepared req/s | unnamed req/s | unnamed / prepared | PostgreSQL CPU ms/req prepared / unnamed |\n| --- | ---: | ---: | ---: | ---: |");
  for (const [name, body] of [["deep, typical theme", bodies[0]!], ["50 quotes", bodies[1]!]] as const) {
    const rates = { prepared: [] as number[], unnamed: [] as number[] }, pgms = { prepared: [] as number[], unnamed: [] as number[] };
    for (let r = 0; r < 4; r++) {
      for (const [key, child] of (r % 2 ? [["unnamed", unnamed], ["prepared", prepared]] : [["prepared", prepared], ["unnamed", unnamed]]) as [keyof typeof rates, Child][]) {
        const pgBefore = backendsOf(postmasters.primary);
        const result = await autocannon({ url: `${child.origin}/graphql`, connections: 8, duration: 5, requests: [{ method: "POST", body, headers: { "content-type": "application/json" } }] });
        rates[key].push(result.requests.average);
        pgms[key].push(ms(ticksSince(pgBefore, backendsOf(postmasters.primary))) / Math.max(1, result.requests.total));
      }
    }
    console.log(`| ${name} | ${Math.round(median(rates.prepared))} | ${Math.round(median(rates.unnamed))} | ${round(median(rates.unnamed) / median(rates.prepared))} | ${round(median(pgms.prepared))} / ${round(median(pgms.unnamed))} |`);
  }
} finally {
  for (const c of children) await c.stop();
  await cluster.close();
}
