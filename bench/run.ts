/**
 * `npm run bench -- [--scale-label N] [--duration 10] [--warmup 2] [--database-url URL]`
 * (`--floor-only`, `--only key,key`: partial runs, printed but not written):
 * throughput of our GraphQL service on the bench database (fill it with `npm run bench:seed`), next to
 * the SQL floor (bench/floor.ts) for the deep query and the 50 quotes. Expects `npm run build` done.
 * Both servers are child processes on 127.0.0.1; each scenario gets a warm-up, then bounded
 * autocannon runs with 10 connections (ours and the floor in alternating rounds). Appends the table to bench/RESULTS.md (see bench/report.ts).
 */
import path from "node:path";
import autocannon from "autocannon";
import { projectRoot } from "../src/paths.ts";
import { benchPool, benchThemes, DEFAULT_BENCH_URL, hasFlag, median, numberOption, option, percentile } from "./lib.ts";
import { backendTicks, CLK_TCK, cpuTicks, rssMb, serviceNodeFlags, startChild, ticksSince, type Child } from "./proc.ts";
import { scenarios, type Scenario } from "./queries.ts";
import { appendResults, type Row, type RunInfo } from "./report.ts";

const CONNECTIONS = 10;
/** Turns ours and the floor take within one scenario's measured time. */
const ROUNDS = 4;
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

type Measured = Omit<Row, "name" | "key" | "server" | "sql">;
interface Target {
  server: Child;
  url: string;
  body: string;
}


/**
 * Warm-up, then measured autocannon runs with each server's CPU and peak RSS around them. Servers
 * measured together (ours and the floor) take turns in short rounds, alternating who goes first,
 * so that a change in the machine's load hits both alike: their ratio is the median of the
 * per-round ratios; p50/p99 are medians over rounds.
 */
async function measure(targets: Target[]): Promise<{ rows: Measured[]; ratio?: number }> {
  const options = (t: Target) => ({ url: t.url, connections: CONNECTIONS, method: "POST" as const, headers: { "content-type": "application/json" }, body: t.body });
  for (const t of targets) await autocannon({ ...options(t), duration: warmup });
  const rounds = targets.length > 1 ? ROUNDS : 1, slice = Math.max(1, duration / rounds);
  const runs = targets.map(() => ({ requests: 0, seconds: 0, cpu: 0, pg: 0, rss: 0, rates: [] as number[], p50: [] as number[], p99: [] as number[] }));
  for (let round = 0; round < rounds; round++) {
    const order = targets.map((_, i) => i);
    if (round % 2) order.reverse();
    for (const i of order) {
      const t = targets[i]!, run = runs[i]!;
      let rss = rssMb(t.server.pid);
      const sampler = setInterval(() => (rss = Math.max(rss, rssMb(t.server.pid))), 200);
      const cpu0 = cpuTicks(t.server.pid), pg0 = backendTicks(database);
      // Latencies from every answer, to the microsecond: autocannon's own percentiles come in 1 ms
      // steps, too coarse for answers that take 1-2 ms (a 1.4 -> 1.6 ms change read as 1 -> 2).
      const latencies: number[] = [];
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon({ ...options(t), duration: slice }, (error, done) => (error ? reject(error) : resolve(done)));
        instance.on("response", (_client, status, _bytes, ms) => {
          if (status >= 200 && status < 300) latencies.push(ms);
        });
      });
      run.cpu += cpuTicks(t.server.pid) - cpu0;
      run.pg += ticksSince(pg0, backendTicks(database));
      clearInterval(sampler);
      run.rss = Math.max(run.rss, rss, rssMb(t.server.pid));
      const failed = result.non2xx + result.errors + result.timeouts;
      if (failed) throw new Error(`${t.url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
      run.requests += result.requests.total;
      run.seconds += result.duration;
      run.rates.push(result.requests.total / result.duration);
      run.p50.push(percentile(latencies, 50));
      run.p99.push(percentile(latencies, 99));
    }
  }
  const msPerTick = 1000 / CLK_TCK;
  const rows = runs.map((run) => ({
    reqPerSec: run.requests / run.seconds,
    p50: median(run.p50),
    p99: median(run.p99),
    requests: run.requests,
    cpuMsPerReq: (run.cpu * msPerTick) / run.requests,
    pgCpuMsPerReq: (run.pg * msPerTick) / run.requests,
    rssMb: run.rss,
  }));
  const ratio = targets.length > 1 ? median(runs[0]!.rates.map((rate, round) => rate / runs[1]!.rates[round]!)) : undefined;
  return { rows, ratio };
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
      const targets: Target[] = [];
      if (ours) targets.push({ server: ours, url: `${ours.origin}/graphql`, body: s.body });
      if (s.floor) targets.push({ server: floor, url: floor.origin + s.floor.path, body: s.floor.body });
      console.log(`measuring ${s.name}${targets.length > 1 ? " (ours and the floor in turns)" : ""} ...`);
      const { rows: measured, ratio } = await measure(targets);
      if (ours) rows.push({ name: s.name, key: s.key, server: "themegraph", sql: sql.get(s.key)!, ...measured.shift()!, ratio });
      if (s.floor) rows.push({ name: `${s.name}: SQL floor`, key: s.key, server: "floor", sql: 1, ...measured.shift()! });
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
