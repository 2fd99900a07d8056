/**
 * Theme.timeline reads buckets that triggers keep (prisma/migrations/*_theme_timeline). After every
 * kind of write (ingest and re-ingest, a refined or changed date, tagging, merging, deleting events
 * and themes, bulk SQL, concurrent writers) each theme's timeline, and the bucket table itself, must
 * equal a GROUP BY over EventTheme ⋈ Event computed here, on PGlite and on PostgreSQL.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { migrate, readMigrations } from "../src/db/migrate.ts";
import { openPGlite, pgliteConnection } from "../src/db/pglite.ts";
import { projectRoot } from "../src/paths.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { skipWithoutPostgres } from "./helpers/postgres.ts";
import { BUCKETS, LINK_DATE_DRIFT, timelineGroupBy as groupBy } from "./helpers/timeline.ts";
import { send, writeToken } from "./helpers/writes.ts";

type Bucket = { period: string; count: number };
type Timelines = Record<string, { YEAR: Bucket[]; MONTH: Bucket[] }>;

const TIMELINES = `{ themes(first: 100) { nodes { slug YEAR: timeline { period count } MONTH: timeline(granularity: MONTH) { period count } } } }`;
const SEED = "2023-05-29-science-technology-innovation";
const INGEST = `mutation ($annotation: String!, $text: String!) { ingestDocument(annotation: $annotation, text: $text) { problems { path message } } }`;
const token = writeToken();

for (const backend of ["pglite", "postgresql"] as const) {
  describe(`timeline buckets stay equal to the events on ${backend}`, async () => {
    const skip = backend === "postgresql" ? await skipWithoutPostgres() : false;
    let t: TestApp;
    before(async () => {
      if (!skip) t = await startTestApp(backend, { env: token.env });
    });
    after(async () => t?.close());

    const sql = (statement: string) => t.app.db.prisma.$executeRawUnsafe(statement);
    async function as(query: string, variables?: Record<string, unknown>) {
      const res = await send(t.app.url, query, variables, token.bearer);
      assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
      return res.body.data;
    }
    async function ingest(name: string, edit = (yaml: string) => yaml) {
      const [annotation, text] = await Promise.all(["yaml", "txt"].map((ext) => readFile(path.join(projectRoot, `${name}.${ext}`), "utf8")));
      assert.deepEqual((await as(INGEST, { annotation: edit(annotation!), text })).ingestDocument.problems, []);
    }

    /** Fails on any drift; returns every theme's timelines by slug. */
    async function timelines(): Promise<Timelines> {
      const expected: Timelines = {};
      for (const g of ["YEAR", "MONTH"] as const) {
        for (const { key, period, count } of await t.app.db.prisma.$queryRawUnsafe<(Bucket & { key: string })[]>(groupBy(g, "t.slug"))) {
          ((expected[key] ??= { YEAR: [], MONTH: [] })[g]).push({ period, count });
        }
      }
      const res = await t.gql(TIMELINES);
      assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
      const actual: Timelines = Object.fromEntries(res.body.data.themes.nodes.map(({ slug, YEAR, MONTH }: any) => [slug, { YEAR, MONTH }]));
      for (const slug of Object.keys(actual)) expected[slug] ??= { YEAR: [], MONTH: [] };
      assert.deepEqual(actual, expected, "Theme.timeline = GROUP BY over the events");
      // The table itself: no bucket at 0, none left over from a deleted theme or link.
      const buckets = await t.app.db.prisma.$queryRawUnsafe(BUCKETS);
      assert.deepEqual(buckets, await t.app.db.prisma.$queryRawUnsafe(groupBy("MONTH", `l."themeId"`)), "ThemeTimelineBucket = GROUP BY");
      // The links' copy of their event's date, kept by the same triggers (a theme's events sort by it).
      assert.deepEqual(await t.app.db.prisma.$queryRawUnsafe(LINK_DATE_DRIFT), [{ n: 0 }], "EventTheme.dateStart = its event's");
      return actual;
    }

    test("the seed (ingested at start); many themes' timelines are in the planner's one statement", { skip }, async () => {
      const seeded = await timelines();
      assert.deepEqual(seeded.space!.MONTH.map((b) => b.period), ["1970-04", "2004", "2020", "2021-02", "2021-06"]);
      const slugsOnly = await t.gql(`{ themes(first: 100) { nodes { slug } } }`);
      assert.equal((await t.gql(TIMELINES)).statements, 1);
      assert.equal(slugsOnly.statements, 1);
    });

    test("a second document refines an event from 2020 to 2020-04-24: its links move bucket", { skip }, async () => {
      await ingest("tests/fixtures/2023-06-02-space-letter-follow-up");
      const { space, talent } = await timelines();
      assert.deepEqual(space!.MONTH.map((b) => b.period), ["1970-04", "2004", "2020-04", "2021-02", "2021-06"]);
      assert.ok(talent!.MONTH.some((b) => b.period === "2020-04") && !talent!.MONTH.some((b) => b.period === "2020"));
    });

    test("tagging and untagging events, twice over", { skip }, async () => {
      const tag = (op: "tagEvent" | "untagEvent", event: string, theme: string) => as(`mutation { ${op}(event: "${event}", theme: "${theme}") { slug } }`);
      for (const op of ["tagEvent", "tagEvent", "untagEvent", "untagEvent"] as const) {
        await tag(op, "2021-02-22-xi-meets-change-5-mission-representatives", "talent");
        await tag(op, "1970-04-24-orient-red-1-launch", "enterprises");
        await timelines();
      }
      await tag("untagEvent", "2004-change-program-established", "space");
      assert.ok(!(await timelines()).space!.YEAR.some((b) => b.period === "2004"), "the bucket at 0 is gone");
      await tag("tagEvent", "2004-change-program-established", "space");
      await timelines();
    });

    test("re-ingesting the seed with an event dropped, one re-dated and one re-themed; then as it was", { skip }, async () => {
      const before = await timelines();
      await ingest(`corpus/${SEED}`, (yaml) =>
        yaml
          .replace(/\n {2}- slug: 2022-08-xi-tours-siasun\n[\s\S]*?\n\n/, "\n")
          .replace('date: "In February this year"', 'date: "In 2019"')
          .replace("themes: [talent, basic-research]", "themes: [space, innovation]"));
      const edited = await timelines();
      assert.equal((await t.gql(`{ event(slug: "2022-08-xi-tours-siasun") { slug } }`)).body.data.event, null);
      assert.ok(edited.innovation!.YEAR.some((b) => b.period === "2019") && edited.space!.YEAR.some((b) => b.period === "2022"));
      assert.notDeepEqual(edited, before);
      await ingest(`corpus/${SEED}`);
      assert.deepEqual(await timelines(), before);
    });

    test("merging people and organizations", { skip }, async () => {
      await as(`mutation { mergePeople(keep: "hu-chenghuan", merge: "xi-jinping") { slug } }`);
      await as(`mutation { mergeOrganizations(keep: "ustb", merge: "siasun") { slug } }`);
      await timelines();
    });

    test("bulk SQL: many events re-dated, ids changed (ON UPDATE CASCADE), events deleted (ON DELETE CASCADE)", { skip }, async () => {
      await sql(`UPDATE "Event" SET "dateStart" = "dateStart" - 400`);
      await timelines();
      await sql(`UPDATE "Event" SET "datePrecision" = 'YEAR' WHERE "datePrecision" = 'DAY'`);
      await sql(`UPDATE "Event" SET "dateStart" = "dateStart" + 3 WHERE "datePrecision" = 'YEAR'`); // same year: nothing moves
      await timelines();
      await sql(`UPDATE "Event" SET id = id || '-moved'`);
      await sql(`UPDATE "Theme" SET id = id || '-moved'`);
      const themeId = (slug: string) => `(SELECT id FROM "Theme" WHERE slug = '${slug}')`;
      const moved = await sql(`UPDATE "EventTheme" SET "themeId" = ${themeId("innovation")} WHERE "themeId" = ${themeId("space")}
        AND "eventId" NOT IN (SELECT "eventId" FROM "EventTheme" WHERE "themeId" = ${themeId("innovation")})`);
      assert.ok(moved > 0);
      await timelines();
      assert.equal(await sql(`DELETE FROM "Event" WHERE id IN (SELECT "eventId" FROM "EventTheme" WHERE "themeId" = ${themeId("innovation")} LIMIT 3)`), 3);
      await timelines();
    });

    test("deleting a theme drops its buckets", { skip }, async () => {
      await as(`mutation { deleteTheme(slug: "talent") }`);
      assert.equal((await timelines()).talent, undefined);
    });

    test("concurrent writers on the same bucket lose no count", { skip: skip || (backend === "pglite" && "PGlite has one connection") }, async () => {
      // 20 events in one month: every tag and untag below adds to or takes from the same bucket,
      // which is created and deleted again each round (the racy moments), by up to 10 connections.
      await as(`mutation { createTheme(input: { slug: "crowd", name: "Crowd" }) { slug } }`);
      await sql(`INSERT INTO "Event" (id, slug, title, "dateStart", "dateEnd", "datePrecision", "updatedAt")
        SELECT 'crowd-' || i, 'crowd-' || i, 'Crowd', '2000-01-15', '2000-01-15', 'DAY', now() FROM generate_series(1, 20) i`);
      // What the graph shows is derived from claims (tagging derives the event again): these events' claims.
      await sql(`INSERT INTO "Claim" (id, curator, reason, subject, slug, property, value)
        SELECT 'crowd-' || i || '-' || p, 'test', 'written by SQL', 'EVENT', 'crowd-' || i, p::"ClaimProperty", CASE p WHEN 'TITLE' THEN 'Crowd' ELSE '2000-01-15' END
        FROM generate_series(1, 20) i, unnest(ARRAY['TITLE', 'DATE']) p`);
      const events = Array.from({ length: 20 }, (_, i) => `crowd-${i + 1}`);
      const all = (op: string, slugs: string[]) => Promise.all(slugs.map((e) => as(`mutation { ${op}(event: "${e}", theme: "crowd") { slug } }`)));
      for (let round = 0; round < 5; round++) {
        await Promise.all([all("tagEvent", events), all("tagEvent", events.slice(5))]);
        assert.deepEqual((await timelines()).crowd!.MONTH, [{ period: "2000-01", count: 20 }]);
        await Promise.all([all("untagEvent", events), all("untagEvent", events.slice(10))]);
        assert.deepEqual((await timelines()).crowd!.MONTH, []);
      }
      await Promise.all([all("tagEvent", events), all("untagEvent", events.slice(10)), all("tagEvent", events.slice(15))]);
      await timelines();
    });

    test("TRUNCATE empties the buckets; a bulk INSERT fills them", { skip }, async () => {
      await sql(`TRUNCATE "EventTheme"`);
      assert.deepEqual(Object.values(await timelines()).flatMap((x) => x.MONTH), []);
      await sql(`INSERT INTO "EventTheme" ("eventId", "themeId") SELECT e.id, t.id FROM "Event" e CROSS JOIN "Theme" t`);
      await timelines();
    });
  });
}

