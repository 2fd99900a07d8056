import type { Event, EventEvidence, PrismaClient } from "../generated/prisma/client.ts";
import { byIdLoader, listLoaders } from "../db/batch.ts";
import type { Ordering } from "../db/list.ts";

/** Evidence reads in document order. */
export const evidenceOrder: Ordering = {
  name: "evidence",
  columns: [
    { sql: `t."documentId"`, cast: "text", key: "documentId" },
    { sql: `t.start`, cast: "int", key: "start" },
    { sql: `t.id`, cast: "text", key: "id" },
  ],
  direction: "ASC",
};

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
