/**
 * Cold start: time from spawning `node dist/src/main.js` to the first answered GraphQL query, on a
 * fresh data folder (snapshot restore + migrations check + seed) and on an existing one.
 * `npm run bench:cold-start [-- --runs N]`; prints a Markdown table (copy it into bench/RESULTS.md).
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../src/paths.ts";
import { benchCli, numberOption, timingSummary } from "./lib.ts";

benchCli({
  command: "npm run bench:cold-start --",
  synopsis: "[--runs N]",
  summary: "Times `node dist/src/main.js` from spawn to its first answered query, on a fresh data folder and on an existing one (embedded PGlite, port 4600); prints a Markdown table.",
  options: { runs: { type: "string", value: "N", description: "starts of each kind (default 5)" } },
  examples: ["npm run bench:cold-start -- --runs 3"],
});

const runs = numberOption("runs", 5);
const port = 4600;
const query = JSON.stringify({ query: `{ theme(slug: "basic-research") { events { nodes { slug } } } }` });

async function firstAnswer(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(projectRoot, "dist/src/main.js")], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: "" },
    stdio: "ignore",
  });
  try {
    for (;;) {
      // Until the service listens, the connection is refused.
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: query }).catch(() => null);
      if (res) {
        // Any answer but the expected one is a broken query, not a slow start: fail at once.
        const body = (await res.json()) as { data?: { theme?: unknown }; errors?: unknown };
        if (res.ok && body.data?.theme) return performance.now() - started;
        throw new Error(`unexpected answer: ${JSON.stringify(body).slice(0, 300)}`);
      }
      if (performance.now() - started > 30_000) throw new Error("no answer within 30 s");
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

const fresh: number[] = [], existing: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "themegraph-bench-"));
  try {
    fresh.push(await firstAnswer(dir));
    existing.push(await firstAnswer(dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
console.log(`| start | first answer over ${runs} runs |\n| --- | --- |`);
console.log(`| fresh data folder | ${timingSummary(fresh)} |\n| existing data folder | ${timingSummary(existing)} |`);
