/**
 * Several instances starting at once on a PostgreSQL server without their database (a scaled-out
 * first start): one creates it, the others find it made, and none fails. PostgreSQL reports the
 * losers of that race as 42P04 or as 23505 on pg_database's name index, depending on timing.
 */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import pg from "pg";
import { createDatabaseIfMissing } from "../src/db/create-database.ts";
import { skipWithoutPostgres } from "./helpers/postgres.ts";

const adminUrl = process.env.PG_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const skip = await skipWithoutPostgres();
const names: string[] = [];

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe("creating a missing database from several instances at once", { skip }, () => {
  after(() => admin(async (c) => { for (const n of names) await c.query(`DROP DATABASE IF EXISTS "${n}" WITH (FORCE)`); }));

  test("one creates it, the others carry on (ten rounds of four)", async () => {
    for (let round = 0; round < 10; round++) {
      const name = `tg_race_${process.pid}_${round}`;
      names.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const results = await Promise.allSettled(Array.from({ length: 4 }, () => createDatabaseIfMissing(url.toString())));
      const failures = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
      assert.deepEqual(failures, [], `round ${round}`);
      assert.equal(results.filter((r) => r.status === "fulfilled" && r.value).length, 1, `round ${round}: exactly one instance created it`);
      const exists = await admin((c) => c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]));
      assert.equal(exists.rowCount, 1);
    }
  });
});
