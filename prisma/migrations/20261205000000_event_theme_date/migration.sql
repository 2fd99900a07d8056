-- A theme's events in date order come from an index on its links alone, whatever the theme's size,
-- so the statement has one plan for every theme and is prepared once per connection (db/raw.ts
-- planForAnyValues) instead of planned per request: planning was ~0.7 ms of the deep query's
-- ~2.3 ms of PostgreSQL. Without the date on the link, the best plan depends on the theme (walk all
-- events by date for a popular one, sort the few links of a rare one), and one plan for both
-- sorted 13,000 events per request for the popular theme at bench scale 10.
--
-- Invariant: "EventTheme"."dateStart" is its event's "dateStart". The triggers that keep "period"
-- (20261125140000_theme_timeline) keep it, with the same locks.

-- AlterTable: nullable like "period", so that a link to a missing event still fails on its foreign key.
ALTER TABLE "EventTheme" ADD COLUMN "dateStart" DATE;

-- A link takes its event's period and first day whenever it is written.
CREATE OR REPLACE FUNCTION theme_timeline_link_period() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM FROM "Event" WHERE "id" = NEW."eventId" FOR KEY SHARE;
  SELECT theme_timeline_period(e."dateStart", e."datePrecision"), e."dateStart" INTO NEW."period", NEW."dateStart"
  FROM "Event" e WHERE e."id" = NEW."eventId";
  RETURN NEW;
END $$;

-- An event re-dated within its period (another day of the same month) moves its links too.
DROP TRIGGER "Event_theme_timeline" ON "Event";
CREATE TRIGGER "Event_theme_timeline" AFTER UPDATE ON "Event" FOR EACH ROW
  WHEN (OLD."dateStart" IS DISTINCT FROM NEW."dateStart" OR OLD."datePrecision" IS DISTINCT FROM NEW."datePrecision")
  EXECUTE FUNCTION theme_timeline_event_dated();

-- The links already there. Their periods do not change, so their triggers (a lock and a lookup per
-- row, a zero count change per bucket) are skipped: this transaction holds the table anyway.
ALTER TABLE "EventTheme" DISABLE TRIGGER "EventTheme_period";
ALTER TABLE "EventTheme" DISABLE TRIGGER "EventTheme_timeline_update";
UPDATE "EventTheme" l SET "dateStart" = e."dateStart" FROM "Event" e WHERE e."id" = l."eventId";
ALTER TABLE "EventTheme" ENABLE TRIGGER "EventTheme_period";
ALTER TABLE "EventTheme" ENABLE TRIGGER "EventTheme_timeline_update";

-- DropIndex: the new index leads with "themeId" and serves what this one did.
DROP INDEX "EventTheme_themeId_idx";

-- CreateIndex
CREATE INDEX "EventTheme_themeId_dateStart_eventId_idx" ON "EventTheme"("themeId", "dateStart", "eventId");
