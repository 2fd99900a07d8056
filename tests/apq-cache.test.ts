/**
 * HTTP caching of GraphQL answers (src/http/cache-control.ts), through the real server: a persisted
 * query sent by GET is `public, max-age=CACHE_MAX_AGE` when it answers without errors; a miss, an
 * error, a request with Authorization or x-read-after-lsn, any POST (the replay path included) and a
 * refused GET are `no-store`; GET answers vary on Accept, Authorization and X-Read-After-LSN.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, test } from "node:test";
import { newToken } from "../src/auth/api-tokens.ts";
import { ConfigError, loadConfig } from "../src/config.ts";
import { useTestApp } from "./helpers/app.ts";
import { getPath, postJson, rawRequest, type RawResponse } from "./helpers/http.ts";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });
/** A document of its own per test, so that no test sees another's registration. */
const document = (alias: string) => `query ($slug: String!) { ${alias}: theme(slug: $slug) { name } }`;
const variables = { slug: "space" };
const { token, sha256: digest } = newToken();

function get(origin: string, params: Record<string, unknown>, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(origin, { path: getPath(params), headers: { accept: "application/json", "apollo-require-preflight": "true", ...headers } });
}
const cacheControl = (res: RawResponse) => res.headers["cache-control"];
const vary = (res: RawResponse) => String(res.headers.vary ?? "").split(",").map((v) => v.trim().toLowerCase());

describe("Cache-Control of GraphQL answers", () => {
  const server = useTestApp("pglite", { env: { API_TOKEN_SHA256: digest, CORS_ORIGINS: "https://app.example" } });

  test("an APQ GET: the miss is no-store, the registration and every hit public for 60 s, varying on what changes them", async () => {
    const query = document("cached");
    const miss = await get(server.origin, { variables, extensions: persisted(query) });
    assert.equal(miss.json().errors[0].extensions.code, "PERSISTED_QUERY_NOT_FOUND");
    // Apollo's own header for a miss ("private, no-cache, must-revalidate") stays: a cached miss would
    // keep the client from ever registering its query.
    assert.match(String(cacheControl(miss)), /\bno-(store|cache)\b/);
    assert.doesNotMatch(String(cacheControl(miss)), /public/);
    const register = await get(server.origin, { query, variables, extensions: persisted(query) });
    assert.deepEqual(register.json(), { data: { cached: { name: "Space exploration" } } });
    assert.equal(cacheControl(register), "public, max-age=60");
    // Sent without Origin, the answer has no Access-Control-Allow-Origin: a cache must not give it to a browser.
    assert.ok(vary(register).includes("origin"), `Vary names origin without an Origin sent: ${register.headers.vary}`);
    const hit = await get(server.origin, { variables, extensions: persisted(query) }, { origin: "https://app.example" });
    assert.equal(hit.status, 200);
    assert.equal(cacheControl(hit), "public, max-age=60");
    for (const header of ["accept", "authorization", "x-read-after-lsn", "origin"]) assert.ok(vary(hit).includes(header), `Vary names ${header}: ${hit.headers.vary}`);
  });

  test("errors are no-store: a field error, a document that does not validate", async () => {
    const bad = await get(server.origin, { query: "{ nope }" });
    assert.ok(bad.json().errors);
    assert.equal(cacheControl(bad), "no-store");
    const query = `query ($first: Int!) { themes(first: $first) { nodes { slug } } }`;
    const refused = await get(server.origin, { query, variables: { first: 100_000 }, extensions: persisted(query) });
    assert.ok(refused.json().errors, refused.text);
    assert.equal(cacheControl(refused), "no-store");
  });

  test("a GET with Authorization, or reading after a write, is no-store", async () => {
    const query = document("private");
    const asViewer = await get(server.origin, { query, variables, extensions: persisted(query) }, { authorization: `Bearer ${token}` });
    assert.deepEqual(asViewer.json(), { data: { private: { name: "Space exploration" } } });
    assert.equal(cacheControl(asViewer), "no-store");
    const afterWrite = await get(server.origin, { variables, extensions: persisted(query) }, { "x-read-after-lsn": "0/0" });
    assert.ok(afterWrite.json().data, afterWrite.text);
    assert.equal(cacheControl(afterWrite), "no-store");
    assert.equal(cacheControl(await get(server.origin, { variables, extensions: persisted(query) })), "public, max-age=60", "the same URL alone is cacheable");
  });

  test("POSTs are no-store: a query, the same query again (answered by the replay path), a mutation", async () => {
    const body = { query: `{ theme(slug: "space") { name events(first: 2) { totalCount } } }` };
    const first = await postJson(server.origin, body);
    const replayed = await postJson(server.origin, body);
    assert.equal(replayed.text, first.text);
    assert.equal(cacheControl(first), "no-store");
    assert.equal(cacheControl(replayed), "no-store");
    const mutation = await postJson(server.origin, { query: `mutation { createTheme(input: { slug: "cache-test", name: "Cache test" }) { slug } }` }, { authorization: `Bearer ${token}` });
    assert.deepEqual(mutation.json(), { data: { createTheme: { slug: "cache-test" } } });
    assert.equal(cacheControl(mutation), "no-store");
  });

  test("a refused GET (a mutation: 405) is no-store too (405 is cacheable by default)", async () => {
    const refused = await get(server.origin, { query: `mutation { createTheme(input: { slug: "x", name: "X" }) { slug } }` });
    assert.equal(refused.status, 405);
    assert.equal(cacheControl(refused), "no-store");
  });
});

describe("CACHE_MAX_AGE", () => {
  const server = useTestApp("pglite", { env: { CACHE_MAX_AGE: "15" } });

  test("sets max-age; 0 turns caching off; a bad value names the variable", async () => {
    const query = document("short");
    const answer = await get(server.origin, { query, variables, extensions: persisted(query) });
    assert.equal(cacheControl(answer), "public, max-age=15");
    assert.equal(loadConfig({ CACHE_MAX_AGE: "0" }).cacheMaxAge, 0);
    assert.throws(() => loadConfig({ CACHE_MAX_AGE: "a minute" }), (error: Error) => error instanceof ConfigError && /CACHE_MAX_AGE/.test(error.message));
  });
});
