/**
 * Bounded answers (#20). What is large by its shape is refused before any SQL: the query cost weighs
 * text fields by the kilobytes they usually hold (graphql/text-size.ts). What is large by its data
 * is refused once answered, before a byte of it is written (MAX_RESPONSE_BYTES,
 * http/response-size.ts), on every path that writes an answer: the planner's statement, its replay,
 * the resolvers (JavaScript fields, whole operations, mutations), GET and persisted queries.
 *
 * A service with the default limits measures an answer in bytes; a second one is started with
 * MAX_RESPONSE_BYTES set to exactly that size, so one byte more is over. The answer holds non-ASCII
 * characters: its UTF-8 size is not its length in JavaScript.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { projectRoot } from "../src/paths.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { send, writeToken } from "./helpers/writes.ts";

const token = writeToken();
const SLUG = "2023-05-29-science-technology-innovation";
/** The answer measured: the document's text and annotation (~21 KB). `ab:` instead of `a:` is one byte more. */
const SOURCE = (alias: string) => `{ ${alias}: document(slug: "${SLUG}") { text annotation } }`;

interface Raw {
  status: number;
  text: string;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
  statements: number;
  cacheControl: string | null;
}

async function request(url: string, init: RequestInit): Promise<Raw> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text), statements: Number(res.headers.get("x-sql-statements")), cacheControl: res.headers.get("cache-control") };
}

const post = (t: TestApp, query: string, headers: Record<string, string> = {}) =>
  request(t.app.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });

const get = (t: TestApp, params: Record<string, string>) =>
  request(`${t.app.url}?${new URLSearchParams(params)}`, { headers: { "apollo-require-preflight": "true", accept: "application/graphql-response+json" } });

let full: TestApp;
before(async () => {
  full = await startTestApp("pglite", { env: { LOG_LEVEL: "warn" } });
});
after(async () => full?.close());

describe("the query cost weighs text fields", () => {
  test("the 4 MB query (a page of documents' texts and paragraphs) is refused before any SQL, naming the limit and the text fields", async () => {
    const res = await post(full, "{ documents(first: 100) { nodes { text paragraphs(first: 100) { text } } } }");
    assert.equal(res.statements, 0, "refused before any SQL");
    assert.equal(res.body.data, undefined);
    const error = res.body.errors?.[0];
    assert.equal(error?.extensions?.code, "MAX_COST_EXCEEDED", res.text);
    // documents: 1 + 100 × (nodes 1 + text 80 + paragraphs (1 + 100 × text 5)).
    assert.equal(error?.extensions?.found, 1 + 100 * (1 + 80 + 1 + 100 * 5));
    assert.equal(error?.extensions?.max, 50_000);
    assert.match(error!.message, /QUERY_MAX_COST/);
    assert.match(error!.message, /Document\.text 80, Paragraph\.text 5/);
  });

  test("the example operations, the workbench's reads and a page of documents' texts still run", async () => {
    const folder = path.join(projectRoot, "examples", "queries");
    const examples = await Promise.all((await readdir(folder)).filter((f) => f.endsWith(".graphql")).map((f) => readFile(path.join(folder, f), "utf8")));
    assert.ok(examples.length >= 3);
    const others = [
      `query Source { document(slug: "${SLUG}") { publishedOn text annotation } }`,
      `{ documents(first: 100) { nodes { slug text annotation } } }`,
      `{ document(slug: "${SLUG}") { paragraphs { number text } } }`,
      `{ quotes(first: 100) { nodes { text evidence { paragraph text document { slug } } } } }`,
    ];
    for (const query of [...examples, ...others]) {
      const res = await post(full, query);
      assert.equal(res.body.errors, undefined, `${query}: ${res.text.slice(0, 300)}`);
      assert.ok(res.body.data, query);
    }
  });
});

