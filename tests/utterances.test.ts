/**
 * Quotes of one utterance in several documents (a report, its translation, a trim) are versions of
 * one another: Quote.utterance names it, Quote.versions lists the other quotes with their documents,
 * by publication day, paged like any nested list. Through HTTP, on PGlite and PostgreSQL.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { ingestFile, removeDocumentBySlug } from "../src/ingest/ingest.ts";
import { projectRoot } from "../src/paths.ts";
import { onEachBackend } from "./helpers/backends.ts";

const DIR = path.join(projectRoot, "tests", "fixtures", "speakers");
const COURIER = "courier-northgate-bridge", FARO = "faro-puente-northgate", WEEKLY = "weekly-bridge-digest", GAZETTE = "gazette-port-statement";
const QUOTE: Record<string, string> = {
  [COURIER]: "calder-bridge-promise-courier",
  [FARO]: "calder-bridge-promise-faro",
  [WEEKLY]: "calder-bridge-promise-weekly",
};
const UTTERANCE = "calder-bridge-promise";
const VERSION = "slug text evidence { document { slug language publishedOn } }";

onEachBackend("utterances", ({ prisma, read, send }) => {
  const ingest = async (slug: string) => {
    const result = await ingestFile(prisma(), path.join(DIR, `${slug}.yaml`));
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
  };
  const remove = async (slug: string) => assert.ok((await removeDocumentBySlug(prisma(), slug)).ok);
  const versionsOf = async (slug: string) =>
    (await read(`{ quote(slug: "${slug}") { versions { nodes { slug } } } }`)).quote.versions.nodes.map((q: any) => q.slug);

  test("two documents quoting one utterance in two translations list each other as versions, with their documents", async () => {
    await ingest(COURIER);
    await ingest(FARO);
    const d = await read(`{
      en: quote(slug: "${QUOTE[COURIER]}") { utterance versions { totalCount nodes { ${VERSION} } } }
      es: quote(slug: "${QUOTE[FARO]}") { utterance versions { totalCount nodes { ${VERSION} } } } }`);
    assert.equal(d.en.utterance, UTTERANCE);
    assert.equal(d.es.utterance, UTTERANCE);
    assert.deepEqual(d.en.versions, {
      totalCount: 1,
      nodes: [{ slug: QUOTE[FARO], text: "Un puente es una promesa que una ciudad cumple cada mañana", evidence: { document: { slug: FARO, language: "es", publishedOn: "2025-04-03" } } }],
    });
    assert.deepEqual(d.es.versions, {
      totalCount: 1,
      nodes: [{ slug: QUOTE[COURIER], text: "A bridge is a promise that a city keeps every single morning,", evidence: { document: { slug: COURIER, language: "en", publishedOn: "2025-04-02" } } }],
    });
  });

  test("a third version: versions come in publication order, page both ways, and are one statement for a whole list", async () => {
    await ingest(WEEKLY);
    assert.deepEqual(await versionsOf(QUOTE[FARO]!), [QUOTE[COURIER], QUOTE[WEEKLY]], "the quote itself is not its own version");
    assert.deepEqual(await versionsOf(QUOTE[COURIER]!), [QUOTE[FARO], QUOTE[WEEKLY]]);
    assert.deepEqual(await versionsOf(QUOTE[WEEKLY]!), [QUOTE[COURIER], QUOTE[FARO]]);

    const PAGE = `query ($first: Int, $after: String, $last: Int, $before: String) { quote(slug: "${QUOTE[COURIER]}") {
      versions(first: $first, after: $after, last: $last, before: $before) { nodes { slug } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } } }`;
    const first = (await read(PAGE, { first: 1 })).quote.versions;
    assert.deepEqual(first.nodes, [{ slug: QUOTE[FARO] }]);
    assert.equal(first.pageInfo.hasNextPage, true);
    const next = (await read(PAGE, { first: 1, after: first.pageInfo.endCursor })).quote.versions;
    assert.deepEqual(next.nodes, [{ slug: QUOTE[WEEKLY] }]);
    assert.deepEqual([next.pageInfo.hasNextPage, next.pageInfo.hasPreviousPage], [false, true]);
    const back = (await read(PAGE, { last: 1, before: next.pageInfo.startCursor })).quote.versions;
    assert.deepEqual(back.nodes, [{ slug: QUOTE[FARO] }]);
    const bad = await send(PAGE, { first: 1, after: "not-a-cursor" });
    assert.match(bad.body.errors?.[0]?.message ?? "", /after is not a cursor of this list/);

    // Every quote of a list asks its versions: one statement for all of them (batched per page request).
    const listed = await send(`{ person(slug: "ines-calder") { quotes(orderBy: DOCUMENT_ORDER) { nodes { slug utterance versions { totalCount nodes { slug } } } } } }`);
    assert.equal(listed.body.errors, undefined, JSON.stringify(listed.body.errors));
    const nodes = listed.body.data.person.quotes.nodes;
    assert.equal(nodes.length, 3);
    for (const q of nodes) {
      assert.equal(q.utterance, UTTERANCE);
      assert.deepEqual(q.versions.nodes.map((v: any) => v.slug), Object.values(QUOTE).filter((s) => s !== q.slug).sort((a, b) => order(a) - order(b)), q.slug);
      assert.equal(q.versions.totalCount, 2);
    }
    assert.equal(listed.statements, 1, "the planner's one statement: the person, their quotes, the versions and counts of all of them");
    const root = await read(`{ quotes(filter: { speaker: "ines-calder" }, orderBy: EARLIEST_FIRST) { nodes { slug utterance } } }`);
    assert.deepEqual(root.quotes.nodes.map((q: any) => q.utterance), [UTTERANCE, UTTERANCE, UTTERANCE], "PostgreSQL writes utterance too");
  });

  test("a quote without an utterance has none; removing a document removes its version", async () => {
    await ingest(GAZETTE);
    const alone = await send(`{ quote(slug: "quell-waited-long-enough") { utterance versions(first: 5) { totalCount nodes { slug } pageInfo { hasNextPage } } } }`);
    assert.deepEqual(alone.body.data.quote, { utterance: null, versions: { totalCount: 0, nodes: [], pageInfo: { hasNextPage: false } } });
    const refused = await send(`{ quote(slug: "quell-waited-long-enough") { versions(first: 500) { nodes { slug } } } }`);
    assert.match(refused.body.errors?.[0]?.message ?? "", /first must be between 0 and 100/, "arguments are checked without an utterance too");
    await remove(FARO);
    assert.deepEqual(await versionsOf(QUOTE[COURIER]!), [QUOTE[WEEKLY]]);
    await remove(WEEKLY);
    assert.deepEqual(await versionsOf(QUOTE[COURIER]!), []);
    for (const slug of [COURIER, GAZETTE]) await remove(slug);
  });
});

/** Publication order of the fixtures' quotes. */
const order = (slug: string) => [QUOTE[COURIER], QUOTE[FARO], QUOTE[WEEKLY]].indexOf(slug);
