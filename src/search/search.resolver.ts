import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, Info } from "type-graphql";
import { Prisma } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import type { ListSql, Ordering } from "../db/list.ts";
import { ConnectionArgs, pageRequest, rootConnection, type ConnectionValue } from "../graphql/connection.ts";
import { BadInputError } from "../graphql/errors.ts";
import { SearchHit, SearchHitConnection, SearchResult, SearchType } from "./search.type.ts";
import { loaderOf } from "../graphql/node.resolver.ts";

interface HitRow {
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
/** Characters of text a snippet is cut from, and how far before the first match the cut starts. */
const WINDOW = 600;
const LEAD = 120;
/** Without a match in the window (or none found by prefix: a stem that is no prefix of its words), the text's first part. */
const FALLBACK_CHARS = 8000;

/**
 * Where in `b.body` a word of the query first appears: each lexeme of the query (a stem, e.g.
 * 'polici' for "policy") less its last letter, as written in lower case, Capitalized or in
 * CAPITALS. It only places the snippet's window; ts_headline still decides what matches (a word
 * written only in mIxEd case is not found here, and the snippet falls back to the text's start).
 * Three plain searches rather than one in `lower(b.body)`: lower-casing a 28 KB document took
 * about a third of each hit's snippet time.
 */
const FIRST_MATCH = `(SELECT min(nullif(v.p, 0)) FROM regexp_matches(q.q::text, '''([^'']+)''', 'g') m,
  LATERAL (SELECT left(m[1], greatest(3, length(m[1]) - 1)) AS stem) s,
  LATERAL (VALUES (strpos(b.body, s.stem)), (strpos(b.body, initcap(s.stem))), (strpos(b.body, upper(s.stem)))) v(p))`;

/**
 * Matches ranked on the stored vectors (SearchEntry, kept by triggers); the text is read back only
 * for the page's rows: carrying every match's text through the sort detoasted every long document.
 * ts_headline costs in proportion to the text it reads, so it reads a window around the first match.
 */
function searchList(types: SearchType[]): ListSql {
  const wanted = types.map((t) => `'${t}'`).join(", ");
  const source = `CASE WHEN length(b.body) <= ${WINDOW} THEN b.body
    ELSE coalesce(substr(b.body, greatest(1, ${FIRST_MATCH} - ${LEAD}), ${WINDOW}), left(b.body, ${FALLBACK_CHARS})) END`;
  return {
    from: `(SELECT e.type, e.id, ts_rank(e.vector, q.q)::float8 AS rank
      FROM "SearchEntry" e, q WHERE e.vector @@ q.q AND e.type IN (${wanted})) t, q`,
    // The window holds the first word of the query, not always a match of the whole query (a phrase
    // may come later): without a mark in it, the snippet comes from the text's first part. OFFSET 0
    // keeps the headline computed once (a flattened subquery would repeat it in both branches).
    select: `t.type, t.id, t.rank, (SELECT CASE WHEN strpos(w.h, '<mark>') > 0 THEN w.h
        ELSE ts_headline('english', left(b.body, ${FALLBACK_CHARS}), q.q, '${HEADLINE}') END
      FROM "SearchEntry" b, LATERAL (SELECT ts_headline('english', ${source}, q.q, '${HEADLINE}') AS h OFFSET 0) w
      WHERE b.type = t.type AND b.id = t.id) AS snippet`,
  };
}

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => SearchHitConnection, { description: "Full-text search (web-search syntax: words, \"phrases\", or, -not), best first." })
  async search(
    @Arg("query", () => String) query: string,
    @Arg("types", () => [SearchType], { nullable: true, description: "Only these kinds of objects." }) types: SearchType[] | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() { raw }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<HitRow>> {
    const text = query.trim();
    if (!text) throw new BadInputError("query must not be empty", "query");
    if (text.length > MAX_QUERY_LENGTH) throw new BadInputError(`query must be at most ${MAX_QUERY_LENGTH} characters`, "query");
    // Enum values only: safe to inline into the statement.
    const wanted = types?.length ? [...new Set(types)] : Object.values(SearchType);
    // The query text is bound once, in a CTE that every branch reads.
    const cte = Prisma.sql`WITH q AS (SELECT websearch_to_tsquery('english', ${text}) AS q)`;
    return rootConnection<HitRow>(raw, searchList(wanted), info, () => pageRequest(page, byRank, { cte }));
  }

  @FieldResolver(() => SearchResult)
  async item(@Root() hit: HitRow, @Ctx() { loaders }: Context): Promise<object> {
    // Only the hit's own domain: reading every domain's loaders would make them all (context.ts).
    return { ...(await loaders[loaderOf[hit.type]!].byId.load(hit.id))!, __typename: hit.type };
  }
}
