import type { PrismaClient } from "../generated/prisma/client.ts";
import { byIdLoader } from "../db/batch.ts";

export function createDocumentLoaders(prisma: PrismaClient) {
  return {
    byId: byIdLoader((ids) => prisma.document.findMany({ where: { id: { in: ids } } })),
  };
}
