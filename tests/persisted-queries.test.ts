/**
 * Automatic persisted queries through our HTTP layer: a client sends an operation's SHA-256 hash,
 * the full document only when the server answers PERSISTED_QUERY_NOT_FOUND, over POST and GET.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, test } from "node:test";
import { useTestApp } from "./helpers/app.ts";
import { getPath, postJson, rawRequest, type RawResponse } from "./helpers/http.ts";

const GQL = "application/graphql-response+json";
/** The Accept of the tests' POSTs unless a test names another. */
const AS_JSON = { accept: "application/json" };
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });

/** A document of its own per test, so that no test sees another's registration. */
const document = (alias: string) => `query ($slug: String!) { ${alias}: theme(slug: $slug) { name } }`;
const variables = { slug: "space" };


function get(origin: string, params: Record<string, unknown>): Promise<RawResponse> {
  return rawRequest(origin, { path: getPath(params), headers: { accept: GQL, "apollo-require-preflight": "true" } });
}

const code = (res: RawResponse) => res.json().errors?.[0]?.extensions?.code;

describe("automatic persisted queries", () => {
  const server = useTestApp("pglite");

  test("POST: an unknown hash is PERSISTED_QUERY_NOT_FOUND; hash + document registers it; the hash alone then runs it", async () => {
    const query = document("post");
    const miss = await postJson(server.origin, { variables, extensions: persisted(query) }, AS_JSON);
    assert.equal(miss.status, 200, "application/json: a well-formed request is a 200");
    assert.equal(code(miss), "PERSISTED_QUERY_NOT_FOUND");
    const register = await postJson(server.origin, { query, variables, extensions: persisted(query) }, AS_JSON);
    assert.deepEqual(register.json(), { data: { post: { name: "Space exploration" } } });
    const hit = await postJson(server.origin, { variables: { slug: "basic-research" }, extensions: persisted(query) }, AS_JSON);
    assert.deepEqual(hit.json(), { data: { post: { name: "Basic research" } } });
  });

  test("with application/graphql-response+json a miss has no data, so it is a 400", async () => {
    const miss = await postJson(server.origin, { variables, extensions: persisted(document("strict")) }, { accept: GQL });
    assert.equal(miss.status, 400);
    assert.equal(code(miss), "PERSISTED_QUERY_NOT_FOUND");
  });

  test("GET: the same exchange, so that hashed queries can be cached by URL", async () => {
    const query = document("get");
    assert.equal(code(await get(server.origin, { variables, extensions: persisted(query) })), "PERSISTED_QUERY_NOT_FOUND");
    const register = await get(server.origin, { query, variables, extensions: persisted(query) });
    assert.deepEqual(register.json(), { data: { get: { name: "Space exploration" } } });
    const hit = await get(server.origin, { variables, extensions: persisted(query) });
    assert.equal(hit.status, 200);
    assert.deepEqual(hit.json(), { data: { get: { name: "Space exploration" } } });
  });

  test("a document registered by POST runs by hash over GET", async () => {
    const query = document("both");
    await postJson(server.origin, { query, variables, extensions: persisted(query) }, AS_JSON);
    assert.deepEqual((await get(server.origin, { variables, extensions: persisted(query) })).json(), { data: { both: { name: "Space exploration" } } });
  });

  test("a hash that does not match the document is refused", async () => {
    const res = await postJson(server.origin, { query: document("liar"), extensions: persisted(document("other")) }, AS_JSON);
    assert.equal(res.status, 400);
    assert.match(res.json().errors[0].message, /provided sha does not match query/);
    assert.equal(res.json().errors[0].extensions.code, "PERSISTED_QUERY_HASH_MISMATCH", "its own code, not an internal error");
  });
});

describe("PERSISTED_QUERIES=false", () => {
  const server = useTestApp("pglite", { env: { PERSISTED_QUERIES: "false" } });

  test("hashes are answered PERSISTED_QUERY_NOT_SUPPORTED; plain documents still run", async () => {
    const query = document("off");
    assert.equal(code(await postJson(server.origin, { query, variables, extensions: persisted(query) }, AS_JSON)), "PERSISTED_QUERY_NOT_SUPPORTED");
    assert.deepEqual((await postJson(server.origin, { query, variables }, AS_JSON)).json(), { data: { off: { name: "Space exploration" } } });
  });
});
