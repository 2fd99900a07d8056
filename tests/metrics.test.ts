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
    // Each histogram as Prometheus reads one: cumulative buckets in order, +Inf equal to the count, the sum.
    const series = (name: string, labels: string) =>
      [...text.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)",${labels}\\} (\\d+)$`, "gm"))].map((m) => [m[1], Number(m[2])] as const);
    assert.deepEqual(series("themegraph_sql_statements_per_request", 'operation="Themes"'),
      [["0", 0], ["1", 3], ["2", 3], ["3", 3], ["5", 3], ["10", 3], ["20", 3], ["50", 3], ["+Inf", 3]]);
    assert.match(text, /^themegraph_sql_statements_per_request_sum\{operation="Themes"\} 3$/m);
    const latency = series("themegraph_request_duration_seconds", 'route="graphql",operation="Themes"');
    assert.deepEqual(latency.map(([le]) => le), ["0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"]);
    assert.ok(latency.every(([, n], i) => i === 0 || n >= latency[i - 1]![1]), `cumulative: ${JSON.stringify(latency)}`);
    assert.equal(latency.at(-1)![1], 3);
    assert.match(text, /^themegraph_request_duration_seconds_sum\{route="graphql",operation="Themes"\} 0\.\d+$/m);
    assert.match(text, /^# TYPE themegraph_request_duration_seconds histogram$/m);
    assert.match(text, /^# TYPE themegraph_requests_total counter$/m);
    assert.match(text, /^# HELP themegraph_requests_total HTTP requests answered/m);
    assert.match(text, /^themegraph_db_pool_connections\{state="idle"\} \d+$/m);
    assert.match(text, /^themegraph_db_pool_connections\{state="waiting"\} 0$/m);
    assert.match(text, /^nodejs_eventloop_lag_seconds /m);
    assert.match(text, /^# TYPE nodejs_gc_duration_seconds histogram$/m);
  });
});
