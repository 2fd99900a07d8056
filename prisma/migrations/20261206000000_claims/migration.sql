-- Claims: every fact is stated by a document (or a curator), and what the graph shows is derived
-- from the current claims (src/claims/derive.ts) and stored where reads want it. Existing facts are
-- attributed below to the documents that made them, so a database filled before this migration
-- keeps its graph and can remove, replace and correct documents like a new one.

-- CreateEnum
CREATE TYPE "ClaimSubject" AS ENUM ('EVENT', 'PERSON', 'ORGANIZATION', 'THEME');

-- CreateEnum
CREATE TYPE "ClaimProperty" AS ENUM ('REFERENCE', 'NAME', 'ALIAS', 'ROLE', 'DESCRIPTION', 'KEYWORD', 'TITLE', 'SUMMARY', 'DATE', 'KIND', 'PLACE', 'PERSON', 'ORGANIZATION', 'THEME', 'AFFILIATION');

-- AlterTable
ALTER TABLE "Document" ADD COLUMN "sourceHash" TEXT, ADD COLUMN "derivedFrom" TEXT;

-- AlterTable
ALTER TABLE "Quote" ADD COLUMN "utterance" TEXT;

-- CreateTable
CREATE TABLE "Claim" (
    "id" TEXT NOT NULL,
    "documentId" TEXT,
    "curator" TEXT,
    "reason" TEXT,
    "subject" "ClaimSubject" NOT NULL,
    "slug" TEXT NOT NULL,
    "property" "ClaimProperty" NOT NULL,
    "value" TEXT NOT NULL,
    "note" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "paragraph" INTEGER,
    "start" INTEGER,
    "end" INTEGER,
    "denied" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Redirect" (
    "subject" "ClaimSubject" NOT NULL,
    "slug" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "curator" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Redirect_pkey" PRIMARY KEY ("subject","slug")
);

-- CreateIndex
CREATE INDEX "Claim_subject_slug_property_idx" ON "Claim"("subject", "slug", "property");

-- CreateIndex
CREATE INDEX "Claim_documentId_idx" ON "Claim"("documentId");

-- CreateIndex
CREATE INDEX "Claim_property_value_idx" ON "Claim"("property", "value");

-- CreateIndex
CREATE INDEX "Redirect_subject_target_idx" ON "Redirect"("subject", "target");

-- CreateIndex
CREATE INDEX "Quote_utterance_idx" ON "Quote"("utterance");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: a database filled before claims has its graph but no claims. Each fact becomes a claim
-- of the document that most plausibly made it, so that deriving the graph from the claims gives back
-- exactly the stored rows, and removing or re-ingesting a document later undoes what it added.
-- (Document."sourceHash" stays NULL: re-ingesting a file once rewrites its claims under the new rules.)
--  * A document refers to an event it reports (EventEvidence) or quotes (Quote."eventId"); to a
--    person or organization it mentions or quotes (Mention, Quote."speakerId"); to a theme one of
--    its quotes has (QuoteTheme); and to whatever the link and affiliation claims below give it.
--    One REFERENCE claim per document and subject.
--  * A link of an event (EventPerson, EventOrganization, EventTheme) is claimed by the earliest
--    document that reports the event and names the target on its own (mentions or quotes the
--    person or organization, has a quote of the theme); else by the event's owner. An affiliation
--    likewise: the earliest document referring to the person that mentions the organization, else
--    the person's owner.
--  * The owner of a subject is the earliest document referring to it (by "publishedOn", then slug,
--    as derivation ranks documents), preferring those that could have described it: for an event,
--    one that reports it (a document only quoting it could not describe it); for a person or an
--    organization, one that mentions it (the previous version recorded mentions only for the people
--    and organizations a file described). The owner claims every descriptive value: name, aliases,
--    roles, description, keywords; title, summary, kind, place.
--  * An event's date: each document reporting it claims the finest date its evidence passages
--    write that agrees with the stored date ("April 24, 2020", "April 2020", "2020"), with those
--    words as the note. When no passage writes the stored date itself, the owner claims it.
--  * Subjects no document refers to (a theme made by createTheme) get the same claims from a curator:
--    documentId NULL, curator 'migration'. Their list claims are a millisecond apart, in list
--    order, because derivation orders a curator's claims by when they were made.
--  * Claims about an event carry the span of the claiming document's first evidence of it (by start).

CREATE TEMP TABLE "_claims_rank" AS
SELECT "id" AS "documentId", row_number() OVER (ORDER BY "publishedOn", "slug") AS "rank" FROM "Document";

