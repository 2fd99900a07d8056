/**
 * What merging two people or two organizations shares: the arguments, their checks, the names the
 * kept row ends up with, and moving affiliations (person/person.mutation.ts,
 * organization/organization.mutation.ts hold the rest, each in one transaction).
 */
import { ArgsType, Field } from "type-graphql";
import type { Affiliation, Prisma } from "../generated/prisma/client.ts";
import { InvalidInputError, NotFoundError } from "./errors.ts";

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

/** The kept row's aliases plus the merged row's name and aliases (never the kept name itself). */
export function mergedAliases(kept: { name: string; aliases: string[] }, merged: { name: string; aliases: string[] }): string[] {
  return [...new Set([...kept.aliases, merged.name, ...merged.aliases])].filter((alias) => alias !== kept.name);
}

/**
 * Moves the merged row's affiliations to the kept row (`side` says which column they share). Where
 * both had one with the same partner, the kept row's role wins unless it had none.
 */
export async function moveAffiliations(tx: Prisma.TransactionClient, side: "personId" | "organizationId", fromId: string, toId: string): Promise<void> {
  const partner = (a: Affiliation) => (side === "personId" ? a.organizationId : a.personId);
  const key = (id: string, partnerId: string) =>
    side === "personId" ? { personId: id, organizationId: partnerId } : { personId: partnerId, organizationId: id };
  const [moving, staying] = await Promise.all([tx.affiliation.findMany({ where: { [side]: fromId } }), tx.affiliation.findMany({ where: { [side]: toId } })]);
  const existing = new Map(staying.map((a) => [partner(a), a]));
  for (const affiliation of moving) {
    const other = existing.get(partner(affiliation));
    if (!other) await tx.affiliation.create({ data: { ...key(toId, partner(affiliation)), role: affiliation.role } });
    else if (other.role === null && affiliation.role !== null) {
      await tx.affiliation.update({ where: { personId_organizationId: key(toId, partner(affiliation)) }, data: { role: affiliation.role } });
    }
  }
  // The merged row's own affiliations go when it is deleted (ON DELETE CASCADE).
}
