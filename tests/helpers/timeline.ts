/** What Theme.timeline was before the trigger-kept buckets: every link's event, grouped per request. */

/** Per `key` (an SQL expression over l = EventTheme, e = Event, t = Theme) and period: key, period, count. */
export const timelineGroupBy = (granularity: "YEAR" | "MONTH", key: string) => `
  SELECT ${key} AS key, CASE WHEN '${granularity}' = 'MONTH' AND e."datePrecision" <> 'YEAR' THEN to_char(e."dateStart", 'YYYY-MM')
    ELSE to_char(e."dateStart", 'YYYY') END AS period, count(*)::int AS count
  FROM "EventTheme" l JOIN "Event" e ON e.id = l."eventId" JOIN "Theme" t ON t.id = l."themeId" GROUP BY 1, 2 ORDER BY 1, 2`;

/** The bucket table in the same shape, to compare with timelineGroupBy("MONTH", `l."themeId"`). */
export const BUCKETS = `SELECT "themeId" AS key, period, count FROM "ThemeTimelineBucket" ORDER BY 1, 2`;

/** Links whose copy of their event's date differs from it (the triggers keep it at 0 rows): `[{ n }]`. */
export const LINK_DATE_DRIFT = `SELECT count(*)::int AS n FROM "EventTheme" l JOIN "Event" e ON e.id = l."eventId"
  WHERE l."dateStart" IS DISTINCT FROM e."dateStart"`;