CREATE TEMP TABLE "_claims_subject" AS
SELECT 'EVENT'::"ClaimSubject" AS "subject", "id", "slug" FROM "Event"
UNION ALL SELECT 'PERSON', "id", "slug" FROM "Person"
UNION ALL SELECT 'ORGANIZATION', "id", "slug" FROM "Organization"
UNION ALL SELECT 'THEME', "id", "slug" FROM "Theme";

-- Who refers to what (several rows per document and subject; the claims keep one).
CREATE TEMP TABLE "_claims_ref" (
    "documentId" TEXT NOT NULL,
    "subject" "ClaimSubject" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "paragraph" INTEGER,
    "start" INTEGER,
    "end" INTEGER
);

CREATE TEMP TABLE "_claims_owner" (
    "subject" "ClaimSubject" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    PRIMARY KEY ("subject", "subjectId")
);

-- The claims to make; documentId NULL for the curator's.
CREATE TEMP TABLE "_claims_new" (
    "documentId" TEXT,
    "subject" "ClaimSubject" NOT NULL,
    "slug" TEXT NOT NULL,
    "property" "ClaimProperty" NOT NULL,
    "value" TEXT NOT NULL,
    "note" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "paragraph" INTEGER,
    "start" INTEGER,
    "end" INTEGER
);

-- Events: reported (with the first passage, by start) or quoted.
INSERT INTO "_claims_ref"
SELECT DISTINCT ON (r."documentId", r."eventId") r."documentId", 'EVENT', r."eventId", r."paragraph", r."start", r."end"
FROM (
    SELECT "documentId", "eventId", "paragraph", "start", "end" FROM "EventEvidence"
    UNION ALL
    SELECT "documentId", "eventId", NULL, NULL, NULL FROM "Quote" WHERE "eventId" IS NOT NULL
) r
ORDER BY r."documentId", r."eventId", r."start" NULLS LAST, r."end";

INSERT INTO "_claims_owner"
SELECT DISTINCT ON (f."subjectId") f."subject", f."subjectId", f."documentId"
FROM "_claims_ref" f JOIN "_claims_rank" k ON k."documentId" = f."documentId"
WHERE f."subject" = 'EVENT'
ORDER BY f."subjectId", f."start" IS NULL, k."rank";

-- Who names a person, organization or theme on their own: mentions, quotes and quotes' themes.
CREATE TEMP TABLE "_claims_named" AS
SELECT "documentId", 'PERSON'::"ClaimSubject" AS "target", "personId" AS "targetId" FROM "Mention" WHERE "personId" IS NOT NULL
UNION SELECT "documentId", 'ORGANIZATION', "organizationId" FROM "Mention" WHERE "organizationId" IS NOT NULL
UNION SELECT "documentId", 'PERSON', "speakerId" FROM "Quote"
UNION SELECT q."documentId", 'THEME', t."themeId" FROM "QuoteTheme" t JOIN "Quote" q ON q."id" = t."quoteId";

ANALYZE "_claims_rank";
ANALYZE "_claims_subject";
ANALYZE "_claims_named";
ANALYZE "_claims_owner";

-- Links, each with the document that claims it (NULL: the curator, for an event no document refers to).
CREATE TEMP TABLE "_claims_link" AS
WITH "links" AS (
    SELECT "eventId", 'PERSON'::"ClaimSubject" AS "target", "personId" AS "targetId" FROM "EventPerson"
    UNION ALL SELECT "eventId", 'ORGANIZATION', "organizationId" FROM "EventOrganization"
    UNION ALL SELECT "eventId", 'THEME', "themeId" FROM "EventTheme"
), "reporter" AS (
    -- The earliest document that reports the event and names the target on its own.
    SELECT DISTINCT ON (l."eventId", l."target", l."targetId") l."eventId", l."target", l."targetId", v."documentId"
    FROM "links" l
    JOIN "EventEvidence" v ON v."eventId" = l."eventId"
    JOIN "_claims_named" n ON n."documentId" = v."documentId" AND n."target" = l."target" AND n."targetId" = l."targetId"
    JOIN "_claims_rank" k ON k."documentId" = v."documentId"
    ORDER BY l."eventId", l."target", l."targetId", k."rank"
)
SELECT l."eventId", l."target", l."targetId", coalesce(r."documentId", o."documentId") AS "documentId"
FROM "links" l
LEFT JOIN "reporter" r ON r."eventId" = l."eventId" AND r."target" = l."target" AND r."targetId" = l."targetId"
LEFT JOIN "_claims_owner" o ON o."subject" = 'EVENT' AND o."subjectId" = l."eventId";

