/**
 * The bundled IDE over HTTP (tests/ide-browser.test.ts drives it in Chromium): which requests get
 * the page, how its files are served (types, caching, compression), and that nothing outside the
 * bundle folder can be read through it.
 */
import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { after, before, describe, test } from "node:test";
import { startTestApp, useTestApp, type TestApp } from "./helpers/app.ts";
import { getPath, rawRequest, type RawRequest } from "./helpers/http.ts";

/** What Chromium sends when it navigates. */
const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

// One app for the file's tests of the IDE as served (none of them depends on CORS being off); the
// IDE turned off needs its own.
const server = useTestApp("pglite", { env: { CORS_ORIGINS: "https://app.example" } });

describe("the IDE behind CORS", () => {
  test("a gzipped asset varies by origin and by encoding (caches must not mix them)", async () => {
    const send = (req: RawRequest) => rawRequest(server.origin, req);
    const file = /(?:src|href)="(\/ide\/[^"]+\.js)"/.exec((await send({ path: "/" })).text)![1]!;
    const res = await send({ path: file, headers: { origin: "https://app.example", "accept-encoding": "gzip" } });
    assert.equal(res.status, 200);
    assert.deepEqual(String(res.headers.vary).split(/,\s*/).sort(), ["accept-encoding", "origin"]);
  });
});

describe("the IDE", () => {
  const send = (req: RawRequest) => rawRequest(server.origin, req);

  test("is the page at / and at /graphql for browsers, revalidated on every load, allowed to load only its own files", async () => {
    for (const path of ["/", "/graphql"]) {
      const res = await send({ path, headers: { accept: BROWSER_ACCEPT } });
      assert.equal(res.status, 200, path);
      assert.equal(res.headers["content-type"], "text/html; charset=utf-8");
      assert.equal(res.headers["cache-control"], "no-cache");
      assert.match(String(res.headers["content-security-policy"]), /default-src 'self'/);
      assert.match(res.text, /<div id="graphiql">/);
      assert.doesNotMatch(res.text, /(src|href)="(https?:)?\/\//, "nothing from another host");
    }
  });

  test("GraphQL at /graphql is untouched: JSON GETs and POSTs still run", async () => {
    const get = await send({ path: getPath({ query: "{ __typename }" }), headers: { accept: "*/*", "apollo-require-preflight": "true" } });
    assert.deepEqual(get.json(), { data: { __typename: "Query" } });
    assert.deepEqual((await server.t.gql("{ __typename }")).body, { data: { __typename: "Query" } });
  });

  test("serves every file the page names with its type, hashed ones cached for a year, gzipped on request", async () => {
    const page = (await send({ path: "/" })).text;
    const files = [...page.matchAll(/(?:src|href)="(\/ide\/[^"]+)"/g)].map((m) => m[1]!);
    assert.ok(files.some((f) => f.endsWith(".js")) && files.some((f) => f.endsWith(".css")), `the page names its script and style: ${files}`);
    for (const file of files) {
      const plain = await send({ path: file });
      assert.equal(plain.status, 200, file);
      assert.equal(plain.headers["content-type"], file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
      assert.equal(plain.headers["cache-control"], "public, max-age=31536000, immutable");
      assert.equal(plain.headers["x-content-type-options"], "nosniff");
      const gzipped = await send({ path: file, headers: { "accept-encoding": "gzip, br" } });
      assert.equal(gzipped.headers["content-encoding"], "gzip");
      assert.ok(gzipped.body.length < plain.body.length);
      assert.deepEqual(gunzipSync(gzipped.body), plain.body);
    }
  });

  test("answers a matching If-None-Match with 304, and HEAD without a body", async () => {
    const first = await send({ path: "/" });
    const again = await send({ path: "/", headers: { "if-none-match": String(first.headers.etag) } });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    const head = await send({ method: "HEAD", path: "/" });
    assert.equal(head.status, 200);
    assert.equal(head.headers["content-length"], String(first.body.length));
    assert.equal(head.body.length, 0);
  });

  test("cannot be used to read files outside its bundle", async () => {
    const attempts = [
      "/ide/../package.json",
      "/ide/%2e%2e/package.json",
      "/ide/%2E%2E%2Fpackage.json",
      "/ide/assets/..%2f..%2f..%2fpackage.json",
      "/ide/..%5c..%5cpackage.json",
      "/ide/%2e%2e/%2e%2e/src/config.ts",
      "/ide//etc/passwd",
      "/ide/%2fetc%2fpasswd",
      "/ide/index.html%00.js",
      "/ide/assets",
      "/ide/",
    ];
    for (const path of attempts) {
      const res = await send({ path });
      assert.equal(res.status, 404, path);
      assert.doesNotMatch(res.text, /"name": "themegraph"|root:|export function loadConfig/, path);
    }
    assert.equal((await send({ path: "/ide/%E0%A4%A" })).status, 400, "a malformed escape");
    assert.equal((await send({ method: "POST", path: "/ide/index.html", body: "x" })).status, 405);
  });
});

describe("IDE=false", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp("pglite", { env: { IDE: "false" } });
  });
  after(async () => t?.close());

  test("serves no page and no files; GraphQL still answers", async () => {
    const send = (req: RawRequest) => rawRequest(`http://127.0.0.1:${t.app.port}`, req);
    assert.equal((await send({ path: "/", headers: { accept: BROWSER_ACCEPT } })).status, 404);
    assert.equal((await send({ path: "/ide/index.html" })).status, 404);
    const browser = await send({ path: "/graphql", headers: { accept: BROWSER_ACCEPT } });
    assert.doesNotMatch(String(browser.headers["content-type"]), /html/);
    assert.equal((await t.gql("{ __typename }")).status, 200);
  });
});
