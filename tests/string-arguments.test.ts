/**
 * Error codes a client can act on, each before any SQL where it can be: a NUL character or an
 * oversized string in any argument is BAD_USER_INPUT (literal or variable, nested in input objects
 * too) while document-sized arguments keep their own limits; a database that refuses connections
 * is SERVICE_UNAVAILABLE, not an internal error (a persisted query's wrong hash: persisted-queries.test.ts).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createThrowawayDatabase, skipWithoutPostgres } from "./helpers/postgres.ts";
import { send, writeToken } from "./helpers/writes.ts";

const token = writeToken();
let t: TestApp;
before(async () => {
  t = await startTestApp("pglite", { env: token.env });
});
after(async () => t?.close());

const refused = (res: Awaited<ReturnType<typeof send>>, pattern: RegExp) => {
  assert.equal(res.body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT", JSON.stringify(res.body));
  assert.match(res.body.errors![0]!.message, pattern);
  assert.equal(res.statements, 0, "refused before any SQL");
};

test("a NUL character in a literal or a variable, at any depth, is BAD_USER_INPUT with no SQL", async () => {
  refused(await send(t.app.url, `{ theme(slug: "spa\\u0000ce") { name } }`), /argument theme\(slug\) contains a NUL character/);
  refused(await send(t.app.url, `query($s: String!) { theme(slug: $s) { name } }`, { s: "a\u0000" }), /variable \$s contains a NUL/);
  refused(await send(t.app.url, `query($f: EventFilter) { events(filter: $f) { totalCount } }`, { f: { place: "Bei\u0000jing" } }), /variable \$f\.place contains a NUL/);
});

test("a string over 10,000 characters is BAD_USER_INPUT with no SQL; a document's text keeps its own limit", async () => {
  refused(await send(t.app.url, `query($s: String!) { theme(slug: $s) { name } }`, { s: "x".repeat(900_000) }), /variable \$s is 900000 characters long, over the limit of 10000/);
  refused(await send(t.app.url, `query($f: EventFilter) { events(filter: $f) { totalCount } }`, { f: { place: "p".repeat(10_001) } }), /\$f\.place is 10001 characters long/);
  const article = `date 2026-03-12\n\n${"The satellite sent its first readings on Wednesday, the agency said. ".repeat(200)}`;
  assert.ok(article.length > 10_000);
  const drafted = await send(t.app.url, `mutation($text: String!) { extractDraft(text: $text) }`, { text: article }, token.bearer);
  assert.equal(drafted.body.errors, undefined, JSON.stringify(drafted.body.errors));
});

describe("a database that refuses connections", { skip: await skipWithoutPostgres() }, () => {
  test("is SERVICE_UNAVAILABLE, then answers again when it accepts them", async () => {
    const db = await createThrowawayDatabase();
    const app = await startTestApp("postgresql", { env: { DATABASE_URL: db.url } });
    const name = new URL(db.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: db.url.replace(/\/[^/]+$/, "/postgres") });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
      const res = await send(app.app.url, `{ themes(first: 2) { totalCount } }`);
      assert.equal(res.body.errors?.[0]?.extensions?.code, "SERVICE_UNAVAILABLE", JSON.stringify(res.body));
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      const back = await send(app.app.url, `{ themes(first: 2) { totalCount } }`);
      assert.equal(back.body.errors, undefined, JSON.stringify(back.body.errors));
    } finally {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`).catch(() => undefined);
      await admin.end();
      await app.close();
    }
  });
});
