/**
 * README.md's Configuration table names every environment variable src/config.ts reads, so that a
 * new setting cannot ship undocumented (`QUERY_MAX_DEPTH` / `_ALIASES` rows count for each name).
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { projectRoot } from "../src/paths.ts";

test("the Configuration table documents every variable of src/config.ts", async () => {
  const config = await readFile(path.join(projectRoot, "src", "config.ts"), "utf8");
  const code = config.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""); // names in comments do not count
  const read = new Set([...code.matchAll(/env\.([A-Z][A-Z0-9_]+)|\(env, "([A-Z][A-Z0-9_]+)"/g)].map((m) => m[1] ?? m[2]!));
  assert.ok(read.has("DATABASE_URL") && read.has("QUERY_MAX_COST"), `found: ${[...read].join(" ")}`);
  const readme = await readFile(path.join(projectRoot, "README.md"), "utf8");
  const section = /\n## Configuration\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? "";
  const rows = section.split("\n").filter((line) => line.startsWith("| `"));
  const documented = (name: string) =>
    rows.some((row) => row.includes(`\`${name}\``) || [...row.matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)`((?: \/ `_[A-Z0-9_]+`)+)/g)]
      .some(([, first, rest]) => [...rest!.matchAll(/`(_[A-Z0-9_]+)`/g)].some(([, suffix]) => first!.replace(/_[A-Z0-9]+$/, "") + suffix === name)));
  assert.deepEqual([...read].filter((name) => !documented(name)), [], "variables missing from README.md's Configuration table");
});
