import type { Event, EventEvidence } from "../generated/prisma/client.ts";
import type { RawQueries } from "../db/raw.ts";
import { listLoaders } from "../db/batch.ts";
import { byIdLoader } from "../db/lookup.ts";

const eventsVia = (link: string, parentKey: string) => ({
  from: `"Event" t JOIN "${link}" l ON l."eventId" = t.id`,
  parentKey: `l."${parentKey}"`,
});

export function createEventLoaders(raw: RawQueries) {
  return {
    byId: byIdLoader<Event>(raw, "Event"),
    byTheme: listLoaders<Event>(raw, eventsVia("EventTheme", "themeId")),
    byPerson: listLoaders<Event>(raw, eventsVia("EventPerson", "personId")),
    byOrganization: listLoaders<Event>(raw, eventsVia("EventOrganization", "organizationId")),
    evidence: listLoaders<EventEvidence>(raw, { from: `"EventEvidence" t`, parentKey: `t."eventId"` }),
  };
}
