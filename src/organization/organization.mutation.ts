/**
 * Merging two organizations that are one (an acronym and a full name, say): events, affiliations and
 * mentions move to the kept organization, which keeps the other's name and aliases as aliases, then
 * the merged one is deleted; all in one transaction, so a failure changes nothing.
 */
import { Args, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { Organization as OrganizationRow } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/transaction.ts";
import { bothFound, checkMerge, MergeArgs, mergedAliases, moveAffiliations } from "../graphql/merge.ts";
import { Organization } from "./organization.type.ts";

@Resolver()
export class OrganizationMutationResolver {
  @Authorized()
  @Mutation(() => Organization, {
    description: "Merges the organization `merge` into the organization `keep`: events, members and mentions move to `keep`, which gains the other's name and aliases as aliases; `merge` is deleted. Needs an API token.",
  })
  mergeOrganizations(@Args(() => MergeArgs) args: MergeArgs, @Ctx() { prisma }: Context): Promise<OrganizationRow> {
    checkMerge(args);
    return inTransaction(prisma, async (tx) => {
      const [kept, merged] = bothFound("organization", args,
        await tx.organization.findUnique({ where: { slug: args.keep } }),
        await tx.organization.findUnique({ where: { slug: args.merge } }));
      const events = await tx.eventOrganization.findMany({ where: { organizationId: merged.id } });
      await tx.eventOrganization.createMany({ data: events.map((l) => ({ eventId: l.eventId, organizationId: kept.id })), skipDuplicates: true });
      await tx.mention.updateMany({ where: { organizationId: merged.id }, data: { organizationId: kept.id } });
      await moveAffiliations(tx, "organizationId", merged.id, kept.id);
      // Its event links and affiliations, now copied, cascade away with it.
      await tx.organization.delete({ where: { id: merged.id } });
      return tx.organization.update({ where: { id: kept.id }, data: { aliases: mergedAliases(kept, merged) } });
    });
  }
}
