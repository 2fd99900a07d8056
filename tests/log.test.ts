/**
 * The request line (log.ts `logRequest`) is built by hand for speed: it must stay what pino itself
 * writes for the same fields, key for key and in the same order, and follow the logger's level.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { pino } from "pino";
import { logRequest, type RequestLine } from "../src/log.ts";

function capture(level = "info") {
  const lines: string[] = [];
  const log = pino({ base: { service: "themegraph" }, level }, { write: (line: string) => void lines.push(line) });
  return { log, lines };
}

/** pino's own line for the same request: the object http.ts logged before logRequest existed. */
function byPino(line: RequestLine): Record<string, any> {
  const { log, lines } = capture();
  const { graphql, traceId, ...rest } = line;
  log.info({ ...rest, ...(graphql && { operationName: graphql.operationName, sqlStatements: graphql.sqlStatements }), ...(traceId !== undefined && { traceId }) }, "request");
  return JSON.parse(lines[0]!);
}

const requests: RequestLine[] = [
  { requestId: "0b5c5f3e-8d5e-4f27-9a43-3b1f0c6f2a11", method: "POST", path: "/graphql", status: 200, durationMs: 1.7, graphql: { operationName: "LatestQuotes", sqlStatements: 1 } },
  { requestId: "r2", method: "GET", path: "/graphql", status: 400, durationMs: 0, graphql: { operationName: null, sqlStatements: 0 }, traceId: "4bf92f3577b34da6a3ce929d0e0e4736" },
  { requestId: "r3", method: "GET", path: "/a \"quoted\" \\ path\u0001\u2028é", status: 404, durationMs: 12.3 },
];

test("the request line is pino's line for the same fields, keys in the same order", () => {
  for (const request of requests) {
    const { log, lines } = capture();
    logRequest(log, request);
    assert.equal(lines.length, 1);
    assert.ok(lines[0]!.endsWith("}\n"), "one line");
    const ours = JSON.parse(lines[0]!);
    const theirs = byPino(request);
    assert.ok(Math.abs(ours.time - theirs.time) < 1000);
    assert.deepEqual(Object.keys(ours), Object.keys(theirs));
    assert.deepEqual({ ...ours, time: 0 }, { ...theirs, time: 0 });
  }
});

test("the request line follows the logger's level and bindings", () => {
  const quiet = capture("warn");
  logRequest(quiet.log, requests[0]!);
  assert.deepEqual(quiet.lines, []);
  const { log, lines } = capture();
  logRequest(log.child({ instance: "b" }), requests[2]!);
  assert.equal(JSON.parse(lines[0]!).instance, "b");
});
