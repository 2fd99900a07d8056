/**
 * GET /metrics: Prometheus text with requests by route, operation and outcome, latency, SQL
 * statements per request, the PostgreSQL pool, and Node's event-loop lag and GC.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { postJson } from "./helpers/http.ts";
import { skipWithoutPostgres } from "./helpers/postgres.ts";

const skip = await skipWithoutPostgres();
let t: TestApp;
before(async () => {
  if (!skip) t = await startTestApp("postgresql");
});
after(async () => t?.close());

const metrics = async () => {
  const res = await fetch(t.app.url.replace("/graphql", "/metrics"));
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /^text\/plain/);
  return res.text();
};

describe("metrics", { skip }, () => {
  test("requests by operation and outcome, latency, statements, pool, event loop and GC", async () => {
    for (let i = 0; i < 3; i++) await postJson(t.app.url, { query: "query Themes { themes(first: 2) { totalCount } }", operationName: "Themes" });
    await postJson(t.app.url, { query: "query Bad { themes(first: 500) { totalCount } }", operationName: "Bad" });
    await fetch(t.app.url.replace("/graphql", "/healthz"));
    const text = await metrics();
    assert.match(text, /^themegraph_requests_total\{route="graphql",operation="Themes",outcome="ok"\} 3$/m);
    assert.match(text, /^themegraph_requests_total\{route="graphql",operation="Bad",outcome="BAD_USER_INPUT"\} 1$/m);
    assert.match(text, /^themegraph_requests_total\{route="healthz",operation="\(anonymous\)",outcome="ok"\} 1$/m);
    assert.match(text, /^themegraph_request_duration_seconds_count\{route="graphql",operation="Themes"\} 3$/m);
    assert.match(text, /^themegraph_sql_statements_per_request_bucket\{le="1",operation="Themes"\} 3$/m, "one statement each");
    assert.match(text, /^themegraph_db_pool_connections\{state="idle"\} \d+$/m);
    assert.match(text, /^themegraph_db_pool_connections\{state="waiting"\} 0$/m);
    assert.match(text, /^nodejs_eventloop_lag_seconds /m);
    assert.match(text, /^# TYPE nodejs_gc_duration_seconds histogram$/m);
  });
});