INSERT INTO "_claims_ref" ("documentId", "subject", "subjectId")
SELECT "documentId", "target", "targetId" FROM "_claims_link" WHERE "documentId" IS NOT NULL;

-- People: mentioned, quoted, linked.
INSERT INTO "_claims_ref" ("documentId", "subject", "subjectId")
SELECT "documentId", 'PERSON'::"ClaimSubject", "personId" FROM "Mention" WHERE "personId" IS NOT NULL
UNION ALL SELECT "documentId", 'PERSON', "speakerId" FROM "Quote";

INSERT INTO "_claims_owner"
SELECT DISTINCT ON (f."subjectId") f."subject", f."subjectId", f."documentId"
FROM "_claims_ref" f JOIN "_claims_rank" k ON k."documentId" = f."documentId"
WHERE f."subject" = 'PERSON'
ORDER BY f."subjectId",
    NOT EXISTS (SELECT 1 FROM "Mention" m WHERE m."personId" = f."subjectId" AND m."documentId" = f."documentId"), k."rank";

ANALYZE "_claims_ref";
ANALYZE "_claims_owner";

-- Affiliations, each with the document that claims it (NULL: the curator).
CREATE TEMP TABLE "_claims_affiliation" AS
WITH "reporter" AS (
    -- The earliest document that refers to the person and mentions the organization.
    SELECT DISTINCT ON (a."personId", a."organizationId") a."personId", a."organizationId", f."documentId"
    FROM "Affiliation" a
    JOIN "_claims_ref" f ON f."subject" = 'PERSON' AND f."subjectId" = a."personId"
    JOIN "_claims_named" n ON n."documentId" = f."documentId" AND n."target" = 'ORGANIZATION' AND n."targetId" = a."organizationId"
    JOIN "_claims_rank" k ON k."documentId" = f."documentId"
    ORDER BY a."personId", a."organizationId", k."rank"
)
SELECT a."personId", a."organizationId", a."role", coalesce(r."documentId", o."documentId") AS "documentId"
FROM "Affiliation" a
LEFT JOIN "reporter" r ON r."personId" = a."personId" AND r."organizationId" = a."organizationId"
LEFT JOIN "_claims_owner" o ON o."subject" = 'PERSON' AND o."subjectId" = a."personId";

-- Organizations: mentioned, linked, or a member's organization.
INSERT INTO "_claims_ref" ("documentId", "subject", "subjectId")
SELECT "documentId", 'ORGANIZATION'::"ClaimSubject", "organizationId" FROM "Mention" WHERE "organizationId" IS NOT NULL
UNION ALL SELECT "documentId", 'ORGANIZATION', "organizationId" FROM "_claims_affiliation" WHERE "documentId" IS NOT NULL;

-- Themes: a quote's, or linked.
INSERT INTO "_claims_ref" ("documentId", "subject", "subjectId")
SELECT q."documentId", 'THEME', t."themeId" FROM "QuoteTheme" t JOIN "Quote" q ON q."id" = t."quoteId";

INSERT INTO "_claims_owner"
SELECT DISTINCT ON (f."subject", f."subjectId") f."subject", f."subjectId", f."documentId"
FROM "_claims_ref" f JOIN "_claims_rank" k ON k."documentId" = f."documentId"
WHERE f."subject" IN ('ORGANIZATION', 'THEME')
ORDER BY f."subject", f."subjectId",
    f."subject" = 'ORGANIZATION' AND NOT EXISTS (SELECT 1 FROM "Mention" m WHERE m."organizationId" = f."subjectId" AND m."documentId" = f."documentId"),
    k."rank";

-- REFERENCE: one per document and subject (an event's with the document's first passage, if any).
INSERT INTO "_claims_new" ("documentId", "subject", "slug", "property", "value", "paragraph", "start", "end")
SELECT DISTINCT ON (f."documentId", f."subject", f."subjectId") f."documentId", f."subject", s."slug", 'REFERENCE', '', f."paragraph", f."start", f."end"
FROM "_claims_ref" f JOIN "_claims_subject" s ON s."subject" = f."subject" AND s."id" = f."subjectId"
ORDER BY f."documentId", f."subject", f."subjectId", f."start" NULLS LAST;

-- Links and affiliations.
INSERT INTO "_claims_new" ("documentId", "subject", "slug", "property", "value", "position", "paragraph", "start", "end")
SELECT l."documentId", 'EVENT', e."slug", l."target"::text::"ClaimProperty", t."slug",
    (row_number() OVER (PARTITION BY l."documentId", l."eventId", l."target" ORDER BY t."slug") - 1)::integer,
    r."paragraph", r."start", r."end"
