import DataLoader from "dataloader";
import { Prisma } from "../generated/prisma/client.ts";
import { listedColumns, type ThemeRow } from "../db/rows.ts";
import type { RawQueries } from "../db/raw.ts";
import { listLoaders, memo } from "../db/batch.ts";
import { byIdLoader } from "../db/lookup.ts";
import { coOccurring, type WithShared } from "../db/co-occurrence.ts";
import type { ListSql } from "../db/list.ts";
import type { TimelineCount, TimelineGranularity } from "./theme-aggregates.type.ts";

export const allThemes: ListSql = { from: `"Theme" t`, select: listedColumns("Theme") };
export const themesOfEvent: ListSql = { from: `"Theme" t JOIN "EventTheme" l ON l."themeId" = t.id`, parentKey: `l."eventId"`, select: listedColumns("Theme") };
const themesOfQuote: ListSql = { from: `"Theme" t JOIN "QuoteTheme" l ON l."themeId" = t.id`, parentKey: `l."quoteId"`, select: listedColumns("Theme") };
const relatedThemes = coOccurring("EventTheme", "themeId", "Theme");

export type RelatedThemeRow = WithShared<ThemeRow>;
export interface TimelineRow {
  period: string;
  count: number;
  precision: "YEAR" | "MONTH";
  start: string;
}

/**
 * A timeline's buckets from per-theme (themeId, period, count) rows, with each bucket's precision
 * and first day: one definition for the loader and the planner (theme.read.ts).
 */
export const timelineBuckets = (counts: Prisma.Sql) => Prisma.sql`SELECT b."themeId", b.period, b.count,
  CASE WHEN length(b.period) = 4 THEN 'YEAR' ELSE 'MONTH' END AS precision,
  b.period || CASE WHEN length(b.period) = 4 THEN '-01-01' ELSE '-01' END AS start FROM (${counts}) b`;

/**
 * Events per period of the themes `themes` (a condition on "themeId"), from the trigger-kept
 * buckets (migration *_theme_timeline): the cost follows the number of buckets, not of events. A
 * bucket is "YYYY-MM", or "YYYY" for an event known only to its year (it keeps its year by MONTH
 * too); by YEAR the months add up into their year. One definition for the loader below and the
 * planner (theme.read.ts).
 */
export const eventTimelineSql = (themes: Prisma.Sql, granularity: TimelineGranularity) =>
  granularity === "MONTH"
    ? Prisma.sql`SELECT "themeId", period, count FROM "ThemeTimelineBucket" WHERE ${themes}`
    : Prisma.sql`SELECT "themeId", split_part(period, '-', 1) AS period, sum(count)::int AS count FROM "ThemeTimelineBucket" WHERE ${themes} GROUP BY 1, 2`;

/**
 * Documents per period of the themes `themes` (a condition on "themeId"), by publication day: the
 * distinct documents that report an event carrying the theme (EventEvidence) or hold a quote on it
 * (QuoteTheme). Unlike the event counts nothing is kept ahead: the work follows the theme's links.
 * A typical theme (bench scale 10: 117 events, 356 quotes) is index-only scans of EventTheme
 * (themeId, dateStart, eventId) and EventEvidence (eventId, documentId, ...) and Quote's primary key,
 * ~3k buffers, ~3 ms. The most popular one (13,011 events, 46,900 quotes) hash-joins EventEvidence
 * and Quote whole, ~150 ms on a loaded machine: a quote's document is only in Quote's rows.
 * A document is always dated to the day, so every bucket is a month ("2021-06") by MONTH.
 */
export const documentTimelineSql = (themes: (column: string) => Prisma.Sql, granularity: TimelineGranularity) => Prisma.sql`
    SELECT x."themeId", to_char(d."publishedOn", ${granularity === "MONTH" ? "YYYY-MM" : "YYYY"}) AS period, count(*)::int AS count
    FROM (
      SELECT l."themeId", ev."documentId" FROM "EventTheme" l JOIN "EventEvidence" ev ON ev."eventId" = l."eventId" WHERE ${themes(`l."themeId"`)}
      UNION
      SELECT qt."themeId", q."documentId" FROM "QuoteTheme" qt JOIN "Quote" q ON q.id = qt."quoteId" WHERE ${themes(`qt."themeId"`)}
    ) x JOIN "Document" d ON d.id = x."documentId"
    GROUP BY 1, 2`;

/** The batch's themes as a condition on `column`: one theme bound as a scalar, so that PostgreSQL plans for that theme. */
const themeIs = (column: string, themeIds: readonly string[]) =>
  themeIds.length === 1 ? Prisma.sql`${Prisma.raw(column)} = ${themeIds[0]}` : Prisma.sql`${Prisma.raw(column)} = ANY(${[...themeIds]}::text[])`;

async function timelines(raw: RawQueries, themeIds: readonly string[], granularity: TimelineGranularity, count: TimelineCount): Promise<TimelineRow[][]> {
  const sql = count === "DOCUMENTS" ? documentTimelineSql((column) => themeIs(column, themeIds), granularity) : eventTimelineSql(themeIs(`"themeId"`, themeIds), granularity);
  const byTheme = new Map<string, TimelineRow[]>(themeIds.map((id) => [id, []]));
  for (const { themeId, ...bucket } of await raw.$queryRaw<(TimelineRow & { themeId: string })[]>(Prisma.sql`${timelineBuckets(sql)} ORDER BY 1, 2`)) byTheme.get(themeId)!.push(bucket);
  return themeIds.map((id) => byTheme.get(id)!);
}

export function createThemeLoaders(raw: RawQueries) {
  const timelineLoaders = new Map<string, DataLoader<string, TimelineRow[]>>();

  return {
    byId: byIdLoader<ThemeRow>(raw, "Theme"),
    byEvent: listLoaders<ThemeRow>(raw, themesOfEvent),
    byQuote: listLoaders<ThemeRow>(raw, themesOfQuote),
    related: listLoaders<RelatedThemeRow>(raw, relatedThemes),
    timeline: (granularity: TimelineGranularity, count: TimelineCount): DataLoader<string, TimelineRow[]> =>
      memo(timelineLoaders, `${count}:${granularity}`, () =>
        new DataLoader((ids) => timelines(raw, ids, granularity, count))),
  };
}
