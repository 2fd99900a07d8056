/** Bounded lists: every list field takes `first` (default 20, at most 100). */
import { ArgsType, Field, Int } from "type-graphql";
import { BadInputError } from "./errors.ts";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `How many items to return (0 to ${MAX_PAGE_SIZE}).` })
  first!: number;
}

/** The validated page size of `args`, or a BAD_USER_INPUT error naming `first`. */
export function pageSize(args: PageArgs): number {
  const { first } = args;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadInputError(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, "first");
  }
  return first;
}
