/**
 * Co-occurrence lists ("themes sharing events with this one", "people quoted at the same events"):
 * pairs of rows of `link` on the same event, counted per pair in SQL. Listed rows are `t` (from
 * `table`) with `sharedEvents`; the parent key is `r."of"`, which PostgreSQL pushes into the grouping.
 */
import type { ListSql, Ordering } from "./list.ts";

export function coOccurring(link: string, key: string, table: string): ListSql {
  return {
    from: `(SELECT a."${key}" AS "of", b."${key}" AS id, count(DISTINCT a."eventId")::int AS "sharedEvents"
      FROM "${link}" a JOIN "${link}" b ON b."eventId" = a."eventId" AND b."${key}" <> a."${key}" GROUP BY 1, 2) r
      JOIN "${table}" t ON t.id = r.id`,
    parentKey: `r."of"`,
    select: `t.*, r."sharedEvents"`,
  };
}

/** Most shared events first, then by id. */
export const mostSharedFirst: Ordering = {
  name: "shared-events",
  columns: [
    { sql: `r."sharedEvents"`, cast: "int", key: "sharedEvents" },
    { sql: `t.id`, cast: "text", key: "id" },
  ],
  direction: "DESC",
};

/** Rows by name, then id (people, organizations, themes). */
export const byName: Ordering = {
  name: "name",
  columns: [
    { sql: `t.name`, cast: "text", key: "name" },
    { sql: `t.id`, cast: "text", key: "id" },
  ],
  direction: "ASC",
};

export type WithShared<T> = T & { sharedEvents: number };
