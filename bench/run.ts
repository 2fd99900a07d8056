/**
 * `npm run bench -- [--scale-label N] [--duration 10] [--warmup 2] [--database-url URL]`
 * (`--floor-only`, `--only key,key`: partial runs, printed but not written):
 * throughput of our GraphQL service on the bench database (fill it with `npm run bench:seed`), next to
 * the SQL floor (bench/floor.ts) for the deep query and the 50 quotes. Expects `npm run build` done.
 * Both servers are child processes on 127.0.0.1; each scenario gets a warm-up, then a bounded
 * autocannon run with 10 connections. Appends the table to bench/RESULTS.md (see bench/report.ts).
 */
import path from "node:path";
import autocannon from "autocannon";
import { projectRoot } from "../src/paths.ts";
import { benchPool, benchThemes, DEFAULT_BENCH_URL, hasFlag, numberOption, option } from "./lib.ts";
import { backendTicks, CLK_TCK, cpuTicks, rssMb, serviceNodeFlags, startChild, ticksSince, type Child } from "./proc.ts";
import { scenarios, type Scenario } from "./queries.ts";
import { appendResults, type Row, type RunInfo } from "./report.ts";

const CONNECTIONS = 10;
const duration = numberOption("duration", 10), warmup = numberOption("warmup", 2);
const url = option("database-url", DEFAULT_BENCH_URL), database = decodeURIComponent(new URL(url).pathname.slice(1));
const floorOnly = hasFlag("floor-only"), only = option("only", "");

interface Answer {
  status: number;
  sql: number;
  json: { data?: unknown; errors?: { message: string }[] };
}

async function post(target: string, body: string): Promise<Answer> {
  const res = await fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body });
  const text = await res.text();
  let json: Answer["json"];
  try {
    json = JSON.parse(text);
  } catch {
    json = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
  return { status: res.status, sql: Number(res.headers.get("x-sql-statements") ?? NaN), json };
}

/** Items in an answer, or a reason it is not a usable answer. */
function counted(answer: Answer, scenario: Scenario): number | string {
  if (answer.status !== 200 || answer.json.errors || answer.json.data == null) {
    return `status ${answer.status}, ${JSON.stringify(answer.json.errors ?? answer.json).slice(0, 400)}`;
  }
  try {
    const n = scenario.count(answer.json.data);
    return n > 0 ? n : "an empty list (is the bench database seeded?)";
  } catch (error) {
    return `unexpected shape (${(error as Error).message}): ${JSON.stringify(answer.json.data).slice(0, 300)}`;
  }
}

/** Warm-up, then the measured autocannon run, with the server's CPU and peak RSS around it. */
async function measure(server: Child, target: string, body: string): Promise<Omit<Row, "name" | "key" | "server" | "sql">> {
  const options = { url: target, connections: CONNECTIONS, method: "POST" as const, headers: { "content-type": "application/json" }, body };
  await autocannon({ ...options, duration: warmup });
  let rss = rssMb(server.pid);
  const sampler = setInterval(() => (rss = Math.max(rss, rssMb(server.pid))), 200);
  const cpu0 = cpuTicks(server.pid), pg0 = backendTicks(database);
  const result = await autocannon({ ...options, duration });
  const cpu = cpuTicks(server.pid) - cpu0, pgCpu = ticksSince(pg0, backendTicks(database));
  clearInterval(sampler);
  rss = Math.max(rss, rssMb(server.pid));
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed) throw new Error(`${target}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  const requests = result.requests.total, msPerTick = 1000 / CLK_TCK;
  return {
    reqPerSec: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    cpuMsPerReq: (cpu * msPerTick) / requests,
    pgCpuMsPerReq: (pgCpu * msPerTick) / requests,
    rssMb: rss,
  };
}

async function main(): Promise<void> {
  const pool = benchPool(url);
  const { popular, typical } = await benchThemes(pool);
  const counts = (await pool.query<{ e: number; q: number; v: string }>(
    `SELECT (SELECT count(*) FROM "Event")::int AS e, (SELECT count(*) FROM "Quote")::int AS q, current_setting('server_version') AS v`,
  )).rows[0]!;
  await pool.end();
  // The label defaults to the scale the data has (scale 1 = 5,000 events).
  const label = option("scale-label", String(Math.max(1, Math.round(counts.e / 5000))));
  const info: RunInfo = { label, duration, warmup, connections: CONNECTIONS, events: counts.e, quotes: counts.q, postgres: counts.v, popular, typical };
  const list = scenarios(popular, typical).filter((s) => !only || only.split(",").includes(s.key));
  if (list.length === 0) throw new Error(`--only names no scenario (keys: ${scenarios(popular, typical).map((s) => s.key).join(", ")})`);

  const children: Child[] = [];
  const stopAll = () => Promise.all(children.map((c) => c.stop()));
  process.once("SIGINT", () => void stopAll().then(() => process.exit(130)));
  try {
    const floor = await startChild("floor", path.join(projectRoot, "dist/bench/floor.js"), ["--database-url", url], {});
    children.push(floor);
    const ours = floorOnly ? undefined : await startChild("themegraph", path.join(projectRoot, "dist/src/main.js"), [], {
      DATABASE_URL: url, SEED: "false", PORT: "0", HOST: "127.0.0.1", NODE_ENV: "production", LOG_SQL: "false",
    }, serviceNodeFlags());
    if (ours) children.push(ours);

    // Check every answer once before measuring anything.
    const problems: string[] = [], sql = new Map<string, number>();
    for (const s of list) {
      const mine = ours ? await post(`${ours.origin}/graphql`, s.body) : undefined;
      const n = mine ? counted(mine, s) : undefined;
      if (typeof n === "string") problems.push(`${s.name}: our service answered ${n}`);
      if (mine) sql.set(s.key, mine.sql);
      let note = "";
      if (s.floor) {
        const theirs = await post(floor.origin + s.floor.path, s.floor.body);
        const f = counted(theirs, s);
        if (typeof f === "string") problems.push(`${s.name}: the floor answered ${f}`);
        else if (typeof n === "number" && n !== f) problems.push(`${s.name}: ${n} items from us, ${f} from the floor`);
        else if (mine) note = JSON.stringify(mine.json.data) === JSON.stringify(theirs.json.data) ? ", same JSON as the floor" : ", JSON differs from the floor's";
      }
      if (typeof n === "number") console.log(`checked ${s.name}: ${n} items, ${mine!.sql} SQL statements${note}`);
    }
    if (problems.length) throw new Error(`answers failed the check, nothing measured:\n- ${problems.join("\n- ")}`);

    const rows: Row[] = [];
    for (const s of list) {
      if (ours) {
        console.log(`measuring ${s.name} ...`);
        rows.push({ name: s.name, key: s.key, server: "themegraph", sql: sql.get(s.key)!, ...(await measure(ours, `${ours.origin}/graphql`, s.body)) });
      }
      if (s.floor) {
        console.log(`measuring ${s.name} on the SQL floor ...`);
        rows.push({ name: `${s.name}: SQL floor`, key: s.key, server: "floor", sql: 1, ...(await measure(floor, floor.origin + s.floor.path, s.floor.body)) });
      }
    }
    await appendResults(info, rows, { write: !floorOnly && !only });
  } finally {
    await stopAll();
  }
}

main().catch((error: Error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
