/**
 * The endpoint against the GraphQL-over-HTTP specification (stage 2 text of 2025), SHOULDs
 * included; the ids in brackets are those of graphql-http's audit suite for the same rule.
 * Requests are raw node:http ones, so that each test sends exactly the headers it names.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { useTestApp } from "./helpers/app.ts";
import { getPath, postJson, rawRequest, type RawRequest, type RawResponse } from "./helpers/http.ts";

const GQL = "application/graphql-response+json";
const JSON_TYPE = "application/json";
/** Reads the database: its x-sql-statements says whether it ran. */
const READS = "{ themes(first: 1) { nodes { slug } } }";

const server = useTestApp("pglite");
const send = (req: RawRequest) => rawRequest(server.origin, req);

/** POSTs a JSON body with the given Accept (none when undefined). */
const post = (body: unknown, accept?: string) => postJson(server.origin, body, { accept });

function assertType(res: RawResponse, type: string) {
  assert.equal(res.headers["content-type"], `${type}; charset=utf-8`);
}

describe("media types", () => {
  test("application/graphql-response+json when asked for it [22EB], application/json when asked for it [4655]", async () => {
    assertType(await post({ query: "{ __typename }" }, GQL), GQL);
    assertType(await post({ query: "{ __typename }" }, JSON_TYPE), JSON_TYPE);
  });

  test("*/* and a missing Accept get application/json [47DE, 80D8]", async () => {
    assertType(await post({ query: "{ __typename }" }, "*/*"), JSON_TYPE);
    assertType(await post({ query: "{ __typename }" }), JSON_TYPE);
  });

  test("the highest quality wins, then the type listed first", async () => {
    assertType(await post({ query: "{ __typename }" }, `${GQL}, ${JSON_TYPE};q=0.9`), GQL);
    assertType(await post({ query: "{ __typename }" }, `${JSON_TYPE};q=0.5, ${GQL}`), GQL);
    assertType(await post({ query: "{ __typename }" }, `${JSON_TYPE}, ${GQL}`), JSON_TYPE);
    assertType(await post({ query: "{ __typename }" }, `${GQL};q=0, */*`), JSON_TYPE);
  });

  test("an Accept that allows neither is a 406, answered before anything runs", async () => {
    for (const accept of ["text/plain", "application/json; charset=iso-8859-1", `${GQL};q=0, ${JSON_TYPE};q=0`]) {
      const res = await post({ query: READS }, accept);
      assert.equal(res.status, 406, accept);
      assert.equal(res.headers["x-sql-statements"], "0", "the query did not run");
      assert.match(res.json().errors[0].message, /Accept header allows neither/);
    }
  });

  test("responses are UTF-8 and UTF-8 requests are read as such, with or without charset [82A3, BF61, 78D5]", async () => {
    const query = '{ __type(name: "Run🏃Swim🏊") { name } }';
    for (const contentType of [JSON_TYPE, `${JSON_TYPE}; charset=utf-8`, `${JSON_TYPE};charset="UTF-8"`]) {
      const res = await send({ method: "POST", headers: { "content-type": contentType }, body: JSON.stringify({ query }) });
      assert.equal(res.status, 200, contentType);
      assert.deepEqual(res.json(), { data: { __type: null } });
    }
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ query: "{ __typename }" }))]);
    assert.equal((await post(bom, JSON_TYPE)).status, 200, "a byte order mark is allowed");
  });
});

describe("POST requests", () => {
  test("anything but application/json in UTF-8 is a 415, a missing Content-Type too [9ABE]", async () => {
    const body = JSON.stringify({ query: READS });
    for (const contentType of [undefined, "text/plain", "application/graphql", "application/x-www-form-urlencoded", `${JSON_TYPE}; charset=iso-8859-1`]) {
      const res = await send({ method: "POST", headers: contentType ? { "content-type": contentType } : {}, body });
      assert.equal(res.status, 415, String(contentType));
      assert.equal(res.headers["x-sql-statements"], "0");
    }
  });

  test("a body that is not UTF-8 or not JSON is a 400, in both media types [BCF8, B7N8]", async () => {
    for (const accept of [JSON_TYPE, GQL]) {
      assert.equal((await post('{ "not a JSON', accept)).status, 400);
      assert.equal((await post(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), accept)).status, 400);
    }
  });

  test("requests that are not well-formed are 400s: no body, no query, wrong parameter types [A5BF, 423L, LKJx, 476x, 3E3A]", async () => {
    const bodies: unknown[] = ["", { notquery: "{ __typename }" }, { qeury: "{ __typename }" }, [{ query: "{ __typename }" }]];
    for (const query of [{ obj: "ect" }, 0, false, ["array"]]) bodies.push({ query });
    for (const variables of ["string", 0, false, ["array"]]) bodies.push({ query: "{ __typename }", variables });
    bodies.push({ query: "{ __typename }", operationName: 7 }, { query: "{ __typename }", extensions: "x" });
    for (const body of bodies) {
      for (const accept of [JSON_TYPE, GQL]) {
        const res = await post(body, accept);
        assert.equal(res.status, 400, `${JSON.stringify(body)} with ${accept}`);
        assertType(res, accept);
        assert.ok(res.json().errors.length > 0);
      }
    }
  });

  test("null variables, operationName and extensions are the same as none [94Bx, 022x]", async () => {
    for (const parameter of ["variables", "operationName", "extensions"]) {
      for (const accept of [JSON_TYPE, GQL]) {
        const res = await post({ query: "{ __typename }", [parameter]: null }, accept);
        assert.equal(res.status, 200);
        assert.deepEqual(res.json(), { data: { __typename: "Query" } });
      }
    }
  });

  test("a body over the limit is a 413", async () => {
    const res = await post({ query: `{ __typename } # ${"x".repeat(1024 * 1024)}` }, GQL);
    assert.equal(res.status, 413);
  });
});

