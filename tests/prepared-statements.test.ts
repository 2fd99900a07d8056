/**
 * The planner's statements are prepared on PostgreSQL (db/raw.ts, src/read/execute.ts): seen in the
 * session's pg_prepared_statements, off with DB_PREPARED_STATEMENTS=false, and robust to a column
 * added under a running service (a migration during a rolling deploy). A theme's events, whose plan
 * is the same for every theme, are prepared with the slug as a parameter and run on PostgreSQL's
 * generic plan.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Prisma } from "../src/generated/prisma/client.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { skipWithoutPostgres } from "./helpers/postgres.ts";

const skip = await skipWithoutPostgres();
const THEMES = `{ themes(first: 3) { nodes { slug name } } }`;

/** Names of the statements prepared on the app's (single) pooled connection. */
async function preparedNames(t: TestApp): Promise<string[]> {
  const rows = await t.app.db.raw.$queryRaw<{ name: string }[]>(Prisma.sql`SELECT name FROM pg_prepared_statements ORDER BY name`);
  return rows.map((r) => r.name);
}

for (const prepared of [true, false]) {
  describe(`DB_PREPARED_STATEMENTS=${prepared}`, { skip }, () => {
    let t: TestApp;
    before(async () => {
      // One connection, so the session the test looks into is the one that ran the list.
      t = await startTestApp("postgresql", { env: { DB_POOL_MAX: "1", DB_PREPARED_STATEMENTS: String(prepared) } });
    });
    after(async () => t?.close());

    test(prepared ? "a first page is prepared once and reused" : "nothing is prepared", async () => {
      const first = await t.gql(THEMES);
      assert.equal(first.body.errors, undefined, JSON.stringify(first.body.errors));
      const afterOne = await preparedNames(t);
      await t.gql(THEMES);
      assert.deepEqual(await preparedNames(t), afterOne, "the same statement again prepares nothing new");
      if (prepared) assert.ok(afterOne.some((name) => name.startsWith("tg")), `prepared: ${afterOne.join(", ")}`);
      else assert.deepEqual(afterOne.filter((name) => name.startsWith("tg")), []);
    });

    test(prepared ? "a theme's events are prepared with the theme as a parameter, on one generic plan for every theme" : "a theme's events are not prepared", async () => {
      const EVENTS = `query ($slug: String!) { theme(slug: $slug) { events(first: 3) { nodes { slug people { nodes { slug } } } } } }`;
      for (let i = 0; i < 4; i++) {
        for (const slug of ["space", "basic-research"]) {
          const reply = await t.gql(EVENTS, { slug });
          assert.equal(reply.body.errors, undefined, JSON.stringify(reply.body.errors));
          assert.ok(reply.body.data.theme.events.nodes.length > 0);
        }
      }
      const rows = await t.app.db.raw.$queryRaw<{ generic: number; custom: number; types: string }[]>(Prisma.sql`
        SELECT generic_plans::int AS generic, custom_plans::int AS custom, parameter_types::text AS types
        FROM pg_prepared_statements WHERE statement LIKE '%JOIN "EventTheme" l%' AND statement LIKE '%slug = $1%' AND statement NOT LIKE '%pg_prepared_statements%'`);
      if (!prepared) return assert.deepEqual(rows, []);
      assert.equal(rows.length, 1, "one statement for both themes");
      assert.equal(rows[0]!.types, "{text}");
      assert.equal(rows[0]!.generic + rows[0]!.custom, 8);
      assert.ok(rows[0]!.generic >= 3, `PostgreSQL keeps the generic plan after five custom ones: ${JSON.stringify(rows[0])}`);
    });

    test("a list keeps answering after a column is added to its table", async () => {
      const before = await t.gql(THEMES);
      await t.app.db.prisma.$executeRawUnsafe(`ALTER TABLE "Theme" ADD COLUMN "addedLater${prepared}" text`);
      for (let i = 0; i < 3; i++) {
        const reply = await t.gql(THEMES);
        assert.equal(reply.body.errors, undefined, JSON.stringify(reply.body.errors));
        assert.deepEqual(reply.body.data, before.body.data);
      }
    });
  });
}
