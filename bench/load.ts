/**
 * `npm run load [-- --duration 60 --connections 50 --database-url URL]`: a bounded load test on
 * loopback. Starts the service (fresh PGlite folder unless --database-url), sends a mix of reads with
 * autocannon while a trickle of authenticated writes (createTheme) runs beside them, then checks:
 * 0 non-2xx, 0 GraphQL errors, 0 lost writes (every acknowledged write is readable afterwards).
 * Exits 1 when any check fails.
 * `--targets URL,URL --token TOKEN` loads running instances instead (several instances of one
 * database, say): the connections are shared between them, writes go to each in turn, every
 * acknowledged write must be readable from every instance (asked with `x-read-after-lsn` when the
 * writes answered with `x-write-lsn`), and the figures are reported per instance.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { benchCli, numberOption, option } from "./lib.ts";
import { serviceNodeFlags, startChild } from "./proc.ts";
import { newToken } from "../src/auth/api-tokens.ts";

benchCli({
  command: "npm run load --",
  synopsis: "[--duration S] [--connections N] [--database-url URL]\nnpm run load -- --targets URL,URL --token TOKEN [--duration S] [--connections N]",
  summary: `A bounded load test on loopback: reads with autocannon beside a trickle of authenticated writes,
then checks 0 non-2xx, 0 GraphQL errors and 0 lost writes; exits 1 when a check fails. Starts the
service itself (fresh PGlite folder unless --database-url), or loads running instances (--targets).`,
  options: {
    duration: { type: "string", value: "seconds", description: "how long to load (default 60)" },
    connections: { type: "string", value: "n", description: "autocannon connections (default 50)" },
    "database-url": { type: "string", value: "url", description: "PostgreSQL for the service it starts (default: a fresh PGlite folder)" },
    targets: { type: "string", value: "url,url", description: "load these running instances instead of starting one" },
    token: { type: "string", value: "token", description: "an API token the targets accept (for the writes)" },
  },
  examples: ["npm run load -- --duration 20", "npm run load -- --targets http://localhost:4001/graphql,http://localhost:4002/graphql --token $TOKEN"],
});

const duration = numberOption("duration", 60);
const connections = numberOption("connections", 50);
const databaseUrl = option("database-url", "");
const givenTargets = option("targets", "").split(",").map((t) => t.trim()).filter(Boolean);
const WRITE_EVERY_MS = 200;

const READS = [
  `{ theme(slug: "space") { name events(first: 10) { nodes { title date { iso } quotes(first: 3) { nodes { text speaker { name } } } } } } }`,
  `{ quotes(first: 20) { nodes { text kind date { iso } speaker { name } } } }`,
  `{ search(query: "space station", first: 5) { nodes { rank item { __typename } } } }`,
  `{ events(filter: { from: "2021", to: "2022" }) { totalCount nodes { slug } } }`,
  `{ theme(slug: "basic-research") { timeline(granularity: MONTH) { period count } relatedThemes { nodes { sharedEvents } } } }`,
].map((query) => JSON.stringify({ query }));

const fresh = newToken();
const token = givenTargets.length ? option("token", "") : fresh.token;
if (givenTargets.length && !token) throw new Error("--targets needs --token (an API token the instances accept) for the writes");
const dataDir = givenTargets.length ? undefined : await mkdtemp(path.join(os.tmpdir(), "themegraph-load-"));
const server = dataDir
  ? await startChild("themegraph", "dist/src/main.js", [], {
    PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: databaseUrl, NODE_ENV: "production",
    API_TOKEN_SHA256: fresh.sha256,
  }, serviceNodeFlags())
  : undefined;
const targets = server ? [`${server.origin}/graphql`] : givenTargets;

const graphqlErrors = new Map<string, number>();
const failures: string[] = [];
/** The furthest write position any write answered with: reads checking the writes must see it. */
let lastWrite: string | undefined;
const reads = Promise.all(targets.map((url) => autocannon({
  url, connections: Math.max(1, Math.round(connections / targets.length)), duration,
  requests: READS.map((body) => ({
    method: "POST" as const, body, headers: { "content-type": "application/json" },
    onResponse: (status: number, responseBody: string) => {
      if (status === 200 && JSON.parse(responseBody).errors) graphqlErrors.set(url, (graphqlErrors.get(url) ?? 0) + 1);
    },
  })),
})));

/** Writes until the reads end; returns the slugs the service acknowledged. */
async function writeTrickle(): Promise<{ acknowledged: string[]; attempted: number }> {
  const acknowledged: string[] = [];
  const ends = Date.now() + duration * 1000;
  let attempted = 0;
  while (Date.now() < ends) {
    const url = targets[attempted % targets.length]!;
    const slug = `load-${Date.now().toString(36)}-${attempted++}`;
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `mutation ($input: CreateThemeInput!) { createTheme(input: $input) { slug } }`, variables: { input: { slug, name: `Load ${slug}` } } }),
    });
    const body = (await res.json()) as { data?: { createTheme?: { slug: string } }; errors?: unknown[] };
    lastWrite = res.headers.get("x-write-lsn") ?? lastWrite;
    if (res.status === 200 && body.data?.createTheme?.slug === slug) acknowledged.push(slug);
    else failures.push(`write ${slug}: HTTP ${res.status} ${JSON.stringify(body.errors ?? body)}`);
    await new Promise((r) => setTimeout(r, WRITE_EVERY_MS));
  }
  return { acknowledged, attempted };
}

try {
  const [results, writes] = await Promise.all([reads, writeTrickle()]);
  let lost = 0;
  for (const url of targets) {
    for (const slug of writes.acknowledged) {
      const res = await fetch(url, {
        method: "POST", headers: { "content-type": "application/json", ...(lastWrite ? { "x-read-after-lsn": lastWrite } : {}) },
        body: JSON.stringify({ query: `{ theme(slug: "${slug}") { slug } }` }),
      });
      if (((await res.json()) as { data?: { theme?: unknown } }).data?.theme == null) lost++;
    }
  }
  let non2xx = 0, errors = 0;
  results.forEach((result, i) => {
    const url = targets[i]!, failed = result.non2xx + result.errors + result.timeouts;
    non2xx += failed;
    errors += graphqlErrors.get(url) ?? 0;
    console.log(`reads on ${url}: ${result.requests.total} in ${duration} s (${Math.round(result.requests.average)} req/s), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.connections} connections; non-2xx/errors/timeouts ${failed}, GraphQL errors ${graphqlErrors.get(url) ?? 0}`);
  });
  console.log(`writes: ${writes.acknowledged.length} acknowledged of ${writes.attempted}, to ${targets.length} instance(s) in turn; not readable afterwards (from every instance): ${lost}`);
  for (const f of failures.slice(0, 5)) console.log(f);
  const ok = non2xx === 0 && errors === 0 && lost === 0 && failures.length === 0 && writes.acknowledged.length > 0;
  console.log(ok ? "load test passed" : "load test FAILED");
  process.exitCode = ok ? 0 : 1;
} finally {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
