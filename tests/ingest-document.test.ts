/**
 * `ingestDocument` runs the ingest pipeline on an annotation and a text sent through the API: a
 * good document is written and readable at once; a broken one comes back as problems with paths and
 * YAML lines, and writes nothing at all.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { projectRoot } from "../src/paths.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { dumpDatabase } from "./helpers/dump.ts";
import { send, writeToken } from "./helpers/writes.ts";

const INGEST = `mutation ($annotation: String!, $text: String!) {
  ingestDocument(annotation: $annotation, text: $text) { status document { slug title publishedOn } problems { path line message } } }`;
const token = writeToken();
let t: TestApp;
let annotation: string, text: string;

before(async () => {
  t = await startTestApp("pglite", { env: token.env });
  const fixture = path.join(projectRoot, "tests", "fixtures", "2023-06-02-space-letter-follow-up");
  [annotation, text] = await Promise.all([readFile(`${fixture}.yaml`, "utf8"), readFile(`${fixture}.txt`, "utf8")]);
});
after(async () => t?.close());

const ingest = (variables: { annotation: string; text: string }) => send(t.app.url, INGEST, variables, token.bearer);

describe("ingestDocument", () => {
  test("a broken document returns every problem with its path and line, and writes nothing", async () => {
    const broken = annotation
      .replace('date: "On April 24, 2020"', 'date: "sometime soon"')
      .replace('exact: "We were moved,"', 'exact: "We were not moved,"')
      .replace("kind: DIRECT", "kind: SHOUTED");
    const before = await dumpDatabase(t.app.db.prisma);
    const res = await ingest({ annotation: broken, text });
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    const { document, problems } = res.body.data.ingestDocument;
    assert.equal(document, null);
    assert.ok(problems.length >= 1);
    for (const p of problems) assert.ok(p.path && p.message && Number.isInteger(p.line), JSON.stringify(p));
    assert.ok(problems.some((p: any) => p.path === "quotes[0].kind"), JSON.stringify(problems));
    assert.deepEqual(await dumpDatabase(t.app.db.prisma), before, "nothing written");

    // Schema-valid but unresolvable: anchors and dates are checked against the text, still before writing.
    const unresolvable = annotation.replace('date: "On April 24, 2020"', 'date: "sometime soon"').replace('exact: "We were moved,"', 'exact: "We were not moved,"');
    const second = (await ingest({ annotation: unresolvable, text })).body.data.ingestDocument;
    assert.equal(second.document, null);
    assert.deepEqual(second.problems.map((p: any) => p.path).sort(), ["events[0].date", "quotes[1].evidence.exact"]);
    assert.match(second.problems.find((p: any) => p.path === "quotes[1].evidence.exact").message, /is not in the text/);
    assert.deepEqual(await dumpDatabase(t.app.db.prisma), before, "nothing written");
  });

  test("YAML that does not parse is a problem at its line", async () => {
    const res = await ingest({ annotation: "document:\n  slug: [unclosed\n", text });
    const { document, problems } = res.body.data.ingestDocument;
    assert.equal(document, null);
    assert.ok(problems[0].line >= 1, JSON.stringify(problems));
  });

  test("blank inputs are refused with the argument named", async () => {
    const res = await ingest({ annotation: " ", text });
    assert.equal(res.body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.equal(res.body.errors?.[0]?.extensions?.field, "annotation");
    assert.equal(res.statements, 0);
  });

  test("a good document is written and readable, with its facts linked into the graph", async () => {
    const res = await ingest({ annotation, text });
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    assert.deepEqual(res.body.data.ingestDocument, {
      status: "INGESTED",
      document: { slug: "2023-06-02-space-letter-follow-up", title: "Follow-up on Xi's letter to space scientists", publishedOn: "2023-06-02" },
      problems: [],
    });
    const d = (await send(t.app.url, `{ person(slug: "zhang-wei") { organizations { nodes { organization { slug } } } quotes { nodes { text } } }
      event(slug: "2020-xi-letter-to-space-scientists") { date { iso } } }`)).body.data;
    assert.deepEqual(d.person.organizations.nodes, [{ organization: { slug: "cast" } }]);
    assert.deepEqual(d.person.quotes.nodes, [{ text: "We were moved," }]);
    assert.equal(d.event.date.iso, "2020-04-24", "the reference refined the event's date");
  });
});

describe("search in a long document", () => {
  test("a word written Capitalized far past the text's first 8,000 characters is marked in the snippet", async () => {
    const filler = Array.from({ length: 300 }, (_, i) => `Paragraph ${i} of filler text repeats plain words for length.`).join("\n\n");
    const long = `${text.trimEnd()}\n\n${filler}\n\nThe Quarkwell initiative closed the meeting.\n`;
    const res = await ingest({ annotation, text: long });
    assert.deepEqual(res.body.data?.ingestDocument.problems, [], JSON.stringify(res.body));
    const found = (await send(t.app.url, `{ search(query: "quarkwell", types: [Document]) { nodes { snippet } } }`)).body.data;
    assert.equal(found.search.nodes.length, 1);
    assert.match(found.search.nodes[0].snippet, /The <mark>Quarkwell<\/mark> initiative/);
  });
});

describe("ingest statements", () => {
  let empty: TestApp;
  before(async () => {
    empty = await startTestApp("pglite", { env: { ...token.env, SEED: "false" } });
  });
  after(async () => empty?.close());

  test("new rows of each kind are written in one statement, not one per row", async () => {
    const seed = path.join(projectRoot, "corpus", "2023-05-29-science-technology-innovation");
    const [seedAnnotation, seedText] = await Promise.all([readFile(`${seed}.yaml`, "utf8"), readFile(`${seed}.txt`, "utf8")]);
    const write = () => send(empty.app.url, INGEST, { annotation: seedAnnotation, text: seedText }, token.bearer);
    const first = await write();
    assert.deepEqual(first.body.data?.ingestDocument.problems, [], JSON.stringify(first.body));
    // Measured: 44 into an empty graph with claims (43 before claims; 84 when each new row was its
    // own INSERT). The same file again is recognised by its hash: nothing but that lookup is sent.
    assert.ok(first.statements <= 44, `into an empty graph: ${first.statements} statements`);
    const again = await write();
    assert.equal(again.body.data?.ingestDocument.status, "UNCHANGED");
    assert.ok(again.statements <= 4, `the same document again: ${again.statements} statements`);
  });
});
