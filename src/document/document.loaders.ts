import type { Mention, PrismaClient } from "../generated/prisma/client.ts";
import type { RawQueries } from "../db/raw.ts";
import { byIdLoader, listLoaders } from "../db/batch.ts";

export function createDocumentLoaders(prisma: PrismaClient, raw: RawQueries) {
  return {
    byId: byIdLoader((ids) => prisma.document.findMany({ where: { id: { in: ids } } })),
    mentionsOfPerson: listLoaders<Mention>(raw, { from: `"Mention" t`, parentKey: `t."personId"` }),
    mentionsOfOrganization: listLoaders<Mention>(raw, { from: `"Mention" t`, parentKey: `t."organizationId"` }),
  };
}
