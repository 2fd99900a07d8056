import type { Mention, PrismaClient } from "../generated/prisma/client.ts";
import type { RawQueries } from "../db/raw.ts";
import { byIdLoader, listLoaders } from "../db/batch.ts";
import type { Ordering } from "../db/list.ts";

/** Evidence and mentions read in document order. */
export const documentOrder: Ordering = {
  name: "document-order",
  columns: [
    { sql: `t."documentId"`, cast: "text", key: "documentId" },
    { sql: `t.start`, cast: "int", key: "start" },
    { sql: `t.id`, cast: "text", key: "id" },
  ],
  direction: "ASC",
};

export function createDocumentLoaders(prisma: PrismaClient, raw: RawQueries) {
  return {
    byId: byIdLoader((ids) => prisma.document.findMany({ where: { id: { in: ids } } })),
    mentionsOfPerson: listLoaders<Mention>(raw, { from: `"Mention" t`, parentKey: `t."personId"` }),
    mentionsOfOrganization: listLoaders<Mention>(raw, { from: `"Mention" t`, parentKey: `t."organizationId"` }),
  };
}
