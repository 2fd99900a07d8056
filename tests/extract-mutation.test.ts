/**
 * The `extractDraft` mutation on the real service: it needs an API token, links the entities the
 * (seeded) graph holds, and its draft goes back in through `ingestDocument` unchanged.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { readAnnotation } from "../src/ingest/format.ts";
import { projectRoot } from "../src/paths.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { send, writeToken } from "./helpers/writes.ts";

const EXTRACT = "mutation Extract($text: String!, $publishedOn: String) { extractDraft(text: $text, publishedOn: $publishedOn) }";
const INGEST = "mutation Ingest($annotation: String!, $text: String!) { ingestDocument(annotation: $annotation, text: $text) { document { slug } problems { path line message } } }";
const token = writeToken();
let t: TestApp;
let text: string;

before(async () => {
  t = await startTestApp("pglite", { env: token.env });
  text = await readFile(path.join(projectRoot, "tests", "fixtures", "2023-06-02-space-letter-follow-up.txt"), "utf8");
});
after(() => t?.close());

describe("extractDraft", () => {
  test("is refused without an API token, before anything runs", async () => {
    const res = await send(t.app.url, EXTRACT, { text });
    assert.equal(res.body.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
    assert.equal(res.body.data, null);
  });

  test("drafts the text, linking the people and organizations the graph holds by their slugs", async () => {
    const res = await send<{ extractDraft: string }>(t.app.url, EXTRACT, { text }, token.bearer);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    const yaml = res.body.data!.extractDraft;
    const read = readAnnotation(yaml);
    assert.ok(read.ok);
    assert.equal(read.annotation.document.publishedOn, "2023-06-02");
    assert.ok(read.annotation.people?.some((p) => p.slug === "xi-jinping"), "Xi Jinping is in the seeded graph");
    assert.match(yaml, /# proposed: rule=gazetteer\.match confidence=0\.95 named "Xi Jinping"/);
    assert.deepEqual(read.annotation.quotes?.filter((q) => q.kind === "DIRECT").map((q) => `${q.speaker}: ${q.evidence.exact}`), [
      "xi-jinping: The spirit of the space program belongs to the whole nation,",
      "zhang-wei: We were moved,",
    ]);

    const ingested = await send(t.app.url, INGEST, { annotation: yaml, text }, token.bearer);
    assert.equal(ingested.body.errors, undefined, JSON.stringify(ingested.body.errors));
    assert.deepEqual(ingested.body.data.ingestDocument.problems, []);
    assert.equal(ingested.body.data.ingestDocument.document.slug, read.annotation.document.slug);
  });

  test("needs a publication day, and says which input is wrong", async () => {
    const undated = await send(t.app.url, EXTRACT, { text: "On Tuesday, Xi Jinping met the crew." }, token.bearer);
    assert.equal(undated.body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.match(undated.body.errors![0]!.message, /text: no publication date/);
    const contradicting = await send(t.app.url, EXTRACT, { text, publishedOn: "2023-06-01" }, token.bearer);
    assert.match(contradicting.body.errors![0]!.message, /publishedOn: .*contradicts the text's date line/);
  });
});

describe("extractDraft in its worker thread", () => {
  test("the service answers other requests while a long draft runs", async () => {
    // ~45 KB: seconds of extraction, which on the event loop would hold every request up.
    const long = `date 2023-06-02\n\n${text.replace(/^date .*\n/, "").repeat(Math.floor(45_000 / text.length))}`;
    let done = false;
    const draft = send(t.app.url, EXTRACT, { text: long }, token.bearer).finally(() => (done = true));
    // Probes one after another until the draft is back: on the event loop, extraction would hold
    // them all until it ended; in its worker, they keep being answered meanwhile.
    let answered = 0;
    while (!done) {
      const [health, read] = await Promise.all([fetch(new URL("/healthz", t.app.url)), t.gql(`{ theme(slug: "space") { name } }`)]);
      assert.equal(health.status, 200);
      assert.equal(read.body.data.theme.name, "Space exploration");
      if (!done) answered++;
    }
    const res = await draft;
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    assert.ok(answered >= 5, `only ${answered} probes were answered while the draft ran`);
  });

  test("a draft over EXTRACT_TIMEOUT_MS is stopped with a coded error, and the service goes on", async () => {
    const limited = await startTestApp("pglite", { env: { ...token.env, EXTRACT_TIMEOUT_MS: "1" } });
    try {
      const res = await send(limited.app.url, EXTRACT, { text }, token.bearer);
      assert.equal(res.body.errors?.[0]?.extensions?.code, "TIME_LIMIT_EXCEEDED", JSON.stringify(res.body));
      assert.match(res.body.errors![0]!.message, /longer than 1 ms .*EXTRACT_TIMEOUT_MS/);
      assert.equal((await limited.gql(`{ theme(slug: "space") { name } }`)).body.data.theme.name, "Space exploration");
    } finally {
      await limited.close();
    }
  });
});
