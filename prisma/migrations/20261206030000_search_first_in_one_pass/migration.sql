-- A long document's search terms and passages were quadratic in its size (a 1.95 MB document:
-- 35 s inside its INSERT on PostgreSQL, minutes on PGlite; a 5 MB one had held its ingest
-- transaction 166 s and failed on the 120 s timeout). Two causes, both fixed here:
-- - The 500-character passages were cut with substr(body, s, 500), which in UTF-8 walks the text
--   from its start to character s: 3,900 passages of a 1.95 MB body took 21.6 s. They are now cut
--   in one pass (250-character regexp matches, two to a passage: 0.1 s), with the same starts and texts.
-- - Where each lexeme's word first appears ("SearchTerm"."first", which places a snippet's window)
--   took three strpos scans of the whole body per lexeme (a 725 KB body: 16.7 s); it is now found
--   in one pass over the body (0.9 s).
--
-- The body is split once into the text-search parser's tokens with their character offsets; each
-- distinct word, lower-cased, gives its prefixes of 3 to 40 characters with where the word first
-- appears; a lexeme's stem (the lexeme less its last letter, at least 3 characters) is looked up
-- among them. One difference from the scans: the stem must begin a word (they also found it inside
-- one, e.g. "polic" in "geopolicy"), which places the window at least as well. Rows written before
-- this migration keep their values; ts_headline still decides what a snippet marks.

CREATE FUNCTION tg_word_starts(body text) RETURNS TABLE (prefix text, first integer) LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  WITH tokens AS (
    SELECT lower(p.token) AS word, sum(length(p.token)) OVER (ORDER BY p.ord) - length(p.token) + 1 AS pos
    FROM ts_parse('default', body) WITH ORDINALITY p(tokid, token, ord)
  ), words AS (
    SELECT word, min(pos) AS pos FROM tokens GROUP BY word
  )
  SELECT left(word, k), min(pos)::integer FROM words, generate_series(3, least(length(word), 40)) k GROUP BY 1 $$;

CREATE OR REPLACE FUNCTION search_terms_of_entry() RETURNS trigger LANGUAGE plpgsql AS $$
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
  SELECT NEW."type", NEW."id", l.lexeme, ts_rank(NEW."vector", tg_lexeme_query(l.lexeme)), w.first
  FROM unnest(NEW."vector") l LEFT JOIN tg_word_starts(body) w ON w.prefix = left(l.lexeme, greatest(3, length(l.lexeme) - 1));
  IF length(body) > 600 THEN
    INSERT INTO "SearchPassage" ("type", "id", "start", "text")
    SELECT NEW."type", NEW."id", ((m.i - 1) / 2 * 500 + 1)::integer, string_agg(m.piece[1], '' ORDER BY m.i)
    FROM regexp_matches(body, '.{1,250}', 'gs') WITH ORDINALITY m(piece, i) GROUP BY (m.i - 1) / 2;
  END IF;
  RETURN NULL;
END $$;

DROP FUNCTION tg_first_position(text, text);
