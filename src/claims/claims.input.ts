/** What a curator sends to claim, deny or retract, checked before any SQL. */
import { Field, InputType } from "type-graphql";
import { ClaimProperty, ClaimSubject } from "../generated/prisma/enums.ts";
import type { Viewer } from "../auth/api-tokens.ts";
import { InputCheck } from "../graphql/input-check.ts";
import { parsePartialDate } from "../partial-date.ts";
import { LINK_TARGET } from "./claim.ts";
import { PROPERTIES_OF, type Curator, type CuratorClaim } from "./curate.ts";

@InputType({ description: "A curator's claim about an event, person, organization or theme." })
export class ClaimInput {
  @Field(() => ClaimSubject)
  subject!: ClaimSubject;

  @Field(() => String, { description: "The subject's slug." })
  slug!: string;

  @Field(() => ClaimProperty)
  property!: ClaimProperty;

  @Field(() => String, { defaultValue: "", description: "The value: text, a slug (PERSON, ORGANIZATION, THEME, AFFILIATION) or an ISO partial date (DATE: \"2023-02-21\"). With `denied`, an empty value denies every value (clears a description)." })
  value!: string;

  @Field(() => String, { nullable: true, description: "An AFFILIATION's role." })
  role?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "Deny the value instead: it is taken out of the graph whatever documents claim (an alias, a link), until a later curator claim says otherwise. Denying REFERENCE removes the subject." })
  denied!: boolean;

  @Field(() => String, { description: "Why: shown with the claim (1 to 1000 characters)." })
  reason!: string;
}

/** The curator a viewer is (mutations run only for authenticated viewers). */
export const curatorOf = (viewer: Viewer, reason: string): Curator => ({ name: viewer.authenticated ? viewer.name : "anonymous", reason });

export function checkClaimInput(input: ClaimInput, field = "input"): CuratorClaim & { reason: string } {
  const check = new InputCheck();
  const slug = check.slug(input.slug, `${field}.slug`);
  if (!PROPERTIES_OF[input.subject].includes(input.property)) {
    check.fail(`${field}.property`, `${input.property} is not a property of ${input.subject} (one of ${PROPERTIES_OF[input.subject].join(", ")})`);
  }
  let value = input.value.trim();
  const blankAllowed = input.property === "REFERENCE" || (input.denied && !LINK_TARGET[input.property]);
  if (input.property === "REFERENCE" && value) check.fail(`${field}.value`, "must be empty for REFERENCE");
  else if (!value && !blankAllowed) check.fail(`${field}.value`, "must not be blank");
  else if (value && LINK_TARGET[input.property]) value = check.slug(value, `${field}.value`);
  else if (value && input.property === "DATE" && !parsePartialDate(value)) check.fail(`${field}.value`, `must be an ISO partial date of the calendar ("2023", "2023-02" or "2023-02-21"), got ${JSON.stringify(value)}`);
  else if (value) value = check.text(value, `${field}.value`, { max: 2000 });
  const role = input.role == null ? null : check.optionalText(input.role, `${field}.role`, { max: 200 }) ?? null;
  if (role !== null && input.property !== "AFFILIATION") check.fail(`${field}.role`, "is only for AFFILIATION claims");
  const reason = check.text(input.reason, `${field}.reason`, { max: 1000 });
  check.done();
  return { subject: input.subject, slug, property: input.property, value, note: role, denied: input.denied, reason };
}
