import type { Person, PrismaClient } from "../generated/prisma/client.ts";
import { byIdLoader, topNLoaders } from "../db/batch.ts";

export function createPersonLoaders(prisma: PrismaClient) {
  return {
    byId: byIdLoader((ids) => prisma.person.findMany({ where: { id: { in: ids } } })),
    byEvent: topNLoaders<Person>(prisma, {
      from: `"Person" t JOIN "EventPerson" l ON l."personId" = t.id`,
      parentKey: `l."eventId"`,
      orderBy: `t.name, t.id`,
    }),
  };
}
