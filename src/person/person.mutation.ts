/**
 * Merging two people who are one (a spelling the sources vary on) is a curator's word that the two
 * slugs name one person (claims/redirects.ts): every claim about the merged slug, from every
 * document, now and later, counts for the kept one, whose name is settled by the curator. Quotes
 * move to the kept person; the merged one is gone. One transaction, so a failure changes nothing.
 */
import { Args, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { Person as PersonRow } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { mergeEntities } from "../claims/merge.ts";
import { checkMerge, MergeArgs } from "../claims/merge.input.ts";
import { Person } from "./person.type.ts";

@Resolver()
export class PersonMutationResolver {
  @Authorized()
  @Mutation(() => Person, {
    description: "Merges the person `merge` into the person `keep`: events, quotes, affiliations and mentions move to `keep`, which gains the other's name and aliases as aliases and its roles; `merge` is deleted, and documents that name it later count for `keep`. Needs an API token.",
  })
  mergePeople(@Args(() => MergeArgs) args: MergeArgs, @Ctx() context: Context): Promise<PersonRow> {
    checkMerge(args);
    return mergeEntities(context, "PERSON", args) as Promise<PersonRow>;
  }
}
