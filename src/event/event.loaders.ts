import type { EventEvidence } from "../generated/prisma/client.ts";
import { listedColumns, type EventRow } from "../db/rows.ts";
import type { RawQueries } from "../db/raw.ts";
import { listLoaders } from "../db/batch.ts";
import { byIdLoader } from "../db/lookup.ts";

const eventsVia = (link: string, parentKey: string) => ({
  from: `"Event" t JOIN "${link}" l ON l."eventId" = t.id`,
  parentKey: `l."${parentKey}"`,
  select: listedColumns("Event"),
});

export function createEventLoaders(raw: RawQueries) {
  return {
    byId: byIdLoader<EventRow>(raw, "Event"),
    byTheme: listLoaders<EventRow>(raw, eventsVia("EventTheme", "themeId")),
    byPerson: listLoaders<EventRow>(raw, eventsVia("EventPerson", "personId")),
    byOrganization: listLoaders<EventRow>(raw, eventsVia("EventOrganization", "organizationId")),
    evidence: listLoaders<EventEvidence>(raw, { from: `"EventEvidence" t`, parentKey: `t."eventId"` }),
  };
}
