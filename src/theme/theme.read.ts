/** How the planner reads themes (src/read/catalogue.ts): Theme's fields, and the lists of themes. */
import type { Theme } from "../generated/prisma/client.ts";
import { coOccurring } from "../db/co-occurrence.ts";
import { byName, mostSharedFirst } from "../db/orderings.ts";
import { pageRequest } from "../graphql/types/connection.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { column, connection, derived, embedded, needsJs, one, tableType, value, type ReadType } from "../read/catalogue.ts";
import { documentTimelineSql, eventTimelineSql } from "./theme.loaders.ts";
import type { TimelineCount, TimelineGranularity } from "./theme-aggregates.type.ts";
import { claimsAbout } from "../claims/claims.read.ts";
import { bySlug } from "../read/shared.ts";
import { eventsOfTheme } from "../event/event.read.ts";

export const themeRead: ReadType = tableType<Theme>("Theme", "Theme", ["slug", "name", "description", "aliases", "keywords"], {
  events: eventsOfTheme,
  relatedThemes: connection("RelatedTheme", coOccurring("EventTheme", "themeId", "Theme"), (args) => pageRequest(args, mostSharedFirst)),
  timeline: derived("TimelineBucket", true, (row, args) => {
    const theme = (column: string) => Prisma.raw(`${column} = ${row}.id`);
    const granularity = args.granularity as TimelineGranularity;
    const sql = (args.count as TimelineCount) === "DOCUMENTS" ? documentTimelineSql(theme, granularity) : eventTimelineSql(theme(`"themeId"`), granularity);
    return Prisma.sql`SELECT b.period, b.count, b.period AS _o FROM (${sql}) b`;
  }),
  claims: claimsAbout("THEME"),
  conflicts: needsJs("conflicting dates are told apart in JavaScript", ["id", "slug", "name", "description"]),
});

/** A theme sharing events: the co-occurrence row holds the theme's columns. */
export const relatedThemeRead: ReadType = {
  name: "RelatedTheme",
  fields: { theme: embedded(() => themeRead), sharedEvents: column<{ sharedEvents: number }>("sharedEvents") },
};

/** A timeline's bucket: a period ("2021" or "2021-06") and its count. */
export const timelineBucketRead: ReadType = {
  name: "TimelineBucket",
  fields: {
    period: column<{ period: string }>("period"),
    count: column<{ count: number }>("count"),
    precision: value((row) => `CASE WHEN length(${row}.period) = 4 THEN 'YEAR' ELSE 'MONTH' END`),
    start: value((row) => `${row}.period || CASE WHEN length(${row}.period) = 4 THEN '-01-01' ELSE '-01' END`),
  },
};

/** Query's theme fields. */
export const themeRoots = {
  theme: one("Theme", bySlug),
  themes: connection("Theme", { from: `"Theme" t` }, (args) => pageRequest(args, byName)),
};
