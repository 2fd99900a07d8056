/**
 * What merging two people or two organizations shares: the arguments and their checks
 * (claims/merge.ts does the merge).
 */
import { ArgsType, Field } from "type-graphql";
import { InvalidInputError, NotFoundError } from "../graphql/errors.ts";

@ArgsType()
export class MergeArgs {
  @Field(() => String, { description: "Slug of the row that stays." })
  keep!: string;

  @Field(() => String, { description: "Slug of the row merged into it, then deleted." })
  merge!: string;
}

/** Refuses merging a row with itself, before any SQL. */
export function checkMerge({ keep, merge }: MergeArgs): void {
  if (keep === merge) throw new InvalidInputError([{ field: "merge", message: `cannot merge "${keep}" with itself` }]);
}

/** Both rows, or NOT_FOUND naming the argument whose slug names nothing. */
export function bothFound<T>(kind: string, args: MergeArgs, kept: T | null, merged: T | null): [T, T] {
  if (!kept) throw new NotFoundError(`no ${kind} has slug "${args.keep}"`, "keep");
  if (!merged) throw new NotFoundError(`no ${kind} has slug "${args.merge}"`, "merge");
  return [kept, merged];
}
