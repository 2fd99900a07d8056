import type { Person, PrismaClient } from "../generated/prisma/client.ts";
import { byIdLoader, listLoaders } from "../db/batch.ts";
import { coOccurring, type WithShared } from "../db/co-occurrence.ts";

export function createPersonLoaders(prisma: PrismaClient) {
  return {
    byId: byIdLoader((ids) => prisma.person.findMany({ where: { id: { in: ids } } })),
    byEvent: listLoaders<Person>(prisma, { from: `"Person" t JOIN "EventPerson" l ON l."personId" = t.id`, parentKey: `l."eventId"` }),
    coSpeakers: listLoaders<WithShared<Person>>(prisma, coOccurring("Quote", "speakerId", "Person")),
  };
}
