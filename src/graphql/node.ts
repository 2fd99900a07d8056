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

export function toGlobalId(type: string, rowId: string): string {
  return Buffer.from(`${type}:${rowId}`).toString("base64url");
}

/** Splits a global id into type and row id; null when it is not one of ours. */
export function fromGlobalId(globalId: string): { type: string; rowId: string } | null {
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0 || colon === decoded.length - 1) return null;
  return { type: decoded.slice(0, colon), rowId: decoded.slice(colon + 1) };
}

/** Every Node's `id` is its row id made global with the concrete type's name. */
@Resolver(() => Node)
export class NodeIdResolver {
  @FieldResolver(() => ID)
  id(@Root() row: { id: string }, @Info() info: GraphQLResolveInfo): string {
    return toGlobalId(info.parentType.name, row.id);
  }
}
