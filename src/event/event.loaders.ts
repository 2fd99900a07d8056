import type { Event, EventEvidence, PrismaClient } from "../generated/prisma/client.ts";
import { byIdLoader, topNLoaders } from "../db/batch.ts";

/** Latest first; the id breaks ties so pages are stable. */
const latestFirst = `t."dateStart" DESC, t.id`;

export function createEventLoaders(prisma: PrismaClient) {
  return {
    byId: byIdLoader((ids) => prisma.event.findMany({ where: { id: { in: ids } } })),
    byTheme: topNLoaders<Event>(prisma, {
      from: `"Event" t JOIN "EventTheme" l ON l."eventId" = t.id`,
      parentKey: `l."themeId"`,
      orderBy: latestFirst,
    }),
    byPerson: topNLoaders<Event>(prisma, {
      from: `"Event" t JOIN "EventPerson" l ON l."eventId" = t.id`,
      parentKey: `l."personId"`,
      orderBy: latestFirst,
    }),
    byOrganization: topNLoaders<Event>(prisma, {
      from: `"Event" t JOIN "EventOrganization" l ON l."eventId" = t.id`,
      parentKey: `l."organizationId"`,
      orderBy: latestFirst,
    }),
    evidence: topNLoaders<EventEvidence>(prisma, {
      from: `"EventEvidence" t`,
      parentKey: `t."eventId"`,
      orderBy: `t."documentId", t.start, t.id`,
    }),
  };
}
