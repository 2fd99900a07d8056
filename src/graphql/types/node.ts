/**
 * Relay's Node interface. A global id is base64url("Type:rowId"), opaque to clients,
 * and `Query.node(id)` turns it back into the row through that type's loader.
 */
import { Field, FieldResolver, ID, InterfaceType, Resolver, Root, Info } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";

@InterfaceType({
  description: "An object with a globally unique id, fetchable with Query.node.",
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: "Globally unique, opaque id (use Query.node to fetch the object)." })
  id!: string;
}

export { fromGlobalId, toGlobalId } from "../../read/global-id.ts";
import { toGlobalId } from "../../read/global-id.ts";

/** Every Node's `id` is its row id made global with the concrete type's name. */
@Resolver(() => Node)
export class NodeIdResolver {
  @FieldResolver(() => ID)
  id(@Root() row: { id: string }, @Info() info: GraphQLResolveInfo): string {
    return toGlobalId(info.parentType.name, row.id);
  }
}
