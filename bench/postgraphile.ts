/**
 * The entry `npm run bench` starts PostGraphile v5 by (bench/run.ts, under Node >= 22):
 * `<node 22> dist/bench/postgraphile.js [--port 0] [--database-url URL]`. PostGraphile itself lives
 * in bench/postgraphile/, its own npm package (it needs Node 22; the service's install stays on
 * Node 20): this imports bench/postgraphile/server.ts from the source tree, which Node 22 runs as
 * TypeScript, with the packages installed beside it.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "../src/paths.ts";
import { BENCH_DATABASE_OPTION, benchCli, PORT_OPTION, DEFAULT_BENCH_URL, option } from "./lib.ts";

benchCli({
  command: "<node 22> dist/bench/postgraphile.js",
  synopsis: "[--port N] [--database-url URL]",
  summary: "PostGraphile v5 on the bench database, the third target of `npm run bench` (which starts it on Node >= 22): POST /graphql, GET /statements.",
  options: {
    ...PORT_OPTION,
    ...BENCH_DATABASE_OPTION,
  },
  examples: [".cache/node22/bin/node dist/bench/postgraphile.js --port 4701"],
});

const port = Number(option("port", "0"));
const databaseUrl = option("database-url", DEFAULT_BENCH_URL);
if (Number(process.versions.node.split(".")[0]) < 22) throw new Error(`PostGraphile 5 needs Node >= 22; this is ${process.version}`);
const server = pathToFileURL(path.join(projectRoot, "bench", "postgraphile", "server.ts")).href;
// A specifier tsc does not follow: PostGraphile's types are in bench/postgraphile/node_modules only.
const { startPostgraphile } = (await import(server)) as { startPostgraphile(o: { port: number; databaseUrl: string }): Promise<void> };
await startPostgraphile({ port, databaseUrl });
