/**
 * Independent sources: a document that reprints or derives from another (`document.derivedFrom`)
 * counts as its original. Four reports of one (fictional) bridge opening, through HTTP on PGlite
 * and PostgreSQL (tests/fixtures/sources/):
 * - src-gazette-bridge-opens: the original report;
 * - src-wire-bridge-copy: a wire copy of it (derivedFrom: src-gazette-bridge-opens);
 * - src-digest-radio-bridge: a retelling of a radio bulletin that is not in the graph
 *   (derivedFrom: harbor-radio-bridge-bulletin);
 * - src-courier-ferry-ends: an independent report.
 * Four documents; their originals are the Gazette (twice), the bulletin and the Courier: three
 * independent sources.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { projectRoot } from "../src/paths.ts";
import { onEachBackend } from "./helpers/backends.ts";

const DIR = path.join(projectRoot, "tests", "fixtures", "sources");
const GAZETTE = "src-gazette-bridge-opens", WIRE = "src-wire-bridge-copy", DIGEST = "src-digest-radio-bridge", COURIER = "src-courier-ferry-ends";
const BRIDGE = "2025-09-01-kestrel-bridge-opens", FERRY = "2025-10-03-amber-ferry-last-crossing";

const INGEST = `mutation ($annotation: String!, $text: String!) { ingestDocument(annotation: $annotation, text: $text) { problems { path message } } }`;
const REMOVE = `mutation ($slug: String!) { removeDocument(slug: $slug) { status } }`;
const SOURCES = `query ($slug: String!) { event(slug: $slug) { sources { documents independent } } }`;
const DOCUMENT = `query ($slug: String!) { document(slug: $slug) { slug derivedFromSlug derivedFrom { slug title derivedFromSlug } } }`;

const fixture = async (slug: string) => {
  const [annotation, text] = await Promise.all(["yaml", "txt"].map((ext) => readFile(path.join(DIR, `${slug}.${ext}`), "utf8")));
  return { annotation: annotation!, text: text! };
};

/** A one-sentence report of `event`, generated: `derivedFrom` as given (null: an original). */
function report(slug: string, derivedFrom: string | null, event: string) {
  const sentence = `The town council of Kestrel Falls reviewed the bridge toll on November 20, the ${slug} desk reported.`;
  const annotation = [
    "document:",
    `  slug: ${slug}`,
    `  title: Toll review (${slug})`,
    ...(derivedFrom ? [`  derivedFrom: ${derivedFrom}`] : []),
    "events:",
    `  - ref: ${event}`,
    "    evidence:",
    `      - exact: "${sentence}"`,
  ].join("\n");
  return { annotation, text: `date 2025-11-21\n\n${sentence}\n` };
}

onEachBackend("sources", ({ read, write, send }) => {
  const ingest = async (doc: { annotation: string; text: string }) => assert.deepEqual((await write(INGEST, doc)).ingestDocument.problems, []);
  const remove = (slug: string) => write(REMOVE, { slug });
  const sources = async (event: string) => (await read(SOURCES, { slug: event })).event.sources;
  const document = async (slug: string) => (await read(DOCUMENT, { slug })).document;

  test("an original, its wire copy, a retelling of a document not in the graph and an independent report: 4 documents, 3 independent", async () => {
    for (const slug of [GAZETTE, WIRE, DIGEST, COURIER]) await ingest(await fixture(slug));
    assert.deepEqual(await sources(BRIDGE), { documents: 4, independent: 3 }, "the wire copy counts with the Gazette");
    assert.deepEqual(await sources(FERRY), { documents: 1, independent: 1 });

    assert.deepEqual(await document(WIRE), {
      slug: WIRE,
      derivedFromSlug: GAZETTE,
      derivedFrom: { slug: GAZETTE, title: "Kestrel Bridge opens to traffic", derivedFromSlug: null },
    });
    assert.deepEqual(await document(DIGEST), { slug: DIGEST, derivedFromSlug: "harbor-radio-bridge-bulletin", derivedFrom: null }, "the bulletin is not in the graph");
    assert.deepEqual(await document(COURIER), { slug: COURIER, derivedFromSlug: null, derivedFrom: null });
  });

  test("a list of events asks its source counts in one statement; originals of many documents in one more", async () => {
    const events = (fields: string) => `{ theme(slug: "river-crossings") { events { nodes { slug ${fields} } } } }`;
    const plain = await send(events(""));
    const counted = await send(events("sources { documents independent }"));
    assert.equal(counted.body.errors, undefined, JSON.stringify(counted.body.errors));
    assert.deepEqual(counted.body.data.theme.events.nodes, [
      { slug: FERRY, sources: { documents: 1, independent: 1 } },
      { slug: BRIDGE, sources: { documents: 4, independent: 3 } },
    ]);
    assert.equal(counted.statements, 1, "the planner's one statement, sources and all");
    assert.equal(plain.statements, 1);
    const all = await read(`{ events(first: 100, filter: { theme: "river-crossings" }) { nodes { slug sources { documents independent } } } }`);
    assert.deepEqual(all.events.nodes, counted.body.data.theme.events.nodes);

    const docs = `{ documents(first: 50) { nodes { slug derivedFrom { slug } } } }`;
    const originals = await send(docs);
    const without = await send(`{ documents(first: 50) { nodes { slug } } }`);
    assert.equal(originals.statements, 1, "the planner's one statement, originals and all");
    assert.equal(without.statements, 1);
    const bySlug = Object.fromEntries(originals.body.data.documents.nodes.map((d: any) => [d.slug, d.derivedFrom?.slug ?? null]));
    assert.equal(bySlug[WIRE], GAZETTE);
    assert.equal(bySlug[DIGEST], null);
  });

  test("removing the original: one document fewer, and its copy still counts as one independent source", async () => {
    await remove(GAZETTE);
    assert.deepEqual(await sources(BRIDGE), { documents: 3, independent: 3 }, "copy (its original's slug), bulletin, Courier");
    assert.deepEqual(await document(WIRE), { slug: WIRE, derivedFromSlug: GAZETTE, derivedFrom: null }, "the original is gone; its slug stays as written");

    await ingest(await fixture(GAZETTE));
    assert.deepEqual(await sources(BRIDGE), { documents: 4, independent: 3 });
    assert.equal((await document(WIRE)).derivedFrom.slug, GAZETTE, "the original, ingested again, is found again");
  });

  test("chains are followed to their root; cycles end (each counts once, whichever member it is reached from)", async () => {
    const EVENT = "2025-11-20-kestrel-toll-review";
    const add = async (slug: string, derivedFrom: string | null) => ingest(report(slug, derivedFrom, EVENT));
    await add("chain-original", null);
    await add("chain-copy", "chain-original");
    await add("chain-copy-of-copy", "chain-copy");
    assert.deepEqual(await sources(EVENT), { documents: 3, independent: 1 }, "a copy of a copy counts as the original");

    await add("chain-loop-a", "chain-loop-b");
    await add("chain-loop-b", "chain-loop-a");
    assert.deepEqual(await sources(EVENT), { documents: 5, independent: 2 }, "two documents deriving from each other: one source");
    await add("chain-into-loop", "chain-loop-b");
    await add("chain-self", "chain-self");
    assert.deepEqual(await sources(EVENT), { documents: 7, independent: 3 }, "a document leading into the loop joins it; one deriving from itself is its own source");

    // A chain through documents not in the graph ends at the first slug missing.
    await add("chain-copy-of-missing", "chain-missing");
    await add("chain-copy-of-missing-copy", "chain-copy-of-missing");
    assert.deepEqual(await sources(EVENT), { documents: 9, independent: 4 });
  });
});
