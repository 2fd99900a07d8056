/**
 * Merging two organizations that are one (an acronym and a full name, say) is a curator's word that
 * the two slugs name one organization (claims/redirects.ts): every claim about the merged slug, now
 * and later, counts for the kept one. One transaction, so a failure changes nothing.
 */
import { Args, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { Organization as OrganizationRow } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { mergeEntities } from "../claims/merge.ts";
import { checkMerge, MergeArgs } from "../claims/merge.input.ts";
import { Organization } from "./organization.type.ts";

@Resolver()
export class OrganizationMutationResolver {
  @Authorized()
  @Mutation(() => Organization, {
    description: "Merges the organization `merge` into the organization `keep`: events, members and mentions move to `keep`, which gains the other's name and aliases as aliases; `merge` is deleted, and documents that name it later count for `keep`. Needs an API token.",
  })
  mergeOrganizations(@Args(() => MergeArgs) args: MergeArgs, @Ctx() context: Context): Promise<OrganizationRow> {
    checkMerge(args);
    return mergeEntities(context, "ORGANIZATION", args) as Promise<OrganizationRow>;
  }
}
