import DataLoader from "dataloader";
import { Prisma, type PrismaClient, type Theme } from "../generated/prisma/client.ts";
import type { RawQueries } from "../db/raw.ts";
import { byIdLoader, listLoaders, memo } from "../db/batch.ts";
import { coOccurring, type WithShared } from "../db/co-occurrence.ts";
import type { ListSql } from "../db/list.ts";
import type { TimelineGranularity } from "./theme-aggregates.type.ts";

export const themesOfEvent: ListSql = { from: `"Theme" t JOIN "EventTheme" l ON l."themeId" = t.id`, parentKey: `l."eventId"` };

export type RelatedThemeRow = WithShared<Theme>;
export interface TimelineRow {
  period: string;
  count: number;
}

/** Events per period per theme; an event less precise than the granularity keeps its year. */
async function timelines(raw: RawQueries, themeIds: readonly string[], granularity: TimelineGranularity): Promise<TimelineRow[][]> {
  const rows = await raw.$queryRaw<(TimelineRow & { themeId: string })[]>(Prisma.sql`
    SELECT l."themeId",
      CASE WHEN ${granularity} = 'MONTH' AND e."datePrecision" <> 'YEAR' THEN to_char(e."dateStart", 'YYYY-MM')
           ELSE to_char(e."dateStart", 'YYYY') END AS period,
      count(*)::int AS count
    FROM "EventTheme" l JOIN "Event" e ON e.id = l."eventId"
    WHERE l."themeId" = ANY(${[...themeIds]}::text[])
    GROUP BY 1, 2 ORDER BY 1, 2`);
  return themeIds.map((id) => rows.filter((r) => r.themeId === id).map(({ period, count }) => ({ period, count })));
}

export function createThemeLoaders(prisma: PrismaClient, raw: RawQueries) {
  const timelineLoaders = new Map<TimelineGranularity, DataLoader<string, TimelineRow[]>>();

  return {
    byId: byIdLoader((ids) => prisma.theme.findMany({ where: { id: { in: ids } } })),
    byEvent: listLoaders<Theme>(raw, themesOfEvent),
    byQuote: listLoaders<Theme>(raw, { from: `"Theme" t JOIN "QuoteTheme" l ON l."themeId" = t.id`, parentKey: `l."quoteId"` }),
    related: listLoaders<RelatedThemeRow>(raw, coOccurring("EventTheme", "themeId", "Theme")),
    timeline: (granularity: TimelineGranularity): DataLoader<string, TimelineRow[]> =>
      memo(timelineLoaders, granularity, () => new DataLoader((ids) => timelines(raw, ids, granularity))),
  };
}