describe("status codes", () => {
  /** Well-formed requests whose GraphQL request fails before execution. */
  const requestErrors = {
    "document parsing failure [572B, 556A, D586]": { body: { query: "{" }, code: "GRAPHQL_PARSE_FAILED" },
    "document validation failure [FDE2, 74FF, 5E5B]": { body: { query: "{ noSuchField }" }, code: "GRAPHQL_VALIDATION_FAILED" },
    "variable coercion failure [7B9B, 86EE]": { body: { query: "query ($slug: String!) { theme(slug: $slug) { name } }", variables: { slug: null } }, code: "BAD_USER_INPUT" },
    "operation cannot be determined": { body: { query: "query A { __typename } query B { __typename }", operationName: "C" }, code: "OPERATION_RESOLUTION_FAILURE" },
  };

  for (const [name, { body, code }] of Object.entries(requestErrors)) {
    test(`${name}: 200 with application/json, 400 without data with application/graphql-response+json`, async () => {
      const legacy = await post(body, JSON_TYPE);
      assert.equal(legacy.status, 200);
      assert.equal(legacy.json().errors[0].extensions.code, code);
      const modern = await post(body, GQL);
      assert.equal(modern.status, 400);
      assertType(modern, GQL);
      assert.equal(modern.json().errors[0].extensions.code, code);
      assert.equal("data" in modern.json(), false);
    });
  }

  test("field errors during execution are 200s in both media types, with data", async () => {
    const partial = '{ space: theme(slug: "space") { name } broken: theme(slug: "space") { events(first: 101) { totalCount } } }';
    for (const accept of [JSON_TYPE, GQL]) {
      const res = await post({ query: partial }, accept);
      assert.equal(res.status, 200);
      const body = res.json();
      assert.deepEqual(body.data, { space: { name: "Space exploration" }, broken: null });
      assert.equal(body.errors[0].extensions.code, "BAD_USER_INPUT");
    }
  });
});

describe("GET requests", () => {
  // Apollo's CSRF prevention stays on: a GET needs a header that a cross-site <img> or <form> cannot send.
  const preflight = { "apollo-require-preflight": "true" };

  test("run queries, with variables as JSON [5A70]", async () => {
    const res = await send({ path: getPath({ query: "query ($slug: String!) { theme(slug: $slug) { name } }", variables: { slug: "space" } }), headers: { ...preflight, accept: GQL } });
    assert.equal(res.status, 200);
    assertType(res, GQL);
    assert.deepEqual(res.json(), { data: { theme: { name: "Space exploration" } } });
  });

  test("an empty operationName, variables or extensions is the same as none", async () => {
    const res = await send({ path: "/graphql?query=%7B__typename%7D&operationName=&variables=&extensions=", headers: { ...preflight, accept: GQL } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), { data: { __typename: "Query" } });
  });

  test("without a CSRF-safe header they are refused, and nothing runs", async () => {
    const res = await send({ path: getPath({ query: READS }), headers: { accept: JSON_TYPE } });
    assert.equal(res.status, 400);
    assert.match(res.json().errors[0].message, /Cross-Site Request Forgery/);
    assert.equal(res.headers["x-sql-statements"], "0");
  });

  test("never run mutations or subscriptions: 405 with Allow: POST [9C48]", async () => {
    for (const params of [{ query: "mutation { __typename }" }, { query: "subscription { __typename }" }, { query: "query A { __typename } mutation B { __typename }", operationName: "B" }]) {
      for (const headers of [{ accept: GQL }, { accept: JSON_TYPE, ...preflight }]) {
        const res = await send({ path: getPath(params), headers });
        assert.equal(res.status, 405, JSON.stringify(params));
        assert.equal(res.headers.allow, "POST");
      }
    }
  });
});

describe("other methods and headers", () => {
  test("methods other than GET and POST are 405s naming the allowed ones", async () => {
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      const res = await send({ method, headers: { "content-type": JSON_TYPE }, body: JSON.stringify({ query: "{ __typename }" }) });
      assert.equal(res.status, 405, method);
      assert.equal(res.headers.allow, "GET, POST");
    }
  });

  test("every answer carries x-request-id and x-sql-statements", async () => {
    const answers = [
      await post({ query: READS }, GQL),
      await post({ query: "{" }, GQL),
      await post("nonsense", GQL),
      await post({ query: READS }, "text/plain"),
      await send({ method: "POST", body: "{}" }),
      await send({ path: "/nowhere" }),
      await send({ path: "/", headers: { accept: "text/html" } }),
    ];
    for (const res of answers) {
      assert.match(String(res.headers["x-request-id"]), /^[0-9a-f-]{36}$/);
      assert.match(String(res.headers["x-sql-statements"]), /^\d+$/);
    }
    assert.ok(Number(answers[0]!.headers["x-sql-statements"]) > 0, "a query that reads counts its statements");
  });
});
