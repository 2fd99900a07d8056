import type { Person, PrismaClient } from "../generated/prisma/client.ts";
import { byIdLoader, listLoaders } from "../db/batch.ts";
import { coOccurring, type WithShared } from "../db/co-occurrence.ts";
import type { ListSql } from "../db/list.ts";

export const peopleOfEvent: ListSql = { from: `"Person" t JOIN "EventPerson" l ON l."personId" = t.id`, parentKey: `l."eventId"` };

export function createPersonLoaders(prisma: PrismaClient) {
  return {
    byId: byIdLoader((ids) => prisma.person.findMany({ where: { id: { in: ids } } })),
    byEvent: listLoaders<Person>(prisma, peopleOfEvent),
    coSpeakers: listLoaders<WithShared<Person>>(prisma, coOccurring("Quote", "speakerId", "Person")),
  };
}
