import type { Event, EventEvidence, PrismaClient } from "../generated/prisma/client.ts";
import { byIdLoader, listLoaders } from "../db/batch.ts";

const eventsVia = (link: string, parentKey: string) => ({
  from: `"Event" t JOIN "${link}" l ON l."eventId" = t.id`,
  parentKey: `l."${parentKey}"`,
});

export function createEventLoaders(prisma: PrismaClient) {
  return {
    byId: byIdLoader((ids) => prisma.event.findMany({ where: { id: { in: ids } } })),
    byTheme: listLoaders<Event>(prisma, eventsVia("EventTheme", "themeId")),
    byPerson: listLoaders<Event>(prisma, eventsVia("EventPerson", "personId")),
    byOrganization: listLoaders<Event>(prisma, eventsVia("EventOrganization", "organizationId")),
    evidence: listLoaders<EventEvidence>(prisma, { from: `"EventEvidence" t`, parentKey: `t."eventId"` }),
  };
}