describe("MAX_RESPONSE_BYTES", () => {
  let limit: number;
  let exact: string;
  let t: TestApp;
  /** RESPONSE_TOO_LARGE answers so far, for the metrics. */
  let refused = 0;

  before(async () => {
    exact = (await post(full, SOURCE("a"))).text;
    limit = Buffer.byteLength(exact);
    assert.ok(exact.length < limit, "the answer holds multi-byte characters");
    assert.ok(exact.length * 3 > limit, "measured exactly, not by its length");
    t = await startTestApp("pglite", { env: { ...token.env, LOG_LEVEL: "error", MAX_RESPONSE_BYTES: String(limit) } });
  });
  after(async () => t?.close());

  /** The size of `query`'s answer, as the service without the limit sends it. */
  const sizeOf = async (query: string) => Buffer.byteLength((await post(full, query)).text);

  /** A RESPONSE_TOO_LARGE answer: status 200, data null, one error with the limit and the size. */
  function assertTooLarge(res: Raw, size?: number): void {
    assert.equal(res.status, 200, res.text.slice(0, 300));
    assert.deepEqual(Object.keys(res.body).sort(), ["data", "errors"], res.text.slice(0, 300));
    assert.equal(res.body.data, null);
    assert.equal(res.body.errors?.length, 1);
    const error = res.body.errors![0]!;
    assert.equal(error.extensions?.code, "RESPONSE_TOO_LARGE");
    assert.equal(error.extensions?.max, limit);
    assert.ok(error.extensions?.size > limit);
    if (size !== undefined) assert.equal(error.extensions?.size, size);
    assert.match(error.message, new RegExp(`over the limit of ${limit} \\(MAX_RESPONSE_BYTES\\).*smaller pages`));
    refused++;
  }

  test("an answer of exactly the limit is sent whole", async () => {
    const res = await post(t, SOURCE("a"));
    assert.equal(res.status, 200);
    assert.equal(res.text, exact);
    assert.equal(res.statements, 1);
  });

  test("one byte more, written by the planner's statement: RESPONSE_TOO_LARGE with the limit and the exact size", async () => {
    const res = await post(t, SOURCE("ab"));
    assertTooLarge(res, limit + 1);
    assert.equal(res.statements, 1, "the statement ran; its answer was not sent");
  });

  test("the same request again, answered by its replay, is refused the same", async () => {
    const first = await post(t, SOURCE("abc"));
    const second = await post(t, SOURCE("abc"));
    assertTooLarge(first, limit + 2);
    assertTooLarge(second, limit + 2);
    assert.equal(second.text, first.text);
    assert.equal(second.statements, 1);
  });

  test("with application/graphql-response+json, over GET, and as a persisted query", async () => {
    const viaPost = await post(t, SOURCE("abcd"), { accept: "application/graphql-response+json" });
    assertTooLarge(viaPost, limit + 3);
    const viaGet = await get(t, { query: SOURCE("abcde") });
    assertTooLarge(viaGet, await sizeOf(SOURCE("abcde")));
    assert.equal(viaGet.cacheControl, "no-store", "a refusal is not cached, unlike a GET's answer");
    assert.match((await get(t, { query: SOURCE("a") })).cacheControl ?? "", /^public/);
    const query = SOURCE("abcdef");
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") } });
    const unknown = await get(t, { extensions });
    assert.equal(unknown.body.errors?.[0]?.extensions?.code, "PERSISTED_QUERY_NOT_FOUND");
    assertTooLarge(await get(t, { query, extensions }), limit + 5);
    assertTooLarge(await get(t, { extensions }), limit + 5);
  });

  test("answers the resolvers complete: a JavaScript field, and a whole operation", async () => {
    const paragraphs = (alias: string) => `${alias}: document(slug: "${SLUG}") { paragraphs { text } }`;
    const slots = `{ ${["a", "b", "c", "d"].map(paragraphs).join(" ")} }`;
    assertTooLarge(await post(t, slots), await sizeOf(slots));
    // Two searches in one operation: the planner leaves all of it to the resolvers (graphql-jit).
    const searches = `{ s: search(query: "innovation", first: 1) { totalCount } u: search(query: "science", first: 1) { totalCount }
      ${SOURCE("x").slice(2, -2)} }`;
    assertTooLarge(await post(t, searches), await sizeOf(searches));
  });

  test("a mutation's answer: refused, and the message says its writes stand, which they do", async () => {
    const mutation = `mutation { updateTheme(slug: "basic-research", input: { description: "Bounded." }) {
      events(first: 5) { nodes { evidence(first: 5) { nodes { document { text annotation } } } } } } }`;
    const res = await send(t.app.url, mutation, undefined, token.bearer);
    assertTooLarge({ status: res.status, text: JSON.stringify(res.body), body: res.body as Raw["body"], statements: res.statements, cacheControl: null });
    assert.match(res.body.errors![0]!.message, /a mutation's writes stand/);
    const read = await post(t, `{ theme(slug: "basic-research") { description } }`);
    assert.equal(read.body.data.theme.description, "Bounded.");
  });

  test("/metrics counts the refusals under their code", async () => {
    const text = await (await fetch(new URL("/metrics", t.app.url))).text();
    const counted = [...text.matchAll(/^themegraph_requests_total\{[^}]*outcome="RESPONSE_TOO_LARGE"[^}]*\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
    assert.equal(counted, refused);
  });
});