test("the migrations count the links already there and date them", async () => {
  const { pglite, close } = await openPGlite("memory://");
  try {
    const conn = pgliteConnection(pglite);
    const files = await readMigrations(path.join(projectRoot, "prisma", "migrations"));
    await migrate(conn, files.filter((f) => f.name < "20261125140000"), { lock: false });
    await conn.exec(`
      INSERT INTO "Theme" (id, slug, name, "updatedAt") VALUES ('a', 'a', 'A', now()), ('b', 'b', 'B', now());
      INSERT INTO "Event" (id, slug, title, "dateStart", "dateEnd", "datePrecision", "updatedAt") VALUES
        ('1', '1', 'E', '2020-01-01', '2020-12-31', 'YEAR', now()), ('2', '2', 'E', '2020-04-01', '2020-04-30', 'MONTH', now()),
        ('3', '3', 'E', '2020-04-24', '2020-04-24', 'DAY', now()), ('4', '4', 'E', '1999-12-31', '1999-12-31', 'DAY', now());
      INSERT INTO "EventTheme" ("eventId", "themeId") VALUES ('1', 'a'), ('2', 'a'), ('3', 'a'), ('4', 'a'), ('3', 'b');`);
    await migrate(conn, files, { lock: false });
    assert.deepEqual(await conn.query(BUCKETS), await conn.query(groupBy("MONTH", `l."themeId"`)));
    assert.deepEqual(await conn.query(`SELECT "eventId", period, "dateStart"::text FROM "EventTheme" WHERE "themeId" = 'a' ORDER BY 1`), [
      { eventId: "1", period: "2020", dateStart: "2020-01-01" }, { eventId: "2", period: "2020-04", dateStart: "2020-04-01" },
      { eventId: "3", period: "2020-04", dateStart: "2020-04-24" }, { eventId: "4", period: "1999-12", dateStart: "1999-12-31" },
    ], "the later migration copies each link's event date");
  } finally {
    await close();
  }
});
