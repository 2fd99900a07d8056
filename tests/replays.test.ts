/**
 * A request answered before by one planned statement is answered again straight from that
 * statement (read/replays.ts), past Apollo's pipeline: the same bytes and headers as the full path,
 * fresh data every time, and never for what the full path would refuse or answer differently.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Prisma } from "../src/generated/prisma/client.ts";
import { Replays } from "../src/read/replays.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { send, writeToken } from "./helpers/writes.ts";

const token = writeToken();
let t: TestApp;
before(async () => {
  t = await startTestApp("pglite", { env: { ...token.env, LOG_LEVEL: "warn" } });
});
after(async () => t?.close());

async function raw(body: unknown): Promise<{ status: number; text: string; headers: Record<string, string> }> {
  const res = await fetch(t.app.url, { method: "POST", headers: { "content-type": "application/json", accept: "application/graphql-response+json" }, body: JSON.stringify(body) });
  const headers = Object.fromEntries([...res.headers].filter(([name]) => !["date", "x-request-id"].includes(name)));
  return { status: res.status, text: await res.text(), headers };
}

const THEME = { query: "query T($slug: String!) { theme(slug: $slug) { name events(first: 2) { nodes { slug } } } }", variables: { slug: "space" } };

test("the second identical request gets the first's bytes and headers, from one statement", async () => {
  const first = await raw(THEME);
  const second = await raw(THEME);
  assert.equal(first.status, 200);
  assert.deepEqual(second, first);
  assert.equal(second.headers["x-sql-statements"], "1");
  const other = await raw({ ...THEME, variables: { slug: "innovation" } });
  assert.notEqual(other.text, first.text, "other variables are another request");
  assert.match(other.text, /"name" : "Scientific and technological innovation"/);
});

test("replays read fresh data: the statement is kept, never the answer", async () => {
  const query = { query: `{ theme(slug: "space") { description } }` };
  await raw(query);
  const before = await raw(query);
  const updated = await send(t.app.url, `mutation { updateTheme(slug: "space", input: { description: "Rockets and probes." }) { slug } }`, undefined, token.bearer);
  assert.equal(updated.body.errors, undefined, JSON.stringify(updated.body.errors));
  const after = await raw(query);
  assert.notEqual(after.text, before.text);
  assert.match(after.text, /Rockets and probes\./);
});

test("what the full path refuses or answers with errors is never replayed", async () => {
  const bad = { query: `query($n: Int!) { themes(first: $n) { totalCount } }`, variables: { n: 500 } };
  for (let i = 0; i < 2; i++) {
    const res = await raw(bad);
    assert.match(res.text, /"errors"/, `request ${i + 1} is refused again`);
  }
  const mutation = { query: `mutation { deleteTheme(slug: "no-such-theme") }` };
  for (let i = 0; i < 2; i++) assert.match((await raw(mutation)).text, /UNAUTHENTICATED/, "writes always go through auth");
});

test("only a query's own text, name and variables make a key; persisted queries and malformed bodies have none", () => {
  assert.equal(Replays.keyOf({ query: "{ a }", extensions: { persistedQuery: { version: 1, sha256Hash: "x" } } }), undefined);
  assert.equal(Replays.keyOf({ query: "{ a }", variables: [1] }), undefined);
  assert.equal(Replays.keyOf({ query: "{ a }", operationName: 3 }), undefined);
  assert.equal(Replays.keyOf(undefined), undefined);
  assert.notEqual(Replays.keyOf({ query: "{ a }", operationName: "A" }), Replays.keyOf({ query: "{ a }" }));
  assert.equal(Replays.keyOf({ query: "{ a }", variables: null }), Replays.keyOf({ query: "{ a }" }));
});

test("over its bound the oldest request goes first, unless it was asked for again since", async () => {
  const replays = new Replays();
  const statement = Prisma.sql`SELECT 'kept' AS data`;
  const raw = () => t.app.db.raw;
  for (let i = 0; i < 1000; i++) replays.remember(`k${i}`, statement);
  assert.equal(await replays.answer("k0", raw), "kept", "k0 is asked for again");
  replays.remember("k1000", statement);
  assert.equal(replays.answer("k1", raw), undefined, "k1, the oldest not asked for again, went");
  assert.equal(await replays.answer("k0", raw), "kept", "k0 got a second chance");
  assert.equal(await replays.answer("k1000", raw), "kept");
  assert.equal(replays.answer("unknown", raw), undefined);
});
