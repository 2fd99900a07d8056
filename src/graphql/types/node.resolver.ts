import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context, Loaders } from "../../context.ts";
import { fromGlobalId, Node } from "./node.ts";

/** GraphQL type name -> the loaders that fetch it by row id. */
export const loaderOf: Record<string, Exclude<keyof Loaders, "claims">> = {
  Document: "document",
  Event: "event",
  Organization: "organization",
  Person: "person",
  Quote: "quote",
  Theme: "theme",
};

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any object by its global id; null when there is none." })
  async node(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context): Promise<object | null> {
    const parsed = fromGlobalId(id);
    const key = parsed && Object.hasOwn(loaderOf, parsed.type) ? loaderOf[parsed.type] : undefined;
    if (!parsed || !key) return null;
    const row = await loaders[key].byId.load(parsed.rowId);
    return row && { ...row, __typename: parsed.type };
  }
}
