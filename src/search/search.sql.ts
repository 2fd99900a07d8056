/** Full-text search as SQL: the matches of a query, ranked, with snippets (one definition for the resolver and the planner). */
import { Prisma } from "../generated/prisma/client.ts";
import type { ListSql, Ordering } from "../db/list.ts";
import { pageRequest, type ConnectionArgs } from "../graphql/types/connection.ts";
import { BadInputError } from "../graphql/errors.ts";
import { SearchType } from "./search.type.ts";
import type { PageRequest } from "../db/list.ts";

export interface HitRow {
  type: SearchType;
  id: string;
  rank: number;
  snippet: string;
}

const byRank: Ordering = {
  name: "search-rank",
  columns: [
    { sql: `t.rank`, cast: "real", key: "rank" },
    { sql: `t.type`, cast: "text", key: "type" },
    { sql: `t.id`, cast: "text", key: "id" },
  ],
  direction: "DESC",
};

const MAX_QUERY_LENGTH = 200;
const HEADLINE = "MaxFragments=1, MaxWords=24, MinWords=8, StartSel=<mark>, StopSel=</mark>";
/** Passages are 500-character slices of long bodies (prisma/migrations/*_search_terms). */
const PASSAGE = 500;
/** How far before the first match a snippet's window starts. */
const LEAD = 120;
/** Without a match placed in a long body (a stem that is no prefix of its words), the text's first part. */
const FALLBACK_CHARS = 8000;

/**
 * A query that is one word of letters or digits is one lexeme (or none, a stop word): its hits are
 * read from SearchTerm in rank order, whatever their number. PostgreSQL still decides the lexeme:
 * `lexeme` is NULL unless the parsed query is a single plain lexeme (the `'$` test excludes
 * 'word':* and 'word':A, which websearch_to_tsquery never writes and tsvector input would refuse).
 * `lexemes` are the query's words as the index has them, to place snippets.
 */
const ONE_WORD = /^[\p{L}\p{N}]+$/u;

/** A name and its number, as outlets write them: "Chang'e-5" or "Chang'e 5", "Shenzhou-12" or "Shenzhou 12". */
const NAME_NUMBER = /(\p{L})([- ])(\d)/gu;

/**
 * The query as written and, when it has a name with a number, as other outlets write that name:
 * PostgreSQL's parser reads "-5" as a negative number, so "Chang'e-5" and "Chang'e 5" have no
 * lexeme in common unless the query asks for both spellings.
 */
export function spellingsOf(text: string): string[] {
  const other = text.replace(NAME_NUMBER, (_, letter: string, joint: string, digit: string) => `${letter}${joint === "-" ? " " : "-"}${digit}`);
  return other === text ? [text] : [text, other];
}

const queryCte = (text: string) => {
  const [written, other] = spellingsOf(text);
  const query = other === undefined
    ? Prisma.sql`websearch_to_tsquery('english', ${written})`
    : Prisma.sql`(websearch_to_tsquery('english', ${written}) || websearch_to_tsquery('english', ${other}))`;
  const words = other === undefined ? written! : `${written} ${other}`;
  return Prisma.sql`WITH q AS (SELECT w.q, tsvector_to_array(to_tsvector('english', ${words})) AS lexemes,
    CASE WHEN numnode(w.q) = 1 AND w.q::text ~ '''$' THEN (SELECT l.lexeme FROM unnest(w.q::text::tsvector) l) END AS lexeme
  FROM (SELECT ${query} AS q) w)`;
};

/** Characters of text a snippet is cut from. */
const WINDOW = 600;

/**
 * Where a hit's snippet comes from: in a long body, the window that starts LEAD characters before
 * the first of the query's words (SearchTerm.first, `at`), cut from the two passages around it;
 * else the body itself (short bodies have no passages) or its first part. ts_headline costs in
 * proportion to the text it reads (~0.15 ms per 1,000 characters), and a document's body is ~28 KB.
 */
const snippetSource = (first: string) => `coalesce((SELECT substr(string_agg(p.text, '' ORDER BY p.start), greatest(min(f.at), 1) - min(p.start) + 1, ${WINDOW})
  FROM (SELECT ${first} - ${LEAD} AS at) f, "SearchPassage" p
  WHERE p.type = b.type AND p.id = b.id AND p.start > f.at - ${PASSAGE} AND p.start <= f.at + ${PASSAGE}), left(b.body, ${FALLBACK_CHARS}))`;

/**
 * The window holds the first word of the query, not always a match of the whole query (a phrase
 * may come later): without a mark in it, the snippet comes from the text's first part. OFFSET 0
 * keeps the headline computed once (a flattened subquery would repeat it in both branches).
 */
const snippet = (first: string) => `(SELECT CASE WHEN strpos(w.h, '<mark>') > 0 THEN w.h
    ELSE ts_headline('english', left(b.body, ${FALLBACK_CHARS}), q.q, '${HEADLINE}') END
  FROM "SearchEntry" b, q, LATERAL (SELECT ts_headline('english', ${snippetSource(first)}, q.q, '${HEADLINE}') AS h OFFSET 0) w
  WHERE b.type = t.type AND b.id = t.id)`;

/** A hit's first position of any of the query's words (one index probe per word). */
const FIRST_OF_WORDS = `(SELECT min(st.first) FROM unnest(q.lexemes) l JOIN "SearchTerm" st ON st.type = t.type AND st.id = t.id AND st.lexeme = l)`;

/**
 * The matches of a query with their rank. One lexeme: its SearchTerm rows, which an index holds in
 * rank order (no CTE in this FROM: a join with it would lose that order). Otherwise every match is
 * ranked on the stored vectors (SearchEntry, kept by triggers). Text is read only for the page's rows.
 */
function searchList(types: SearchType[], oneWord: boolean): ListSql {
  const wanted = types.map((t) => `'${t}'`).join(", ");
  return oneWord
    ? { from: `(SELECT s.type, s.id, s.rank, s.first FROM "SearchTerm" s WHERE s.lexeme = (SELECT lexeme FROM q) AND s.type IN (${wanted})) t`, select: ONE_WORD_SELECT }
    : { from: `(SELECT e.type, e.id, ts_rank(e.vector, q.q) AS rank FROM "SearchEntry" e, q WHERE e.vector @@ q.q AND e.type IN (${wanted})) t`, select: RANKED_SELECT };
}
const ONE_WORD_SELECT = `t.type, t.id, t.rank::float8 AS rank, ${snippet("t.first")} AS snippet`;
const RANKED_SELECT = `t.type, t.id, t.rank::float8 AS rank, ${snippet(FIRST_OF_WORDS)} AS snippet`;

export interface SearchArgs extends ConnectionArgs {
  query: string;
  types?: SearchType[] | null;
}

/** The list and page a search's arguments ask for; a bad query is a BAD_USER_INPUT error naming it. */
export function searchPage(args: SearchArgs): { list: ListSql; request: PageRequest } {
  const text = args.query.trim();
  if (!text) throw new BadInputError("query must not be empty", "query");
  if (text.length > MAX_QUERY_LENGTH) throw new BadInputError(`query must be at most ${MAX_QUERY_LENGTH} characters`, "query");
  // Enum values only: safe to inline into the statement.
  const wanted = args.types?.length ? [...new Set(args.types)] : Object.values(SearchType);
  // The query text is bound in a CTE that every part of the statement reads.
  return { list: searchList(wanted, ONE_WORD.test(text)), request: pageRequest(args, byRank, { cte: queryCte(text) }) };
}
