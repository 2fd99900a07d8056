/**
 * The catalogue of every type the planner reads, assembled once from the domains' declarations
 * (`<domain>/<domain>.read.ts`), with Query's root fields.
 */
import { documentRead, documentRoots } from "../document/document.read.ts";
import { eventRead, eventRoots, sourceCountRead } from "../event/event.read.ts";
import { affiliationRead, organizationRead, organizationRoots, relatedOrganizationRead } from "../organization/organization.read.ts";
import { coSpeakerRead, personRead, personRoots } from "../person/person.read.ts";
import { quoteRead, quoteRoots } from "../quote/quote.read.ts";
import { relatedThemeRead, themeRead, themeRoots, timelineBucketRead } from "../theme/theme.read.ts";
import { claimConflictRead, claimRead } from "../claims/claims.read.ts";
import { searchHitRead, searchRoots } from "../search/search.read.ts";
import { Catalogue, type ReadType } from "./catalogue.ts";
import { evidenceRead } from "./shared.ts";

const queryRead: ReadType = {
  name: "Query",
  fields: {
    ...themeRoots,
    ...eventRoots,
    ...personRoots,
    ...organizationRoots,
    ...quoteRoots,
    ...documentRoots,
    ...searchRoots,
    node: { kind: "node" },
  },
};

export const catalogue = new Catalogue([
  queryRead,
  themeRead,
  relatedThemeRead,
  timelineBucketRead,
  eventRead,
  sourceCountRead,
  personRead,
  coSpeakerRead,
  organizationRead,
  affiliationRead,
  relatedOrganizationRead,
  quoteRead,
  documentRead,
  evidenceRead,
  searchHitRead,
  claimRead,
  claimConflictRead,
]);
