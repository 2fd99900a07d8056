import type { PrismaClient, Theme } from "../generated/prisma/client.ts";
import { byIdLoader, topNLoaders } from "../db/batch.ts";

const byName = `t.name, t.id`;

export function createThemeLoaders(prisma: PrismaClient) {
  return {
    byId: byIdLoader((ids) => prisma.theme.findMany({ where: { id: { in: ids } } })),
    byEvent: topNLoaders<Theme>(prisma, {
      from: `"Theme" t JOIN "EventTheme" l ON l."themeId" = t.id`,
      parentKey: `l."eventId"`,
      orderBy: byName,
    }),
    byQuote: topNLoaders<Theme>(prisma, {
      from: `"Theme" t JOIN "QuoteTheme" l ON l."themeId" = t.id`,
      parentKey: `l."quoteId"`,
      orderBy: byName,
    }),
  };
}
