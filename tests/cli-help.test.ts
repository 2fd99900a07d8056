/**
 * Every command a user runs answers `--help` (and `-h`) with its usage, on stdout, exit 0, and an
 * unknown option with exit 2 and a line naming it (src/cli-args.ts), before doing anything else.
 * Then the npm layer: `npm run extract -- a.txt > a.yaml` gives clean YAML (the project's .npmrc
 * sends npm's banner to stderr), and `npm run ingest -- --help` is the usage alone.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { readAnnotation } from "../src/ingest/format.ts";
import { projectRoot } from "../src/paths.ts";

/** The build folder this test was compiled into (dist/, or another one). */
const build = fileURLToPath(new URL("..", import.meta.url));
const scripts = JSON.parse(await readFile(path.join(projectRoot, "package.json"), "utf8")).scripts as Record<string, string>;

/** Entry points (relative to the build folder) and how their usage starts. */
const COMMANDS: [file: string, usage: string][] = [
  ["src/main.js", "usage: npm start --"],
  ["src/ingest/cli.js", "usage: npm run ingest -- [--dry-run] <annotation.yaml | folder>..."],
  ["src/extract/cli.js", "usage: npm run extract -- <article.txt>"],
  ["src/extract/eval-cli.js", "usage: npm run extract:eval --"],
  ["src/db/migrate-cli.js", "usage: npm run db:migrate --"],
  ["scripts/token.js", "usage: npm run token --"],
  ["scripts/emit-schema.js", "usage: npm run schema:emit --"],
  ["scripts/codegen-check.js", "usage: npm run codegen:check --"],
  ["scripts/codegen.js", "usage: npm run codegen --"],
  ["scripts/readme-example.js", "usage: npm run readme:example --"],
  ["scripts/build-pglite-base.js", "usage: node dist/scripts/build-pglite-base.js"],
  ["bench/cold-start.js", "usage: npm run bench:cold-start --"],
  ["bench/generate.js", "usage: npm run bench:seed --"],
  ["bench/run.js", "usage: npm run bench --"],
  ["bench/floor.js", "usage: node dist/bench/floor.js"],
  ["bench/postgraphile.js", "usage: <node 22> dist/bench/postgraphile.js"],
  ["bench/load.js", "usage: npm run load --"],
  ["bench/extract.js", "usage: npm run bench:extract --"],
  ["bench/ingest-corpus.js", "usage: npm run bench:ingest --"],
  ["bench/gc-share.js", "usage: npm run bench:gc --"],
  ["bench/scale-out.js", "usage: npm run bench:scale --"],
];

const node = (file: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(build, file), ...args], { cwd: projectRoot, encoding: "utf8", env: { ...process.env, ...env }, timeout: 120_000 });

test("every node script of package.json is in this list (so a new command gets its --help checked)", () => {
  const run = Object.values(scripts).flatMap((line) => [...line.matchAll(/\bnode (?:--\S+ )*dist\/(\S+\.js)/g)].map((m) => m[1]!));
  const listed = new Set([...COMMANDS.map(([file]) => file), "examples/client/main.js"]);
  assert.deepEqual(run.filter((file) => !listed.has(file)), []);
});

describe("--help and unknown options", () => {
  for (const [file, usage] of COMMANDS) {
    test(file, () => {
      // -h is the same code path for all (src/cli-args.ts): checked on the quick ones, to keep this file short.
      for (const flag of file.startsWith("scripts/") ? ["--help", "-h"] : ["--help"]) {
        const help = node(file, [flag]);
        assert.equal(help.status, 0, `${file} ${flag}: ${help.stderr}`);
        assert.ok(help.stdout.startsWith(usage), `${file} ${flag} starts with "${usage}":\n${help.stdout}`);
        assert.match(help.stdout, /\n {2}-h, --help +print this help and exit\n/);
        assert.match(help.stdout, /\nexamples?:\n {2}\S/);
      }
      const wrong = node(file, ["--no-such-option"]);
      assert.equal(wrong.status, 2, `${file} --no-such-option: ${wrong.stdout}${wrong.stderr}`);
      assert.match(wrong.stderr, /: unknown option --no-such-option\nusage: /);
      assert.equal(wrong.stdout, "", "nothing ran");
    });
  }

  test("options and arguments are checked: a missing value, an extra argument", () => {
    const missing = node("src/extract/cli.js", ["a.txt", "--out"]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^extract: --out needs a value\n/);
    const extra = node("src/extract/cli.js", ["a.txt", "b.txt"]);
    assert.equal(extra.status, 2);
    assert.match(extra.stderr, /^extract: too many arguments \(b\.txt\)\n/);
    const none = node("scripts/token.js", ["extra"]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /^token: unexpected argument extra: it takes none\n/);
  });

  test("the environment variables a command reads are in its usage", () => {
    assert.match(node("src/ingest/cli.js", ["--help"]).stdout, /\nenvironment:\n {2}DATABASE_URL .+\n {2}DATA_DIR /);
    assert.match(node("src/main.js", ["--help"]).stdout, /\n {2}API_TOKEN_SHA256 /);
  });
});

describe("the example client (its own tsconfig, compiled here into a temp folder)", () => {
  let out = "";
  after(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });
  test("--help exits 0 with its usage; an unknown option exits 2", async () => {
    out = await mkdtemp(path.join(os.tmpdir(), "themegraph-client-"));
    const tsc = spawnSync(path.join(projectRoot, "node_modules", ".bin", "tsc"), ["-p", "examples/client", "--outDir", out], { cwd: projectRoot, encoding: "utf8" });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    const help = spawnSync(process.execPath, [path.join(out, "main.js"), "--help"], { encoding: "utf8" });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^usage: npm run example:client -- \[endpoint\] \[theme-slug\]/);
    const wrong = spawnSync(process.execPath, [path.join(out, "main.js"), "--nope"], { encoding: "utf8" });
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /unknown option --nope/);
  });
});

describe("through npm, as the README says to run them", () => {
  const npm = (args: string[], env: Record<string, string> = {}) =>
    spawnSync("npm", args, { cwd: projectRoot, encoding: "utf8", env: { ...process.env, ...env }, timeout: 120_000 });
  let scratch = "";
  after(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  test("`npm run extract -- article.txt > article.yaml` writes YAML only, which ingest accepts", async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), "themegraph-npm-"));
    const article = path.join(projectRoot, "corpus", "2023-05-29-science-technology-innovation.txt");
    const run = npm(["run", "extract", "--", article, "--no-graph"], { DATA_DIR: path.join(scratch, "none") });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /> themegraph@[^ ]+ extract\n/, "npm's banner is still shown, on stderr");
    assert.ok(run.stdout.startsWith("# Draft annotation"), `stdout starts with the draft:\n${run.stdout.slice(0, 200)}`);
    assert.equal(typeof parse(run.stdout), "object");
    const read = readAnnotation(run.stdout);
    assert.ok(read.ok, "the draft is a valid annotation");
  });

  test("`npm run ingest -- --help` prints the usage alone on stdout; `npm run token` prints only the token", () => {
    const help = npm(["run", "ingest", "--", "--help"]);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^usage: npm run ingest -- /);
    const token = npm(["run", "token"]);
    assert.equal(token.status, 0, token.stderr);
    assert.match(token.stdout, /^token: {2}\S+\nsha256: [0-9a-f]{64}\n/);
  });
});