FROM "_claims_link" l
JOIN "Event" e ON e."id" = l."eventId"
JOIN "_claims_subject" t ON t."subject" = l."target" AND t."id" = l."targetId"
LEFT JOIN "_claims_ref" r ON r."documentId" = l."documentId" AND r."subject" = 'EVENT' AND r."subjectId" = l."eventId" AND r."start" IS NOT NULL;

INSERT INTO "_claims_new" ("documentId", "subject", "slug", "property", "value", "note", "position")
SELECT a."documentId", 'PERSON', p."slug", 'AFFILIATION', o."slug", a."role",
    (row_number() OVER (PARTITION BY a."documentId", a."personId" ORDER BY o."slug") - 1)::integer
FROM "_claims_affiliation" a
JOIN "Person" p ON p."id" = a."personId"
JOIN "Organization" o ON o."id" = a."organizationId";

-- What the owners (or the curator) say of people, organizations and themes.
CREATE TEMP TABLE "_claims_entity" AS
SELECT 'PERSON'::"ClaimSubject" AS "subject", p."slug", p."name", p."aliases", p."roles", NULL::text[] AS "keywords", NULL::text AS "description", o."documentId"
FROM "Person" p LEFT JOIN "_claims_owner" o ON o."subject" = 'PERSON' AND o."subjectId" = p."id"
UNION ALL
SELECT 'ORGANIZATION', g."slug", g."name", g."aliases", NULL, NULL, NULL, o."documentId"
FROM "Organization" g LEFT JOIN "_claims_owner" o ON o."subject" = 'ORGANIZATION' AND o."subjectId" = g."id"
UNION ALL
SELECT 'THEME', t."slug", t."name", t."aliases", NULL, t."keywords", t."description", o."documentId"
FROM "Theme" t LEFT JOIN "_claims_owner" o ON o."subject" = 'THEME' AND o."subjectId" = t."id";

INSERT INTO "_claims_new" ("documentId", "subject", "slug", "property", "value", "position")
SELECT "documentId", "subject", "slug", 'NAME'::"ClaimProperty", "name", 0 FROM "_claims_entity"
UNION ALL SELECT "documentId", "subject", "slug", 'DESCRIPTION', "description", 0 FROM "_claims_entity" WHERE "description" IS NOT NULL
UNION ALL SELECT e."documentId", e."subject", e."slug", 'ALIAS', v."value", (v."i" - 1)::integer FROM "_claims_entity" e, unnest(e."aliases") WITH ORDINALITY AS v("value", "i")
UNION ALL SELECT e."documentId", e."subject", e."slug", 'ROLE', v."value", (v."i" - 1)::integer FROM "_claims_entity" e, unnest(e."roles") WITH ORDINALITY AS v("value", "i")
UNION ALL SELECT e."documentId", e."subject", e."slug", 'KEYWORD', v."value", (v."i" - 1)::integer FROM "_claims_entity" e, unnest(e."keywords") WITH ORDINALITY AS v("value", "i");

-- What the owners (or the curator) say of events, with the owner's first passage.
INSERT INTO "_claims_new" ("documentId", "subject", "slug", "property", "value", "paragraph", "start", "end")
SELECT o."documentId", 'EVENT', e."slug", p."property", p."value", r."paragraph", r."start", r."end"
FROM "Event" e
CROSS JOIN LATERAL (VALUES ('TITLE'::"ClaimProperty", e."title"), ('SUMMARY', e."summary"), ('KIND', e."kind"), ('PLACE', e."place")) AS p("property", "value")
LEFT JOIN "_claims_owner" o ON o."subject" = 'EVENT' AND o."subjectId" = e."id"
LEFT JOIN "_claims_ref" r ON r."documentId" = o."documentId" AND r."subject" = 'EVENT' AND r."subjectId" = e."id" AND r."start" IS NOT NULL
WHERE p."value" IS NOT NULL;

