/**
 * An event re-dated while another transaction links it to a theme, or unlinks it: whichever commits
 * first, the timeline buckets end up equal to a GROUP BY over the events, and every link carries its
 * event's date (PostgreSQL only: PGlite has one connection, so its writes never interleave).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { openDatabase } from "../src/db/database.ts";
import { projectRoot } from "../src/paths.ts";
import { createThrowawayDatabase, skipWithoutPostgres, type ThrowawayDatabase } from "./helpers/postgres.ts";
import { BUCKETS, LINK_DATE_DRIFT, timelineGroupBy } from "./helpers/timeline.ts";
import { waitUntil } from "./helpers/wait.ts";

const redate = (day: string, precision: string) => `UPDATE "Event" SET "dateStart" = '${day}', "datePrecision" = '${precision}' WHERE id = 'e'`;
const LINK = `INSERT INTO "EventTheme" ("eventId", "themeId") VALUES ('e', 't')`;

describe("re-dating an event while it is being linked or unlinked", async () => {
  const skip = await skipWithoutPostgres();
  let database: ThrowawayDatabase | undefined;
  let a: pg.Client, b: pg.Client;
  let aPid: number, bPid: number;
  before(async () => {
    if (skip) return;
    database = await createThrowawayDatabase();
    await (await openDatabase({ databaseUrl: database.url, dataDir: "memory://", dbPoolMax: 1, logSql: false, projectRoot })).close(); // migrates
    [a, b] = [new pg.Client(database.url), new pg.Client(database.url)];
    await Promise.all([a.connect(), b.connect()]);
    const pid = async (c: pg.Client) => (await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    [aPid, bPid] = await Promise.all([pid(a), pid(b)]);
    await a.query(`INSERT INTO "Theme" (id, slug, name, "updatedAt") VALUES ('t', 't', 'T', now());
      INSERT INTO "Event" (id, slug, title, "dateStart", "dateEnd", "datePrecision", "updatedAt") VALUES ('e', 'e', 'E', '2020-01-01', '2020-12-31', 'YEAR', now())`);
  });
  after(async () => {
    await Promise.all([a?.end(), b?.end()]);
    await database?.drop();
  });

  /** The buckets, after checking them against the events. */
  async function buckets() {
    const [have, want] = await Promise.all([a.query(BUCKETS), a.query(timelineGroupBy("MONTH", `l."themeId"`))]);
    assert.deepEqual(have.rows, want.rows, "ThemeTimelineBucket = GROUP BY");
    const drift = await a.query(LINK_DATE_DRIFT);
    assert.deepEqual(drift.rows, [{ n: 0 }], "every link carries its event's date");
    return have.rows;
  }

  /**
   * Runs `first` in a transaction on one connection, `second` on the other, then commits the first;
   * true if `second` waited for it. Until the commit, `second` either finishes or blocks on a lock
   * `first` holds, and PostgreSQL says which (pg_blocking_pids): no timing decides it.
   */
  async function interleave(first: string, second: string): Promise<boolean> {
    await a.query("BEGIN");
    await a.query(first);
    let settled = false;
    const running = b.query(second).finally(() => (settled = true));
    const waited = await waitUntil(`the second statement to finish or wait for the first's lock`, async () => {
      if (settled) return "finished";
      const { rows } = await a.query<{ blockers: number[] }>(`SELECT pg_blocking_pids($1) AS blockers`, [bPid]);
      return rows[0]!.blockers.includes(aPid) && "waiting";
    });
    await a.query("COMMIT");
    await running;
    return waited === "waiting";
  }

  test("re-dated first: the link waits for the commit and takes the new date", { skip }, async () => {
    assert.equal(await interleave(redate("2021-03-01", "MONTH"), LINK), true);
    assert.deepEqual(await buckets(), [{ key: "t", period: "2021-03", count: 1 }]);
  });

  test("linked first: the re-dating waits for the commit and moves the link", { skip }, async () => {
    await a.query(`DELETE FROM "EventTheme"`);
    assert.equal(await interleave(LINK, redate("2019-05-01", "YEAR")), true);
    assert.deepEqual(await buckets(), [{ key: "t", period: "2019", count: 1 }]);
  });

  test("re-dated first, then unlinked: the unlinking takes the moved link out of its new bucket", { skip }, async () => {
    assert.equal(await interleave(redate("2018-07-04", "DAY"), `DELETE FROM "EventTheme"`), true);
    assert.deepEqual(await buckets(), []);
  });

  test("a change that keeps the event's date does not make links wait", { skip }, async () => {
    assert.equal(await interleave(`UPDATE "Event" SET title = 'Renamed' WHERE id = 'e'`, LINK), false);
    assert.deepEqual(await buckets(), [{ key: "t", period: "2018-07", count: 1 }]);
  });

  test("re-dated to another day of its month: the link waits and takes the day, its bucket unchanged", { skip }, async () => {
    await a.query(`DELETE FROM "EventTheme"`);
    assert.equal(await interleave(`UPDATE "Event" SET "dateStart" = '2018-07-05' WHERE id = 'e'`, LINK), true);
    assert.deepEqual(await buckets(), [{ key: "t", period: "2018-07", count: 1 }]);
    assert.deepEqual((await a.query(`SELECT "dateStart"::text AS day FROM "EventTheme"`)).rows, [{ day: "2018-07-05" }]);
  });
});
