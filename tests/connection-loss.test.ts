/**
 * A pooled PostgreSQL connection that the server closes while idle (a restart, a failover, an
 * administrator's pg_terminate_backend) is dropped from the pool and logged; the service keeps
 * running and answers the next request on a new connection. Unhandled, node-postgres raises it as
 * an 'error' event nobody listens to, which ends the process.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import pg from "pg";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { skipWithoutPostgres } from "./helpers/postgres.ts";
import { waitUntil } from "./helpers/wait.ts";

const skip = await skipWithoutPostgres();
let t: TestApp;
before(async () => {
  // Not seeded, so that only the driver's reads have run: Prisma, which listens to the pool's
  // errors while it is connected, is not (a read-only service may never connect it).
  if (!skip) t = await startTestApp("postgresql", { env: { SEED: "false" } });
});
after(async () => t?.close());

test("idle connections terminated by the server do not stop the service", { skip }, async () => {
  const query = `{ a: quotes(first: 2) { nodes { slug } } b: themes(first: 2) { nodes { slug } } }`;
  const first = await t.gql(query);
  assert.equal(first.body.errors, undefined);
  await t.gql(`{ c: quotes(first: 1) { nodes { slug } } d: people(first: 1) { nodes { slug } } }`); // a second pooled connection, maybe
  const database = t.app.db.location.split("/").pop()!; // host:port/database
  const admin = new pg.Client({ connectionString: process.env.PG_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [database]);
    assert.ok(rows[0].n > 0, "the app's idle connections were terminated");
  } finally {
    await admin.end();
  }
  // The pool hears of each closed connection as an error event and drops it: until then the next
  // request could still be handed a dead one.
  await waitUntil("the pool to drop its terminated connections", () => t.app.db.poolStats()!.total === 0);
  const again = await t.gql(query);
  assert.equal(again.body.errors, undefined, JSON.stringify(again.body.errors));
  assert.deepEqual(again.body.data, first.body.data);
});
