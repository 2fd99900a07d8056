/**
 * Who claims what: `claims` and `conflicts` on events, people, organizations and themes, and the
 * fields of a claim.
 */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { ClaimProperty, ClaimSubject } from "../generated/prisma/enums.ts";
import type { Context } from "../context.ts";
import type { DocumentRow, EventRow } from "../db/rows.ts";
import { Document } from "../document/document.type.ts";
import { Evidence, type EvidenceRow } from "../document/evidence.type.ts";
import { Event } from "../event/event.type.ts";
import { ConnectionArgs, nestedConnection, pageRequest, type ConnectionValue } from "../graphql/types/connection.ts";
import { PartialDate } from "../graphql/types/partial-date.ts";
import { Organization } from "../organization/organization.type.ts";
import { parsePartialDate, partialDate } from "../partial-date.ts";
import { Person } from "../person/person.type.ts";
import { Theme } from "../theme/theme.type.ts";
import { Claim, ClaimConflict, ClaimConnection } from "./claim.type.ts";
import { claimFilter, claimOrder, claimSubjectOrder, type ClaimRow } from "./claims.loaders.ts";

type Subject = { id: string; slug: string } & Record<string, unknown>;

const nested = (a: string, b: string) => {
  const x = parsePartialDate(a), y = parsePartialDate(b);
  return !!x && !!y && ((x.start >= y.start && x.end <= y.end) || (y.start >= x.start && y.end <= x.end));
};

/** What the subject's row shows for a property. */
function shown(row: Subject, property: ClaimProperty): string {
  if (property === "DATE") {
    const event = row as unknown as EventRow;
    return partialDate(event.dateStart, event.datePrecision).iso;
  }
  const column = { NAME: "name", TITLE: "title", SUMMARY: "summary", KIND: "kind", PLACE: "place", DESCRIPTION: "description" }[property as string];
  return String(row[column ?? ""] ?? "");
}

function claimsField(subject: ClaimSubject, row: Subject, property: ClaimProperty | null | undefined, page: ConnectionArgs, { loaders }: Context, info: GraphQLResolveInfo) {
  return nestedConnection(loaders.claims.claims[subject], row.id, info, () => pageRequest(page, claimOrder, claimFilter(null, property)));
}

async function conflictsField(subject: ClaimSubject, row: Subject, { loaders }: Context): Promise<ClaimConflict[]> {
  const rows = await loaders.claims.conflicts[subject].load(row.id);
  return rows.flatMap(({ property, values }) => {
    // Dates conflict only where neither lies within the other (2023 and 2023-02 agree).
    const disagreeing = property === "DATE" ? values.filter((v) => values.some((w) => !nested(v, w))) : values;
    return disagreeing.length > 1 ? [{ property, values: disagreeing, shown: shown(row, property) }] : [];
  });
}

const CLAIMS = { description: "Who claims what about it: every document's and curator's claim, by property. `property` keeps one kind (e.g. DATE: which reports date it to which day)." };
const CONFLICTS = { description: "Values the documents claim differently (both kept); empty when they agree." };

/** `claims` and `conflicts` on one subject type (type-graphql binds a field resolver to one type). */
function subjectClaimsResolver(type: Function, subject: ClaimSubject) {
  @Resolver(() => type)
  class SubjectClaimsResolver {
    @FieldResolver(() => ClaimConnection, CLAIMS)
    claims(@Root() row: Subject, @Arg("property", () => ClaimProperty, { nullable: true }) property: ClaimProperty | null, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<ClaimRow>> {
      return claimsField(subject, row, property, page, ctx, info);
    }

    @FieldResolver(() => [ClaimConflict], CONFLICTS)
    conflicts(@Root() row: Subject, @Ctx() ctx: Context): Promise<ClaimConflict[]> {
      return conflictsField(subject, row, ctx);
    }
  }
  return SubjectClaimsResolver;
}

export const EventClaimsResolver = subjectClaimsResolver(Event, "EVENT");
export const PersonClaimsResolver = subjectClaimsResolver(Person, "PERSON");
export const OrganizationClaimsResolver = subjectClaimsResolver(Organization, "ORGANIZATION");
export const ThemeClaimsResolver = subjectClaimsResolver(Theme, "THEME");

@Resolver(() => Document)
export class DocumentClaimsResolver {
  @FieldResolver(() => ClaimConnection, { description: "The claims the document makes (what removing or replacing it takes back), by subject, slug and property; `subject` and `property` narrow them." })
  claims(
    @Root() doc: DocumentRow,
    @Arg("subject", () => ClaimSubject, { nullable: true }) subject: ClaimSubject | null,
    @Arg("property", () => ClaimProperty, { nullable: true }) property: ClaimProperty | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<ClaimRow>> {
    return nestedConnection(loaders.claims.ofDocument, doc.id, info, () => pageRequest(page, claimSubjectOrder, claimFilter(subject, property)));
  }
}

@Resolver(() => Claim)
export class ClaimResolver {
  @FieldResolver(() => PartialDate, { nullable: true })
  date(@Root() c: ClaimRow): PartialDate | null {
    const d = c.property === "DATE" ? parsePartialDate(c.value) : null;
    return d ? partialDate(d.start, d.precision) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  written(@Root() c: ClaimRow): string | null {
    return c.property === "DATE" ? c.note : null;
  }

  @FieldResolver(() => String, { nullable: true })
  role(@Root() c: ClaimRow): string | null {
    return c.property === "AFFILIATION" ? c.note : null;
  }

  @FieldResolver(() => Document, { nullable: true })
  async document(@Root() c: ClaimRow, @Ctx() { loaders }: Context): Promise<DocumentRow | null> {
    return c.documentId ? loaders.document.withText.load(c.documentId) : null;
  }

  @FieldResolver(() => Evidence, { nullable: true })
  passage(@Root() c: ClaimRow): EvidenceRow | null {
    return c.documentId && c.start !== null && c.end !== null && c.paragraph !== null ? { documentId: c.documentId, paragraph: c.paragraph, start: c.start, end: c.end } : null;
  }
}

