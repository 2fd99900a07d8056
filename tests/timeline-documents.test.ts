/**
 * Theme.timeline(count: DOCUMENTS): how much was said about a theme per period, not only how much
 * happened. On the fictional river-crossings fixtures (tests/fixtures/sources/), through HTTP on
 * PGlite and PostgreSQL:
 * | document | published | on the theme through |
 * | src-gazette-bridge-opens | 2025-09-02 | the bridge opening (2025-09-01) and a quote |
 * | src-wire-bridge-copy | 2025-09-03 | the bridge opening |
 * | src-digest-radio-bridge | 2025-10-01 | the bridge opening (its ref adds no theme: the event carries it) |
 * | src-courier-ferry-ends | 2025-10-05 | the bridge opening, the ferry's last crossing (2025-10-03) and a quote: once |
 * | src-column-crossings | 2025-11-10 | a quote only |
 * By EVENTS: 2025-09: 1, 2025-10: 1. By DOCUMENTS: 2025-09: 2, 2025-10: 2, 2025-11: 1.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { projectRoot } from "../src/paths.ts";
import { onEachBackend } from "./helpers/backends.ts";

const DIR = path.join(projectRoot, "tests", "fixtures", "sources");
const DOCUMENTS = ["src-gazette-bridge-opens", "src-wire-bridge-copy", "src-digest-radio-bridge", "src-courier-ferry-ends", "src-column-crossings"];

const INGEST = `mutation ($annotation: String!, $text: String!) { ingestDocument(annotation: $annotation, text: $text) { problems { path message } } }`;
const REMOVE = `mutation ($slug: String!) { removeDocument(slug: $slug) { status } }`;
const TIMELINES = `{ theme(slug: "river-crossings") {
  events: timeline(granularity: MONTH) { period count }
  eventsByDefault: timeline(granularity: MONTH, count: EVENTS) { period count }
  documents: timeline(granularity: MONTH, count: DOCUMENTS) { period precision start count }
  eventsByYear: timeline { period count }
  documentsByYear: timeline(count: DOCUMENTS) { period precision start count }
} }`;

onEachBackend("timeline by documents", ({ read, write, send }) => {
  const timelines = async () => (await read(TIMELINES)).theme;

  test("documents per month of publication differ from events per month of their date", async () => {
    for (const slug of DOCUMENTS) {
      const [annotation, text] = await Promise.all(["yaml", "txt"].map((ext) => readFile(path.join(DIR, `${slug}.${ext}`), "utf8")));
      assert.deepEqual((await write(INGEST, { annotation, text })).ingestDocument.problems, [], slug);
    }
    const t = await timelines();
    assert.deepEqual(t.events, [{ period: "2025-09", count: 1 }, { period: "2025-10", count: 1 }]);
    assert.deepEqual(t.eventsByDefault, t.events, "EVENTS is the default");
    assert.deepEqual(t.documents, [
      { period: "2025-09", precision: "MONTH", start: "2025-09-01", count: 2 },
      { period: "2025-10", precision: "MONTH", start: "2025-10-01", count: 2 },
      { period: "2025-11", precision: "MONTH", start: "2025-11-01", count: 1 },
    ], "the Courier counts once for two events and a quote; the column for its quote alone");
    assert.deepEqual(t.eventsByYear, [{ period: "2025", count: 2 }]);
    assert.deepEqual(t.documentsByYear, [{ period: "2025", precision: "YEAR", start: "2025-01-01", count: 5 }]);
  });

  test("removing a document changes what was said, not what happened", async () => {
    await write(REMOVE, { slug: "src-gazette-bridge-opens" });
    const t = await timelines();
    assert.deepEqual(t.events, [{ period: "2025-09", count: 1 }, { period: "2025-10", count: 1 }], "the wire copy still links the bridge opening to the theme");
    assert.deepEqual(t.documents.map((b: any) => [b.period, b.count]), [["2025-09", 1], ["2025-10", 2], ["2025-11", 1]]);
    await write(REMOVE, { slug: "src-column-crossings" });
    assert.deepEqual((await timelines()).documents.map((b: any) => [b.period, b.count]), [["2025-09", 1], ["2025-10", 2]]);
  });

  test("many themes' document timelines are in the planner's one statement", async () => {
    const slugs = await send(`{ themes(first: 100) { nodes { slug } } }`);
    const both = await send(`{ themes(first: 100) { nodes { slug timeline(count: DOCUMENTS) { period count } byMonth: timeline(granularity: MONTH, count: DOCUMENTS) { period count } } } }`);
    assert.equal(both.body.errors, undefined, JSON.stringify(both.body.errors));
    assert.ok(both.body.data.themes.nodes.length > 1);
    assert.equal(both.statements, 1, "the planner's one statement");
    assert.equal(slugs.statements, 1);
    const crossings = both.body.data.themes.nodes.find((n: any) => n.slug === "river-crossings");
    assert.deepEqual(crossings.timeline, [{ period: "2025", count: 3 }]);
  });
});
