/**
 * `npm run codegen:check` (and tests/client-example.test.ts, so CI runs it): fails when
 * examples/client/gql/ is not what GraphQL Code Generator makes from schema.graphql and the example
 * operations today, or when the example client does not compile against it. It regenerates into a
 * temporary folder, so the committed files are never touched; the compiled client lands in dist/.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseCli } from "../src/cli-args.ts";
import { projectRoot } from "../src/paths.ts";

parseCli({
  command: "npm run codegen:check --",
  summary: `Exits 1 when examples/client/gql/ is not what GraphQL Code Generator makes from schema.graphql
and examples/queries/ today (then run \`npm run codegen\` and commit), or when the example client does
not compile. Touches no committed file.`,
  examples: ["npm run codegen:check"],
});

const committed = path.join(projectRoot, "examples", "client", "gql");
const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);

function run(command: string, args: string[], env: Record<string, string> = {}): string | null {
  const result = spawnSync(command, args, { cwd: projectRoot, env: { ...process.env, ...env }, encoding: "utf8" });
  return result.status === 0 ? null : `${path.basename(command)} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`;
}

async function files(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir).catch(() => [])).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, name), "utf8")] as const)));
}

/** Differences between the committed output and a fresh one, one line each. */
async function staleness(): Promise<string[]> {
  const fresh = await mkdtemp(path.join(os.tmpdir(), "themegraph-codegen-"));
  try {
    // scripts/codegen.ts, compiled beside this file (dist/scripts/codegen.js).
    const failure = run(process.execPath, [fileURLToPath(new URL("./codegen.js", import.meta.url))], { CODEGEN_OUT: fresh + path.sep });
    if (failure) return [failure, "the example operations do not fit schema.graphql"];
    const [want, have] = await Promise.all([files(fresh), files(committed)]);
    const names = new Set([...want.keys(), ...have.keys()]);
    const stale = [...names].filter((name) => want.get(name) !== have.get(name));
    const state = (name: string) => (!have.has(name) ? "missing" : want.has(name) ? "stale" : "not generated any more");
    return stale.length === 0 ? [] : [...stale.map((name) => `examples/client/gql/${name} is ${state(name)}`), "run `npm run codegen` and commit examples/client/gql/"];
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}

const problems = await staleness();
if (problems.length === 0) {
  const failure = run(bin("tsc"), ["-p", "examples/client"]);
  if (failure) problems.push(`the example client does not compile:\n${failure}`);
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("examples/client/gql/ is up to date and the example client compiles");
