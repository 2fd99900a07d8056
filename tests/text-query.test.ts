/**
 * A statement whose answer is one text (db/text-query.ts), run on a real PostgreSQL through
 * node-postgres's pool: its value, NULL and no row, parameters as node-postgres converts them,
 * prepared names shared with ordinary queries on the same connection, and errors: a failed
 * statement rejects and its client leaves the pool, a connection the server ends is reported to
 * the statement and the pool goes on.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { queryText } from "../src/db/text-query.ts";
import { createThrowawayDatabase, skipWithoutPostgres, type ThrowawayDatabase } from "./helpers/postgres.ts";

const skip = await skipWithoutPostgres();

describe("queryText", { skip }, () => {
  let db: ThrowawayDatabase;
  let pool: pg.Pool;
  before(async () => {
    db = await createThrowawayDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 1 });
  });
  after(async () => {
    await pool?.end();
    await db?.drop();
  });

  test("gives the first column of the first row as PostgreSQL's text, null for NULL, undefined without a row", async () => {
    assert.equal(await queryText(pool, `SELECT json_build_object('a', 1, 'b', 'x')::text AS data, 2 AS other`, [], undefined), `{"a" : 1, "b" : "x"}`);
    assert.equal(await queryText(pool, `SELECT json_build_object('a', 1)`, [], undefined), `{"a" : 1}`, "a json column as its text, unparsed");
    assert.equal(await queryText(pool, `SELECT n::text FROM generate_series(7, 9) n`, [], undefined), "7");
    assert.equal(await queryText(pool, `SELECT NULL::text`, [], undefined), null);
    assert.equal(await queryText(pool, `SELECT 'x' WHERE false`, [], undefined), undefined);
  });

  test("binds parameters as node-postgres does (text, numbers, dates, arrays)", async () => {
    const text = await queryText(pool, `SELECT json_build_array($1::text, $2::int, $3::timestamptz, $4::text[])::text`,
      ["it's", 42, new Date("2024-02-29T12:00:00Z"), ["a", "b"]], undefined);
    assert.deepEqual(JSON.parse(text!), ["it's", 42, "2024-02-29T12:00:00+00:00", ["a", "b"]]);
  });

  test("a named statement is prepared once per connection, and node-postgres's own queries share the name", async () => {
    const sql = `SELECT (count(*) + $1::int)::text FROM pg_class`;
    const first = await queryText(pool, sql, [0], "tq_count");
    assert.match(first!, /^\d+$/);
    assert.equal(await queryText(pool, sql, [0], "tq_count"), first, "run again under its name");
    const viaQuery = await pool.query({ name: "tq_count", text: sql, values: [0] });
    assert.equal(Object.values(viaQuery.rows[0])[0], first, "pool.query finds it prepared and does not parse it again");
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = 'tq_count'`);
    assert.equal(rows[0].n, 1);
  });

  test("a failing statement rejects with PostgreSQL's error, and the pool answers the next one", async () => {
    await assert.rejects(queryText(pool, `SELECT 1/0`, [], undefined), (error: Error & { code?: string }) => error.code === "22012");
    await assert.rejects(queryText(pool, `SELECT * FROM no_such_table`, [], "tq_missing"), /no_such_table/);
    assert.equal(await queryText(pool, `SELECT 'after'`, [], undefined), "after");
  });

  test("a connection the server ends fails its statement, not the process, and the pool opens another", async () => {
    const pid = await queryText(pool, `SELECT pg_backend_pid()::text`, [], undefined);
    await assert.rejects(queryText(pool, `SELECT pg_terminate_backend(pg_backend_pid())::text`, [], undefined));
    const next = await queryText(pool, `SELECT pg_backend_pid()::text`, [], undefined);
    assert.notEqual(next, pid, "a new connection");
  });
});
