/**
 * Merging two people who are one (a spelling the sources vary on): everything that points at the
 * merged person moves to the kept one, which keeps the other's name and aliases as aliases, then the
 * merged person is deleted; all in one transaction, so a failure changes nothing.
 */
import { Args, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { Person as PersonRow } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/transaction.ts";
import { bothFound, checkMerge, MergeArgs, mergedAliases, moveAffiliations } from "../graphql/merge.ts";
import { Person } from "./person.type.ts";

@Resolver()
export class PersonMutationResolver {
  @Authorized()
  @Mutation(() => Person, {
    description: "Merges the person `merge` into the person `keep`: events, quotes, affiliations and mentions move to `keep`, which gains the other's name and aliases as aliases and its roles; `merge` is deleted. Needs an API token.",
  })
  mergePeople(@Args(() => MergeArgs) args: MergeArgs, @Ctx() { prisma }: Context): Promise<PersonRow> {
    checkMerge(args);
    return inTransaction(prisma, async (tx) => {
      const [kept, merged] = bothFound("person", args,
        await tx.person.findUnique({ where: { slug: args.keep } }),
        await tx.person.findUnique({ where: { slug: args.merge } }));
      const events = await tx.eventPerson.findMany({ where: { personId: merged.id } });
      await tx.eventPerson.createMany({ data: events.map((l) => ({ eventId: l.eventId, personId: kept.id })), skipDuplicates: true });
      await tx.quote.updateMany({ where: { speakerId: merged.id }, data: { speakerId: kept.id } });
      await tx.mention.updateMany({ where: { personId: merged.id }, data: { personId: kept.id } });
      await moveAffiliations(tx, "personId", merged.id, kept.id);
      // Its event links and affiliations, now copied, cascade away with it.
      await tx.person.delete({ where: { id: merged.id } });
      return tx.person.update({
        where: { id: kept.id },
        data: { aliases: mergedAliases(kept, merged), roles: [...new Set([...kept.roles, ...merged.roles])] },
      });
    });
  }
}
