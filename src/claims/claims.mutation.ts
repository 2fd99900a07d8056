/** A curator's claims through the API: add (or deny) one, retract one. Each needs an API token. */
import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import type { Context } from "../context.ts";
import { NotFoundError, InvalidInputError } from "../graphql/errors.ts";
import { ChangeCount, DateChange } from "../document/ingest-payload.type.ts";
import type { Changes } from "./changes.ts";
import { ClaimInput, checkClaimInput, curatorOf } from "./claims.input.ts";
import { retractCuratorClaims, writeCuratorClaims } from "./curate.ts";
import { writeAtomically } from "./write.ts";

@ObjectType({ description: "What a curator's claim changed (or, in a dry run, would change)." })
export class ClaimWritePayload {
  @Field(() => ID, { nullable: true, description: "The new claim's id (retractClaim takes it); null in a dry run or for a retraction." })
  id!: string | null;

  @Field(() => [ChangeCount])
  changes!: ChangeCount[];

  @Field(() => [DateChange])
  dateChanges!: DateChange[];
}

const payload = (id: string | null, changes: Changes, dryRun: boolean): ClaimWritePayload => ({ id: dryRun ? null : id, changes: changes.list(), dateChanges: changes.dates });

@Resolver()
export class ClaimMutationResolver {
  @Authorized()
  @Mutation(() => ClaimWritePayload, {
    description: "Adds a curator's claim (or denial) with a reason, e.g. the day an event happened when reports disagree. A curator's latest claim settles a value over documents'; the graph is derived again at once. Needs an API token.",
  })
  async addClaim(
    @Arg("input", () => ClaimInput) input: ClaimInput,
    @Arg("dryRun", () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { prisma, viewer }: Context,
  ): Promise<ClaimWritePayload> {
    const { reason, ...claim } = checkClaimInput(input);
    const { result, changes } = await writeAtomically(prisma, dryRun, (tx, changes) => writeCuratorClaims(tx, [claim], curatorOf(viewer, reason), changes));
    return payload(result[0] ?? null, changes, dryRun);
  }

  @Authorized()
  @Mutation(() => ClaimWritePayload, { description: "Retracts a curator's claim by id: what the graph shows is derived again without it. Documents' claims go with their document (removeDocument, or ingest a corrected file). Needs an API token." })
  async retractClaim(@Arg("id", () => ID) id: string, @Arg("dryRun", () => Boolean, { defaultValue: false }) dryRun: boolean, @Ctx() { prisma }: Context): Promise<ClaimWritePayload> {
    if (id.length > 100) throw new InvalidInputError([{ field: "id", message: "is not a claim id" }]);
    const claim = await prisma.claim.findUnique({ where: { id }, select: { documentId: true, document: { select: { slug: true } } } });
    if (!claim) throw new NotFoundError(`no claim has id "${id}"`, "id");
    if (claim.documentId) throw new InvalidInputError([{ field: "id", message: `is a claim of document "${claim.document!.slug}": edit and ingest the document again, or remove it` }]);
    const { changes } = await writeAtomically(prisma, dryRun, (tx, changes) => retractCuratorClaims(tx, [id], changes));
    return payload(null, changes, dryRun);
  }
}
