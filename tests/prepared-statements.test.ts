/**
 * First pages of lists are prepared statements on PostgreSQL (db/raw.ts). A column added under a
 * running service (a migration during a rolling deploy) must not break them.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { skipWithoutPostgres } from "./helpers/postgres.ts";

const skip = await skipWithoutPostgres();
let t: TestApp;
before(async () => {
  if (!skip) t = await startTestApp("postgresql");
});
after(async () => t?.close());

const THEMES = `{ themes(first: 3) { nodes { slug name } } }`;

test("a list keeps answering after a column is added to its table", { skip }, async () => {
  const first = await t.gql(THEMES);
  assert.equal(first.body.errors, undefined, JSON.stringify(first.body.errors));
  // Several rounds, so that every pooled connection that served it has the statement prepared.
  for (let i = 0; i < 5; i++) await Promise.all([t.gql(THEMES), t.gql(THEMES), t.gql(THEMES)]);
  await t.app.db.prisma.$executeRawUnsafe(`ALTER TABLE "Theme" ADD COLUMN "addedLater" text`);
  for (let i = 0; i < 3; i++) {
    const replies = await Promise.all([t.gql(THEMES), t.gql(THEMES), t.gql(THEMES)]);
    for (const reply of replies) {
      assert.equal(reply.body.errors, undefined, JSON.stringify(reply.body.errors));
      assert.deepEqual(reply.body.data, first.body.data);
    }
  }
});
