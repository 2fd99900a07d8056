import type { EventEvidence } from "../generated/prisma/client.ts";
import { listedColumns, type EventRow } from "../db/rows.ts";
import type { RawQueries } from "../db/raw.ts";
import { listLoaders } from "../db/batch.ts";
import { byIdLoader } from "../db/lookup.ts";
import type { ListSql } from "../db/list.ts";
import { sourceCountLoader } from "./event-sources.ts";

export const allEvents: ListSql = { from: `"Event" t`, select: listedColumns("Event") };

/** Events linked to a parent through `link` (EventPerson, EventOrganization, EventTheme). */
export const eventsVia = (link: string, parentKey: string): ListSql => ({
  from: `"Event" t JOIN "${link}" l ON l."eventId" = t.id`,
  parentKey: `l."${parentKey}"`,
  select: listedColumns("Event"),
});
// Lists are described once, not per request's loaders.
// A theme's links carry their event's date (kept by triggers) and an index (themeId, dateStart,
// eventId) gives them in date order: one plan for a theme of 13,000 events and for one of 3.
export const eventsOfTheme: ListSql = {
  ...eventsVia("EventTheme", "themeId"),
  sortColumns: { dateStart: `l."dateStart"`, id: `l."eventId"` },
};
const eventsOfPerson = eventsVia("EventPerson", "personId");
const eventsOfOrganization = eventsVia("EventOrganization", "organizationId");
export const evidenceOfEvent: ListSql = { from: `"EventEvidence" t`, parentKey: `t."eventId"` };

export function createEventLoaders(raw: RawQueries) {
  return {
    byId: byIdLoader<EventRow>(raw, "Event"),
    byTheme: listLoaders<EventRow>(raw, eventsOfTheme),
    byPerson: listLoaders<EventRow>(raw, eventsOfPerson),
    byOrganization: listLoaders<EventRow>(raw, eventsOfOrganization),
    evidence: listLoaders<EventEvidence>(raw, evidenceOfEvent),
    /** Documents and independent sources per event (event-sources.ts). */
    sources: sourceCountLoader(raw),
  };
}
