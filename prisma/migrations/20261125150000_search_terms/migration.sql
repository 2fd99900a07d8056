-- A one-word search reads its best hits from an index instead of ranking every match: ranking was
-- in proportion to the matches (32,250 for "innovation" at bench scale 10, ~45 ms of PostgreSQL per
-- search), and no GIN index returns matches in rank order.
--
-- Invariant: "SearchTerm" holds one row per (search entry, lexeme of its vector), with the rank
-- ts_rank gives that entry for a query of that lexeme alone, so that the index on
-- (lexeme, rank, type, id) yields the same order as ranking every match. "SearchPassage" holds the
-- body of every entry longer than 600 characters in 500-character slices, so that a snippet reads
-- about 1,000 characters around its match instead of the whole body (a document's body is ~28 KB,
-- compressed and out of line: each use of it cost ~0.2 ms). Only the trigger on "SearchEntry"
-- writes either table.

-- The tsquery of one lexeme, quoted as tsquery input wants it (quotes and backslashes doubled).
CREATE FUNCTION tg_lexeme_query(text) RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT ('''' || replace(replace($1, '\', '\\'), '''', '''''') || '''')::tsquery $$;

-- Where a lexeme's word first appears in a text, or NULL: the lexeme (a stem, e.g. 'polici' for
-- "policy") less its last letter, as written in lower case, Capitalized or in CAPITALS. It only
-- places a snippet's window; ts_headline still decides what matches.
CREATE FUNCTION tg_first_position(body text, lexeme text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT min(nullif(v.p, 0)) FROM (SELECT left(lexeme, greatest(3, length(lexeme) - 1)) AS stem) s,
    LATERAL (VALUES (strpos(body, s.stem)), (strpos(body, initcap(s.stem))), (strpos(body, upper(s.stem)))) v(p) $$;

-- CreateTable
CREATE TABLE "SearchTerm" (
    "type" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "lexeme" TEXT NOT NULL,
    "rank" REAL NOT NULL,
    "first" INTEGER,

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("type","id","lexeme")
);

-- CreateTable
CREATE TABLE "SearchPassage" (
    "type" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "SearchPassage_pkey" PRIMARY KEY ("type","id","start")
);

-- Write an entry's terms and passages (after deleting its old ones on update or delete).
CREATE FUNCTION search_terms_of_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- A plain in-memory copy: NEW."body" is stored compressed, and each use would decompress it.
  body text;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM "SearchTerm" WHERE "type" = OLD."type" AND "id" = OLD."id";
    DELETE FROM "SearchPassage" WHERE "type" = OLD."type" AND "id" = OLD."id";
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN NULL;
  END IF;
  body := NEW."body" || '';
  INSERT INTO "SearchTerm" ("type", "id", "lexeme", "rank", "first")
  SELECT NEW."type", NEW."id", l.lexeme, ts_rank(NEW."vector", tg_lexeme_query(l.lexeme)), tg_first_position(body, l.lexeme)
  FROM unnest(NEW."vector") l;
  IF length(body) > 600 THEN
    INSERT INTO "SearchPassage" ("type", "id", "start", "text")
    SELECT NEW."type", NEW."id", s, substr(body, s, 500) FROM generate_series(1, length(body), 500) s;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "SearchEntry_terms" AFTER INSERT OR DELETE ON "SearchEntry" FOR EACH ROW EXECUTE FUNCTION search_terms_of_entry();
-- The entry triggers upsert on every write of their row; most writes change neither.
CREATE TRIGGER "SearchEntry_terms_update" AFTER UPDATE ON "SearchEntry" FOR EACH ROW
  WHEN (OLD."vector" IS DISTINCT FROM NEW."vector" OR OLD."body" IS DISTINCT FROM NEW."body") EXECUTE FUNCTION search_terms_of_entry();

INSERT INTO "SearchTerm" ("type", "id", "lexeme", "rank", "first")
SELECT e."type", e."id", l.lexeme, ts_rank(e."vector", tg_lexeme_query(l.lexeme)), tg_first_position(b.body, l.lexeme)
FROM "SearchEntry" e, LATERAL (SELECT e."body" || '' AS body OFFSET 0) b, unnest(e."vector") l;
INSERT INTO "SearchPassage" ("type", "id", "start", "text")
SELECT e."type", e."id", s, substr(e."body", s, 500) FROM "SearchEntry" e, generate_series(1, length(e."body"), 500) s WHERE length(e."body") > 600;

-- CreateIndex: a one-word search walks it backwards (best rank first), keyset cursors included.
CREATE INDEX "SearchTerm_lexeme_rank_type_id_idx" ON "SearchTerm" ("lexeme", "rank", "type", "id");
