/** How the planner reads organizations and affiliations (src/read/catalogue.ts). */
import type { Organization } from "../generated/prisma/client.ts";
import { byName } from "../db/orderings.ts";
import { pageRequest } from "../graphql/types/connection.ts";
import { byKey, column, connection, one, tableType, type ReadType } from "../read/catalogue.ts";
import { claimsAbout, conflictsOf } from "../claims/claims.read.ts";
import { bySlug, mentionsOf, sharingEvents, withSharedEvents } from "../read/shared.ts";
import { eventsOf } from "../event/event.read.ts";
import { quotesOf } from "../quote/quote.read.ts";
import { namedListRequest, type NamedListArgs } from "../person/person.input.ts";

/**
 * Affiliations of a `parentKey` row, listed by the name of the `other` side (aliased t): a person's
 * organizations, an organization's people.
 */
export const affiliationsOf = (other: "Organization" | "Person", otherKey: string, parentKey: string) =>
  connection("Affiliation", { from: `"Affiliation" a JOIN "${other}" t ON t.id = a."${otherKey}"`, parentKey: `a."${parentKey}"`, select: `a.*, t.name, t.id` },
    (args) => pageRequest(args, byName));

export const organizationRead: ReadType = tableType<Organization>("Organization", "Organization", ["slug", "name", "aliases"], {
  events: eventsOf("EventOrganization", "organizationId"),
  quotes: quotesOf(`t."speakerOrganizationId"`),
  people: affiliationsOf("Person", "personId", "organizationId"),
  mentions: mentionsOf("organizationId"),
  relatedOrganizations: sharingEvents("RelatedOrganization", "EventOrganization", "organizationId", "Organization"),
  claims: claimsAbout("ORGANIZATION"),
  conflicts: conflictsOf("ORGANIZATION", ["NAME"]),
});

export const affiliationRead: ReadType = {
  name: "Affiliation",
  fields: {
    role: column<{ role: string }>("role"),
    person: byKey("Person", "personId"),
    organization: byKey("Organization", "organizationId"),
  },
};

/** An organization in the same events: the co-occurrence row holds its columns. */
export const relatedOrganizationRead = withSharedEvents("RelatedOrganization", "organization", () => organizationRead);

/** Query's organization fields. */
export const organizationRoots = {
  organization: one("Organization", bySlug),
  organizations: connection("Organization", { from: `"Organization" t` }, (args: NamedListArgs) => namedListRequest(args)),
};
