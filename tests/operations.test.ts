/**
 * Running it: health and readiness, a database outage and recovery without a restart (through a
 * proxy the test cuts), shutdown that finishes the request in flight, CORS, oversize bodies, and
 * the request log.
 */
import assert from "node:assert/strict";
import http from "node:http";
import { rm } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { startTestApp, tempDataDir, type TestApp } from "./helpers/app.ts";
import { createThrowawayDatabase, skipWithoutPostgres, type ThrowawayDatabase } from "./helpers/postgres.ts";
import { startService } from "./helpers/process.ts";
import { startProxy, type Proxy } from "./helpers/tcp-proxy.ts";

const origin = (app: TestApp) => app.app.url.replace(/\/graphql$/, "");

describe("database outage on PostgreSQL", async () => {
  const skip = await skipWithoutPostgres();
  let database: ThrowawayDatabase, proxy: Proxy, t: TestApp;
  before(async () => {
    if (skip) return;
    database = await createThrowawayDatabase();
    proxy = await startProxy(Number(new URL(database.url).port || 5432));
    const url = new URL(database.url);
    url.port = String(proxy.port);
    t = await startTestApp("pglite", { env: { DATABASE_URL: url.toString() } });
  });
  after(async () => {
    await t?.close();
    await proxy?.close();
    await database?.drop();
  });

  test("reads fail cleanly and readiness turns false while it is away; both recover without a restart", { skip }, async () => {
    const read = () => t.gql(`{ theme(slug: "space") { name events(first: 2) { nodes { slug } } } }`);
    assert.equal((await read()).body.data.theme.name, "Space exploration");
    assert.equal((await fetch(`${origin(t)}/readyz`)).status, 200);

    await proxy.cut();
    const down = await read();
    assert.equal(down.body.errors?.[0]?.extensions?.code, "SERVICE_UNAVAILABLE");
    assert.doesNotMatch(JSON.stringify(down.body), /ECONNREFUSED|prisma|SELECT|stack/i, "nothing internal leaks");
    const ready = await fetch(`${origin(t)}/readyz`);
    assert.equal(ready.status, 503);
    assert.equal(((await ready.json()) as { database: string }).database, "down");
    assert.equal((await fetch(`${origin(t)}/healthz`)).status, 200, "the process itself is alive");

    await proxy.restore();
    let recovered = false;
    for (let i = 0; i < 40 && !recovered; i++) {
      recovered = (await read()).body.data?.theme?.name === "Space exploration";
      if (!recovered) await new Promise((r) => setTimeout(r, 250));
    }
    assert.ok(recovered, "reads work again");
    assert.equal((await fetch(`${origin(t)}/readyz`)).status, 200);
  });
});

describe("HTTP operations on PGlite", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp("pglite", { env: { CORS_ORIGINS: "https://app.example" } });
  });
  after(async () => t?.close());

  test("readiness reports the database and its migrations", async () => {
    const res = await fetch(`${origin(t)}/readyz`);
    const body = (await res.json()) as { ready: boolean; migrations: { applied: number; expected: number } };
    assert.equal(res.status, 200);
    assert.equal(body.ready, true);
    assert.equal(body.migrations.applied, body.migrations.expected);
  });

  test("CORS: an allowed origin gets a preflight answer and headers, another gets none", async () => {
    const preflight = await fetch(t.app.url, { method: "OPTIONS", headers: { origin: "https://app.example", "access-control-request-method": "POST" } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "https://app.example");
    const other = await fetch(t.app.url, { method: "POST", headers: { origin: "https://evil.example", "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
    assert.equal(other.headers.get("access-control-allow-origin"), null);
  });

  test("a 10 MB body is refused with 413 before any SQL", async () => {
    const query = `{ themes { nodes { slug } } }${" ".repeat(10 * 1024 * 1024)}`;
    const res = await fetch(t.app.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
    assert.equal(res.status, 413);
    assert.equal(res.headers.get("x-sql-statements"), "0");
  });
});

test("SIGTERM lets a request in flight finish, logs it, then exits 0", async () => {
  const dataDir = await tempDataDir();
  try {
    const service = startService("main.js", { DATA_DIR: dataDir, PORT: "0" });
    const port = Number(/:(\d+)\/graphql/.exec(await service.ready)![1]);
    // A request whose body arrives in two parts: it is in flight when the signal comes.
    const body = JSON.stringify({ query: `query Slow { theme(slug: "space") { name } }`, operationName: "Slow" });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request({ port, path: "/graphql", method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode!, text }));
      });
      req.on("error", reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        service.child.kill("SIGTERM");
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 200);
    });
    const { status, text } = await answer;
    assert.equal(status, 200);
    assert.equal(JSON.parse(text).data.theme.name, "Space exploration");
    const exit = await service.exited;
    assert.equal(exit.code, 0, exit.stderr);
    const line = exit.stderr.split("\n").filter(Boolean).map((l) => JSON.parse(l)).find((l) => l.operationName === "Slow");
    assert.ok(line, `a request log line for the operation, got:\n${exit.stderr}`);
    assert.equal(line.status, 200);
    assert.equal(typeof line.requestId, "string");
    assert.equal(typeof line.durationMs, "number");
    assert.equal(line.sqlStatements, 1);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

