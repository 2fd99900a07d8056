import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, Info } from "type-graphql";
import type { Context } from "../context.ts";
import { ConnectionArgs, rootConnection, type ConnectionValue } from "../graphql/types/connection.ts";
import { SearchHit, SearchHitConnection, SearchResult, SearchType } from "./search.type.ts";
import { loaderOf } from "../graphql/types/node.resolver.ts";
import { searchPage, type HitRow } from "./search.sql.ts";

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
    const { list, request } = searchPage({ ...page, query, types });
    return rootConnection<HitRow>(raw, list, info, () => request);
  }

  @FieldResolver(() => SearchResult)
  async item(@Root() hit: HitRow, @Ctx() { loaders }: Context): Promise<object> {
    // Only the hit's own domain: reading every domain's loaders would make them all (context.ts).
    return { ...(await loaders[loaderOf[hit.type]!].byId.load(hit.id))!, __typename: hit.type };
  }
}
