-- Theme.timeline reads per-theme counts kept by triggers, instead of grouping every event of the
-- theme per request (13,011 rows for the popular theme at bench scale 10).
--
-- Invariant: "ThemeTimelineBucket" holds, per (themeId, period), the number of "EventTheme" rows
-- with that themeId and period, and no row for a count of 0. Only triggers on "EventTheme" write
-- it, from the period stored on each link: in an ON DELETE CASCADE from "Event" the event row is no
-- longer visible, so a link must carry what it counted. A trigger on "Event" re-dates its links.

-- The bucket an event falls in by MONTH: 'YYYY-MM', or 'YYYY' when only its year is known (an event
-- less precise than the granularity keeps its year); by YEAR, the part before the '-'.
-- STABLE like to_char, not IMMUTABLE: PostgreSQL does not inline an IMMUTABLE SQL function whose
-- body calls a STABLE one, and the call then cost ~35 µs per link (3 s per 83k-row bulk insert).
CREATE FUNCTION theme_timeline_period(date, "DatePrecision") RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN $2 = 'YEAR' THEN to_char($1::timestamp, 'YYYY') ELSE to_char($1::timestamp, 'YYYY-MM') END $$;

-- AlterTable: nullable so that a link to a missing event still fails on its foreign key.
ALTER TABLE "EventTheme" ADD COLUMN "period" TEXT;
UPDATE "EventTheme" l SET "period" = theme_timeline_period(e."dateStart", e."datePrecision") FROM "Event" e WHERE e."id" = l."eventId";

-- CreateTable
CREATE TABLE "ThemeTimelineBucket" (
    "themeId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ThemeTimelineBucket_pkey" PRIMARY KEY ("themeId","period")
);
-- In key order, so that a theme's buckets share a few pages (the timeline reads them together).
INSERT INTO "ThemeTimelineBucket" ("themeId", "period", "count")
SELECT "themeId", "period", count(*) FROM "EventTheme" WHERE "period" IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2;

-- Adds signed counts to buckets. Keys in order, so that concurrent writers lock rows in the same
-- order; ON CONFLICT so that they add to each other's counts instead of losing one. Then drops the
-- buckets that reached 0 (rows this transaction now holds locked, so no one can refill them between).
CREATE FUNCTION theme_timeline_add(theme_ids text[], periods text[], deltas int[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "ThemeTimelineBucket" ("themeId", "period", "count")
  SELECT t, p, d FROM unnest(theme_ids, periods, deltas) AS u(t, p, d) WHERE d <> 0 ORDER BY t, p
  ON CONFLICT ("themeId", "period") DO UPDATE SET "count" = "ThemeTimelineBucket"."count" + EXCLUDED."count";
  DELETE FROM "ThemeTimelineBucket" b USING unnest(theme_ids, periods, deltas) AS u(t, p, d)
  WHERE d < 0 AND b."themeId" = u.t AND b."period" = u.p AND b."count" = 0;
$$;

-- A link takes its event's period whenever it is written (whatever the writer put there).
-- The KEY SHARE lock first (the lock its foreign key check takes anyway, only earlier): a transaction
-- re-dating the event holds FOR UPDATE (theme_timeline_event_dated), so this waits for it to commit,
-- and the read after it, a new statement with a new snapshot, sees the new date. The other way
-- round, the re-dating waits for this lock's transaction and then re-dates this link too.
CREATE FUNCTION theme_timeline_link_period() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM FROM "Event" WHERE "id" = NEW."eventId" FOR KEY SHARE;
  SELECT theme_timeline_period(e."dateStart", e."datePrecision") INTO NEW."period" FROM "Event" e WHERE e."id" = NEW."eventId";
  RETURN NEW;
END $$;
CREATE TRIGGER "EventTheme_period" BEFORE INSERT OR UPDATE ON "EventTheme" FOR EACH ROW EXECUTE FUNCTION theme_timeline_link_period();

-- Statement-level with transition tables: a bulk insert (ingest, bench:seed) is one upsert per bucket.
CREATE FUNCTION theme_timeline_links_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM theme_timeline_add(array_agg(t), array_agg(p), array_agg(n))
  FROM (SELECT "themeId" AS t, "period" AS p, count(*)::int AS n FROM added WHERE "period" IS NOT NULL GROUP BY 1, 2) d;
  -- An event inserted by the same statement (a data-modifying WITH) was not visible to the BEFORE
  -- trigger; it is now: writing the link again dates it and counts it through the UPDATE trigger.
  IF EXISTS (SELECT FROM added WHERE "period" IS NULL) THEN
    UPDATE "EventTheme" l SET "period" = NULL FROM added a
    WHERE a."period" IS NULL AND l."eventId" = a."eventId" AND l."themeId" = a."themeId";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "EventTheme_timeline_insert" AFTER INSERT ON "EventTheme" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION theme_timeline_links_added();

CREATE FUNCTION theme_timeline_links_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM theme_timeline_add(array_agg(t), array_agg(p), array_agg(n))
  FROM (SELECT "themeId" AS t, "period" AS p, -count(*)::int AS n FROM removed WHERE "period" IS NOT NULL GROUP BY 1, 2) d;
  RETURN NULL;
END $$;
CREATE TRIGGER "EventTheme_timeline_delete" AFTER DELETE ON "EventTheme" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION theme_timeline_links_removed();

-- Covers re-dated links (the Event trigger below) and moved ones (ON UPDATE CASCADE of an id).
CREATE FUNCTION theme_timeline_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM theme_timeline_add(array_agg(t), array_agg(p), array_agg(n))
  FROM (SELECT t, p, sum(n)::int AS n FROM (
          SELECT "themeId" AS t, "period" AS p, 1 AS n FROM after_update WHERE "period" IS NOT NULL
          UNION ALL
          SELECT "themeId", "period", -1 FROM before_update WHERE "period" IS NOT NULL) c
        GROUP BY 1, 2) d;
  RETURN NULL;
END $$;
CREATE TRIGGER "EventTheme_timeline_update" AFTER UPDATE ON "EventTheme" REFERENCING OLD TABLE AS before_update NEW TABLE AS after_update
  FOR EACH STATEMENT EXECUTE FUNCTION theme_timeline_links_changed();

CREATE FUNCTION theme_timeline_links_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ThemeTimelineBucket";
  RETURN NULL;
END $$;
CREATE TRIGGER "EventTheme_timeline_truncate" AFTER TRUNCATE ON "EventTheme" FOR EACH STATEMENT EXECUTE FUNCTION theme_timeline_links_truncated();

-- An event whose date moves to another period takes its links along. FOR UPDATE conflicts with the
-- KEY SHARE lock of a link being written for this event: wait for its transaction to commit (the
-- UPDATE below, a new statement, then sees the link), and make later writers wait for the new date.
CREATE FUNCTION theme_timeline_event_dated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM FROM "Event" WHERE "id" = NEW."id" FOR UPDATE;
  UPDATE "EventTheme" SET "period" = theme_timeline_period(NEW."dateStart", NEW."datePrecision") WHERE "eventId" = NEW."id";
  RETURN NULL;
END $$;
CREATE TRIGGER "Event_theme_timeline" AFTER UPDATE ON "Event" FOR EACH ROW
  WHEN (theme_timeline_period(OLD."dateStart", OLD."datePrecision") IS DISTINCT FROM theme_timeline_period(NEW."dateStart", NEW."datePrecision"))
  EXECUTE FUNCTION theme_timeline_event_dated();
