/**
 * The GraphQL face of claims: who says what about an event, person, organization or theme
 * (documents, with the passage, or curators, with their reason), and where they disagree.
 */
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { ClaimProperty, ClaimSubject } from "../generated/prisma/enums.ts";
import { Document } from "../document/document.type.ts";
import { Evidence } from "../document/evidence.type.ts";
import { Connection } from "../graphql/types/connection.ts";
import { PartialDate } from "../graphql/types/partial-date.ts";

registerEnumType(ClaimProperty, {
  name: "ClaimProperty",
  description: "Which value of its subject a claim gives.",
  valuesConfig: {
    REFERENCE: { description: "Names the subject and nothing more (a `ref`, a link target, a quote's speaker)." },
    PERSON: { description: "An event's link to a person (value: the person's slug)." },
    ORGANIZATION: { description: "An event's link to an organization (value: its slug)." },
    THEME: { description: "An event's link to a theme (value: its slug)." },
    AFFILIATION: { description: "A person's membership of an organization (value: its slug; role: the role)." },
    DATE: { description: "When an event happened (value: an ISO partial date; written: the words)." },
  },
});

registerEnumType(ClaimSubject, { name: "ClaimSubject", description: "What a claim is about." });

@ObjectType({ description: "One fact as one document (or one curator) states it. What the graph shows is derived from every current claim (docs/annotation-format.md, \"Claims\")." })
export class Claim {
  @Field(() => ID, { description: "The claim's id (a curator's claim is retracted by it)." })
  id!: string;

  @Field(() => ClaimSubject)
  subject!: ClaimSubject;

  @Field(() => String, { description: "The subject's slug, as the claim writes it (a merged-away slug stays as written)." })
  slug!: string;

  @Field(() => ClaimProperty)
  property!: ClaimProperty;

  @Field(() => String, { description: "The value: a text, a slug (links), or an ISO partial date (DATE); empty for REFERENCE." })
  value!: string;

  @Field(() => PartialDate, { nullable: true, description: "A DATE claim's date." })
  date!: PartialDate | null;

  @Field(() => String, { nullable: true, description: "A DATE claim's words as the text writes them (\"on Monday\")." })
  written!: string | null;

  @Field(() => String, { nullable: true, description: "An AFFILIATION claim's role." })
  role!: string | null;

  @Field(() => Document, { nullable: true, description: "The document that claims it; null for a curator's claim." })
  document!: Document | null;

  @Field(() => Evidence, { nullable: true, description: "The passage of the document the claim rests on, when it has one." })
  passage!: Evidence | null;

  @Field(() => String, { nullable: true, description: "The curator (API token) who claims it; null for a document's claim." })
  curator!: string | null;

  @Field(() => String, { nullable: true, description: "Why the curator claims it." })
  reason!: string | null;

  @Field(() => Boolean, { description: "A curator's denial: the value is taken out of the graph whatever documents claim." })
  denied!: boolean;
}

export const ClaimConnection = Connection(Claim);

@ObjectType({ description: "Claims that disagree about one value: all are kept, and the graph shows `shown` until more claims or a curator settle it." })
export class ClaimConflict {
  @Field(() => ClaimProperty)
  property!: ClaimProperty;

  @Field(() => [String], { description: "The different values claimed (for DATE, ISO partial dates none of which lies within another)." })
  values!: string[];

  @Field(() => String, { description: "What the graph shows meanwhile (for DATE, what all the claims share)." })
  shown!: string;
}
