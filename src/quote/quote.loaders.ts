import type { PrismaClient, Quote } from "../generated/prisma/client.ts";
import { byIdLoader, topNLoaders } from "../db/batch.ts";

/** Quotes read in document order. */
const documentOrder = `t."documentId", t.start, t.id`;

export function createQuoteLoaders(prisma: PrismaClient) {
  return {
    byId: byIdLoader((ids) => prisma.quote.findMany({ where: { id: { in: ids } } })),
    byEvent: topNLoaders<Quote>(prisma, { from: `"Quote" t`, parentKey: `t."eventId"`, orderBy: documentOrder }),
    bySpeaker: topNLoaders<Quote>(prisma, { from: `"Quote" t`, parentKey: `t."speakerId"`, orderBy: documentOrder }),
  };
}
