import DataLoader from "dataloader";
import { Prisma } from "../generated/prisma/client.ts";
import { listedColumns, type ThemeRow } from "../db/rows.ts";
import type { RawQueries } from "../db/raw.ts";
import { listLoaders, memo } from "../db/batch.ts";
import { byIdLoader } from "../db/lookup.ts";
import { coOccurring, type WithShared } from "../db/co-occurrence.ts";
import type { ListSql } from "../db/list.ts";
import type { TimelineGranularity } from "./theme-aggregates.type.ts";

export const allThemes: ListSql = { from: `"Theme" t`, select: listedColumns("Theme") };
export const themesOfEvent: ListSql = { from: `"Theme" t JOIN "EventTheme" l ON l."themeId" = t.id`, parentKey: `l."eventId"`, select: listedColumns("Theme") };
const themesOfQuote: ListSql = { from: `"Theme" t JOIN "QuoteTheme" l ON l."themeId" = t.id`, parentKey: `l."quoteId"`, select: listedColumns("Theme") };
const relatedThemes = coOccurring("EventTheme", "themeId", "Theme");

export type RelatedThemeRow = WithShared<ThemeRow>;
export interface TimelineRow {
  period: string;
  count: number;
}

/**
 * Events per period per theme, from the trigger-kept buckets (migration *_theme_timeline): the cost
 * follows the number of buckets, not of events. A bucket is "YYYY-MM", or "YYYY" for an event known
 * only to its year (it keeps its year by MONTH too); by YEAR the months add up into their year.
 */
async function timelines(raw: RawQueries, themeIds: readonly string[], granularity: TimelineGranularity): Promise<TimelineRow[][]> {
  const sql =
    granularity === "MONTH"
      ? Prisma.sql`SELECT "themeId", period, count FROM "ThemeTimelineBucket" WHERE "themeId" = ANY(${[...themeIds]}::text[]) ORDER BY 1, 2`
      : Prisma.sql`SELECT "themeId", split_part(period, '-', 1) AS period, sum(count)::int AS count FROM "ThemeTimelineBucket"
          WHERE "themeId" = ANY(${[...themeIds]}::text[]) GROUP BY 1, 2 ORDER BY 1, 2`;
  const byTheme = new Map<string, TimelineRow[]>(themeIds.map((id) => [id, []]));
  for (const { themeId, period, count } of await raw.$queryRaw<(TimelineRow & { themeId: string })[]>(sql)) byTheme.get(themeId)!.push({ period, count });
  return themeIds.map((id) => byTheme.get(id)!);
}

export function createThemeLoaders(raw: RawQueries) {
  const timelineLoaders = new Map<TimelineGranularity, DataLoader<string, TimelineRow[]>>();

  return {
    byId: byIdLoader<ThemeRow>(raw, "Theme"),
    byEvent: listLoaders<ThemeRow>(raw, themesOfEvent),
    byQuote: listLoaders<ThemeRow>(raw, themesOfQuote),
    related: listLoaders<RelatedThemeRow>(raw, relatedThemes),
    timeline: (granularity: TimelineGranularity): DataLoader<string, TimelineRow[]> =>
      memo(timelineLoaders, granularity, () => new DataLoader((ids) => timelines(raw, ids, granularity))),
  };
}
