/**
 * Requests no client library would send, which must get an answer and leave the service serving:
 * odd request targets, and an operation name that is not a string (it reaches
 * the request log and the metrics' labels).
 */
import assert from "node:assert/strict";
import net from "node:net";
import { test } from "node:test";
import { useTestApp } from "./helpers/app.ts";
import { postJson } from "./helpers/http.ts";

const served = useTestApp("pglite", { env: { METRICS: "true" } });

/** One raw HTTP/1.1 request; the status line and body of its answer. */
function raw(request: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // Written, not ended: a client that half-closes first may lose its answer (node:http closes).
    const socket = net.connect(served.t.app.port, "127.0.0.1", () => socket.write(request));
    let text = "";
    socket.setEncoding("utf8").on("data", (chunk: string) => (text += chunk)).on("error", reject);
    socket.on("close", () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1]), body: text.slice(text.indexOf("\r\n\r\n") + 4) }));
  });
}

const alive = async () => {
  const res = await fetch(`${served.origin}/healthz`);
  assert.equal(res.status, 200);
};

const get = (target: string) => raw(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);

test("a request target that is neither a path nor a URL gets a 400 naming it", async () => {
  for (const target of ["http://", "*", "http://[::1"]) {
    const answer = await get(target);
    assert.equal(answer.status, 400, `${target}: ${answer.body}`);
    assert.match(answer.body, /is neither a path nor a URL/);
    await alive();
  }
});

test("a path starting with // is a path, not a host", async () => {
  for (const target of ["//", "//graphql", "//x/y"]) {
    const answer = await get(target);
    assert.equal(answer.status, 404, `${target}: ${answer.body}`);
    assert.match(answer.body, new RegExp(`no route for ${target}`));
  }
  assert.equal((await get("http://localhost/healthz")).status, 200, "an absolute URL, as proxies send it");
});

test("an operation name that is not a string is logged and counted as none", async () => {
  for (const operationName of [{ toString: 0 }, 42, ["A"], true]) {
    const res = await postJson(served.t.app.url, { query: "{ __typename }", operationName });
    assert.ok(res.status >= 200 && res.status < 500, `operationName ${JSON.stringify(operationName)}: ${res.status}`);
    await alive();
  }
  const metrics = await (await fetch(`${served.origin}/metrics`)).text();
  assert.match(metrics, /^themegraph_requests_total\{route="graphql",operation="\(anonymous\)",outcome="[A-Z_a-z0-9]+"\} \d+$/m);
});
