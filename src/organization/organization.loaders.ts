import type { Affiliation } from "../generated/prisma/client.ts";
import { listedColumns, type OrganizationRow } from "../db/rows.ts";
import type { RawQueries } from "../db/raw.ts";
import { listLoaders } from "../db/batch.ts";
import { byIdLoader } from "../db/lookup.ts";
import { coOccurring, type WithShared } from "../db/co-occurrence.ts";
import type { ListSql } from "../db/list.ts";

export const allOrganizations: ListSql = { from: `"Organization" t`, select: listedColumns("Organization") };

export const organizationsOfEvent: ListSql = {
  from: `"Organization" t JOIN "EventOrganization" l ON l."organizationId" = t.id`,
  parentKey: `l."eventId"`,
  select: listedColumns("Organization"),
};

/** An affiliation row with the other side's name and id, which order the list and make its cursors. */
export type AffiliationRow = Affiliation & { name: string; id: string };

/** Affiliations of a `parentKey` row, listed by the name of the `other` side (aliased t). */
const affiliations = (other: "Organization" | "Person", otherKey: string, parentKey: string): ListSql => ({
  from: `"Affiliation" a JOIN "${other}" t ON t.id = a."${otherKey}"`,
  parentKey: `a."${parentKey}"`,
  select: `a.*, t.name, t.id`,
});
const affiliationsOfPerson = affiliations("Organization", "organizationId", "personId");
const affiliationsOfOrganization = affiliations("Person", "personId", "organizationId");
const relatedOrganizations = coOccurring("EventOrganization", "organizationId", "Organization");

export function createOrganizationLoaders(raw: RawQueries) {
  return {
    byId: byIdLoader<OrganizationRow>(raw, "Organization"),
    byEvent: listLoaders<OrganizationRow>(raw, organizationsOfEvent),
    related: listLoaders<WithShared<OrganizationRow>>(raw, relatedOrganizations),
    affiliationsByPerson: listLoaders<AffiliationRow>(raw, affiliationsOfPerson),
    affiliationsByOrganization: listLoaders<AffiliationRow>(raw, affiliationsOfOrganization),
  };
}
