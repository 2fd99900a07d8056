import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Prisma } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import type { ListSql, Ordering } from "../db/list.ts";
import { ConnectionArgs, pageRequest, rootConnection, type ConnectionValue } from "../graphql/connection.ts";
import { BadInputError } from "../graphql/errors.ts";
import { SEARCHABLE, type SearchableType } from "./search.sql.ts";
import { SearchHit, SearchHitConnection, SearchResult, SearchType } from "./search.type.ts";

interface HitRow {
  type: SearchableType;
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

/** All matches of every asked type as one ranked list; snippets are made only for the page's rows. */
function searchList(types: SearchableType[]): ListSql {
  const branches = types.map((type) => {
    const { vector, body } = SEARCHABLE[type];
    return `SELECT '${type}'::text AS type, t.id, ts_rank(${vector}, q.q)::float8 AS rank, ${body} AS body
      FROM "${type}" t, q WHERE ${vector} @@ q.q`;
  });
  return {
    from: `(${branches.join(" UNION ALL ")}) t, q`,
    select: `t.type, t.id, t.rank, ts_headline('english', t.body, q.q, '${HEADLINE}') AS snippet`,
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
  ): Promise<ConnectionValue<HitRow>> {
    const text = query.trim();
    if (!text) throw new BadInputError("query must not be empty", "query");
    if (text.length > MAX_QUERY_LENGTH) throw new BadInputError(`query must be at most ${MAX_QUERY_LENGTH} characters`, "query");
    const wanted = (types?.length ? [...new Set(types)] : Object.values(SearchType)) as SearchableType[];
    // The query text is bound once, in a CTE that every branch reads.
    const cte = Prisma.sql`WITH q AS (SELECT websearch_to_tsquery('english', ${text}) AS q)`;
    return rootConnection<HitRow>(raw, searchList(wanted), pageRequest(page, byRank, { where: Prisma.sql`TRUE`, key: text, cte }));
  }

  @FieldResolver(() => SearchResult)
  async item(@Root() hit: HitRow, @Ctx() { loaders }: Context): Promise<object> {
    const loader = {
      Event: loaders.event.byId, Quote: loaders.quote.byId, Person: loaders.person.byId,
      Organization: loaders.organization.byId, Theme: loaders.theme.byId, Document: loaders.document.byId,
    }[hit.type];
    return { ...(await loader.load(hit.id))!, __typename: hit.type };
  }
}
