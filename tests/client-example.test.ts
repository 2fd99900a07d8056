/**
 * The typed client in examples/client/: its generated code is current (CI fails otherwise), it
 * compiles, and, run as a user would, it prints a live server's events and quotes, sending its
 * operation by hash (the full document only the first time).
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { projectRoot } from "../src/paths.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";

const exec = promisify(execFile);
const node = (script: string, ...args: string[]) => exec(process.execPath, [path.join(projectRoot, "dist", script), ...args], { cwd: projectRoot });

let t: TestApp;
before(async () => {
  t = await startTestApp("pglite");
});
after(async () => t?.close());

test("examples/client/gql/ is what codegen makes from schema.graphql today, and the client compiles (npm run codegen:check)", async () => {
  const { stdout } = await node("scripts/codegen-check.js");
  assert.match(stdout, /up to date/);
});

test("the example client prints a theme's events and quotes from a live server, by persisted query", async () => {
  const query = await readFile(path.join(projectRoot, "examples", "queries", "theme-events-quotes.graphql"), "utf8");
  const expected = (await t.gql(query, { slug: "space" })).body.data.theme;

  const first = await node("examples/client/main.js", t.app.url, "space");
  assert.match(first.stderr, /sent the full document once/, "a fresh server does not know the hash");
  const lines = first.stdout.split("\n");
  assert.equal(lines[0], `Space exploration: ${expected.events.totalCount} event(s)`);
  for (const event of expected.events.nodes) {
    assert.ok(lines.includes(`${event.date.iso}  ${event.title}`), `event ${event.title}`);
    for (const quote of event.quotes.nodes) {
      assert.ok(lines.some((line) => line.includes(quote.text) && line.includes(quote.speaker.name)), `quote ${quote.text}`);
    }
  }
  assert.ok(expected.events.nodes.some((e: any) => e.quotes.nodes.length > 0), "the check saw quotes");

  const second = await node("examples/client/main.js", t.app.url, "space");
  assert.equal(second.stderr, "", "the second run is served by hash alone");
  assert.equal(second.stdout, first.stdout);
});

test("an unknown theme is an error exit with a message", async () => {
  await assert.rejects(node("examples/client/main.js", t.app.url, "no-such-theme"), (error: any) => {
    assert.equal(error.code, 1);
    assert.match(error.stderr, /no theme with slug "no-such-theme"/);
    return true;
  });
});