-- Dates: the finest date each reporting document's passages write that agrees with the stored one.
CREATE TEMP TABLE "_claims_date" AS
WITH "event" AS (
    SELECT e."id", e."datePrecision" AS "precision",
        to_char(e."dateStart", 'YYYY') AS "y",
        to_char(e."dateStart", 'YYYY-MM') AS "ym",
        to_char(e."dateStart", 'YYYY-MM-DD') AS "ymd",
        '(?:' || to_char(e."dateStart", 'FMMonth') || '|' || to_char(e."dateStart", 'FMMon') || '\.?)' AS "month",
        to_char(e."dateStart", 'FMDD') AS "day"
    FROM "Event" e
), "passage" AS (
    SELECT v."eventId", v."documentId", substr(d."text", v."start" + 1, v."end" - v."start") AS "text"
    FROM "EventEvidence" v JOIN "Document" d ON d."id" = v."documentId"
), "written" AS (
    SELECT p."eventId", p."documentId", w."precision", w."value", (regexp_match(p."text", w."pattern", 'i'))[1] AS "words"
    FROM "passage" p JOIN "event" e ON e."id" = p."eventId"
    CROSS JOIN LATERAL (VALUES
        (3, 'DAY'::"DatePrecision", e."ymd", '\m(' || e."month" || '\s+0?' || e."day" || '(?:st|nd|rd|th)?,?\s+' || e."y"
            || '|0?' || e."day" || '(?:st|nd|rd|th)?\s+(?:of\s+)?' || e."month" || ',?\s+' || e."y" || '|' || e."ymd" || ')\M'),
        (2, 'MONTH', e."ym", '\m(' || e."month" || ',?\s+(?:of\s+)?' || e."y" || '|' || e."ym" || ')\M'),
        (1, 'YEAR', e."y", '\m(' || e."y" || ')\M')
    ) AS w("fineness", "precision", "value", "pattern")
    WHERE w."fineness" <= CASE e."precision" WHEN 'DAY' THEN 3 WHEN 'MONTH' THEN 2 ELSE 1 END
)
SELECT DISTINCT ON ("eventId", "documentId") "eventId", "documentId", "precision", "value", "words"
FROM "written" WHERE "words" IS NOT NULL
ORDER BY "eventId", "documentId", CASE "precision" WHEN 'DAY' THEN 3 WHEN 'MONTH' THEN 2 ELSE 1 END DESC;

INSERT INTO "_claims_new" ("documentId", "subject", "slug", "property", "value", "note", "paragraph", "start", "end")
WITH "event" AS (
    SELECT e."id", e."slug", o."documentId" AS "owner",
        to_char(e."dateStart", CASE e."datePrecision" WHEN 'YEAR' THEN 'YYYY' WHEN 'MONTH' THEN 'YYYY-MM' ELSE 'YYYY-MM-DD' END) AS "stored",
        EXISTS (SELECT 1 FROM "_claims_date" w WHERE w."eventId" = e."id" AND w."precision" = e."datePrecision") AS "written"
    FROM "Event" e LEFT JOIN "_claims_owner" o ON o."subject" = 'EVENT' AND o."subjectId" = e."id"
), "dated" AS (
    -- What each document writes; the owner's stands for the stored date when nobody writes it.
    SELECT e."slug", w."eventId", w."documentId",
        CASE WHEN e."written" OR w."documentId" IS DISTINCT FROM e."owner" THEN w."value" ELSE e."stored" END AS "value",
        CASE WHEN e."written" OR w."documentId" IS DISTINCT FROM e."owner" THEN w."words" END AS "note"
    FROM "_claims_date" w JOIN "event" e ON e."id" = w."eventId"
    UNION ALL
    SELECT e."slug", e."id", e."owner", e."stored", NULL
    FROM "event" e
    WHERE NOT e."written" AND NOT EXISTS (SELECT 1 FROM "_claims_date" w WHERE w."eventId" = e."id" AND w."documentId" = e."owner")
)
SELECT d."documentId", 'EVENT', d."slug", 'DATE', d."value", d."note", r."paragraph", r."start", r."end"
FROM "dated" d
LEFT JOIN "_claims_ref" r ON r."documentId" = d."documentId" AND r."subject" = 'EVENT' AND r."subjectId" = d."eventId" AND r."start" IS NOT NULL;

INSERT INTO "Claim" ("id", "documentId", "curator", "reason", "subject", "slug", "property", "value", "note", "position", "paragraph", "start", "end", "createdAt")
SELECT gen_random_uuid()::text, "documentId",
    CASE WHEN "documentId" IS NULL THEN 'migration' END,
    CASE WHEN "documentId" IS NULL THEN 'stated before claims were recorded' END,
    "subject", "slug", "property", "value", "note", "position", "paragraph", "start", "end",
    CASE WHEN "documentId" IS NULL THEN CURRENT_TIMESTAMP + "position" * INTERVAL '1 millisecond' ELSE CURRENT_TIMESTAMP END
FROM "_claims_new";

DROP TABLE "_claims_date", "_claims_entity", "_claims_affiliation", "_claims_link", "_claims_named", "_claims_new", "_claims_owner", "_claims_ref", "_claims_subject", "_claims_rank";
