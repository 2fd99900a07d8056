/**
 * Co-occurrence lists ("themes sharing events with this one", "people quoted at the same events"):
 * pairs of rows of `link` on the same event, counted per pair in SQL. Listed rows are `t` (from
 * `table`) with `sharedEvents`; the parent key is `r."of"`, which PostgreSQL pushes into the grouping.
 */
import type { ListSql } from "./list.ts";
import { listedColumns, type ListedTable } from "./rows.ts";

export function coOccurring(link: string, key: string, table: ListedTable): ListSql {
  return {
    from: `(SELECT a."${key}" AS "of", b."${key}" AS id, count(DISTINCT a."eventId")::int AS "sharedEvents"
      FROM "${link}" a JOIN "${link}" b ON b."eventId" = a."eventId" AND b."${key}" <> a."${key}" GROUP BY 1, 2) r
      JOIN "${table}" t ON t.id = r.id`,
    parentKey: `r."of"`,
    select: `${listedColumns(table)}, r."sharedEvents"`,
  };
}

export type WithShared<T> = T & { sharedEvents: number };
