/** How the planner reads themes (src/read/catalogue.ts): Theme's fields, and the lists of themes. */
import type { Theme } from "../generated/prisma/client.ts";
import { byName } from "../db/orderings.ts";
import { pageRequest } from "../graphql/types/connection.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { column, connection, derived, one, tableType, type ReadType } from "../read/catalogue.ts";
import { documentTimelineSql, eventTimelineSql, timelineBuckets } from "./theme.loaders.ts";
import type { TimelineCount, TimelineGranularity } from "./theme-aggregates.type.ts";
import { claimsAbout, conflictsOf } from "../claims/claims.read.ts";
import { bySlug, sharingEvents, withSharedEvents } from "../read/shared.ts";
import { eventsOfThemeField } from "../event/event.read.ts";

export const themeRead: ReadType = tableType<Theme>("Theme", "Theme", ["slug", "name", "description", "aliases", "keywords"], {
  events: eventsOfThemeField,
  relatedThemes: sharingEvents("RelatedTheme", "EventTheme", "themeId", "Theme"),
  timeline: derived("TimelineBucket", true, (row, args) => {
    const theme = (column: string) => Prisma.raw(`${column} = ${row}.id`);
    const granularity = args.granularity as TimelineGranularity;
    const sql = (args.count as TimelineCount) === "DOCUMENTS" ? documentTimelineSql(theme, granularity) : eventTimelineSql(theme(`"themeId"`), granularity);
    return Prisma.sql`SELECT t.*, t.period AS _o FROM (${timelineBuckets(sql)}) t`;
  }),
  claims: claimsAbout("THEME"),
  conflicts: conflictsOf("THEME", ["NAME", "DESCRIPTION"]),
});

/** A theme sharing events: the co-occurrence row holds the theme's columns. */
export const relatedThemeRead = withSharedEvents("RelatedTheme", "theme", () => themeRead);

/** A timeline's bucket: a period ("2021" or "2021-06") and its count. */
export const timelineBucketRead: ReadType = {
  name: "TimelineBucket",
  fields: {
    period: column<{ period: string }>("period"),
    count: column<{ count: number }>("count"),
    precision: column<{ precision: string }>("precision"),
    start: column<{ start: string }>("start"),
  },
};

/** Query's theme fields. */
export const themeRoots = {
  theme: one("Theme", bySlug),
  themes: connection("Theme", { from: `"Theme" t` }, (args) => pageRequest(args, byName)),
};
