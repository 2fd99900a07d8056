/**
 * The bundled corpus (corpus/): a new graph starts with several documents, among them five reports
 * of one launch (a wire copy, a rewrite, a later report, a PR-wire reprint, a machine translation),
 * which the graph holds as one event with five sources, dated by the reports together.
 */
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { projectRoot } from "../src/paths.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp("pglite", { env: { CORPUS: path.join(projectRoot, "corpus") } });
});
after(async () => t?.close());

test("every bundled document is seeded, and the Lumen-3 launch is one event reported five times", async () => {
  const bundled = (await readdir(path.join(projectRoot, "corpus"))).filter((f) => f.endsWith(".yaml"));
  assert.ok(bundled.length >= 6, bundled.join());
  assert.equal(t.app.seeded, bundled.length);
  const { body } = await t.gql<any>(`{ documents { totalCount }
    event(slug: "lumen-3-launch") { date { iso precision } sources { documents independent } claims(property: DATE) { totalCount nodes { value document { slug } } } conflicts { property } }
    theme(slug: "space") { events(first: 50) { nodes { slug } } } }`);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  assert.equal(body.data.documents.totalCount, bundled.length);
  const launch = body.data.event;
  assert.deepEqual(launch.date, { iso: "2026-03-10", precision: "DAY" });
  assert.equal(launch.sources.documents, 5);
  // The PR-wire reprint counts as its original, the agency's release, which no other report is.
  assert.equal(launch.sources.independent, 5);
  assert.ok(launch.claims.totalCount >= 4, "the reports date it themselves");
  assert.deepEqual(launch.conflicts, [], "and agree");
  const space = body.data.theme.events.nodes.map((n: { slug: string }) => n.slug);
  assert.ok(space.includes("lumen-3-launch") && space.includes("1970-04-24-orient-red-1-launch"), "the seed's theme gathers both articles' events");
});
