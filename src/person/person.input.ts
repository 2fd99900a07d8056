import { ArgsType, Field, InputType } from "type-graphql";
import { ConnectionArgs, pageRequest, type Filter } from "../graphql/types/connection.ts";
import { byName } from "../db/orderings.ts";
import { combine, namePrefix } from "../read/filters.ts";

@InputType({ description: "Narrows a list of people or organizations." })
export class NameFilter {
  @Field(() => String, { nullable: true, description: "The name or one of the aliases starts with this (case-insensitive)." })
  namePrefix?: string | null;
}

@ArgsType()
export class NamedListArgs extends ConnectionArgs {
  @Field(() => NameFilter, { nullable: true })
  filter?: NameFilter | null;
}

export const nameFilter = (filter: NameFilter | null | undefined): Filter | undefined =>
  combine(filter?.namePrefix != null ? [["namePrefix", namePrefix(filter.namePrefix)]] : []);

/** A page of people or organizations: in name order, narrowed by the name filter. */
export const namedListRequest = (args: NamedListArgs) => pageRequest(args, byName, nameFilter(args.filter));
