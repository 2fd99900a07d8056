/**
 * Batch loading: one SQL statement per relation per request, whatever the page size.
 * `byId` loads rows by primary key; `topN` loads, for many parent keys at once, the first `limit`
 * children of each (a LATERAL join), so a page of parents never turns into N queries.
 */
import DataLoader from "dataloader";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** A to-many relation as SQL. Identifiers come from code, never from requests. */
export interface RelationSql {
  /** FROM clause with the child table aliased `t`, e.g. `"Event" t JOIN "EventTheme" l ON l."eventId" = t.id`. */
  from: string;
  /** Column holding the parent key, e.g. `l."themeId"`. */
  parentKey: string;
  /** Ordering with a unique tie-breaker, e.g. `t."dateStart" DESC, t.id`. */
  orderBy: string;
  /** What to select, `t.*` unless the rows come from a join table. */
  select?: string;
}

type Keyed<T> = T & { parentKey: string };

/** One statement for all keys. A single key is bound as a scalar so PostgreSQL plans for that key. */
async function topNQuery<T>(prisma: PrismaClient, rel: RelationSql, keys: readonly string[], limit: number): Promise<Keyed<T>[]> {
  const select = rel.select ?? "t.*";
  if (keys.length === 1) {
    const sql = `SELECT ${rel.parentKey} AS "parentKey", ${select} FROM ${rel.from} WHERE ${rel.parentKey} = $1 ORDER BY ${rel.orderBy} LIMIT $2`;
    return prisma.$queryRawUnsafe<Keyed<T>[]>(sql, keys[0], limit);
  }
  const sql =
    `SELECT k.key AS "parentKey", c.* FROM unnest($1::text[]) AS k(key) CROSS JOIN LATERAL ` +
    `(SELECT ${select} FROM ${rel.from} WHERE ${rel.parentKey} = k.key ORDER BY ${rel.orderBy} LIMIT $2) c`;
  return prisma.$queryRawUnsafe<Keyed<T>[]>(sql, [...keys], limit);
}

/** Groups rows by their parent key, in key order, keeping the SQL order within each group. */
function groupByParent<T>(keys: readonly string[], rows: Keyed<T>[]): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const { parentKey, ...row } of rows) groups.get(parentKey)?.push(row as T);
  return keys.map((k) => groups.get(k)!);
}

/**
 * Per-request loaders for one relation, one DataLoader per page size (a field asked with
 * `first: 5` and with `first: 50` in one request are two batches, each one statement).
 */
export function topNLoaders<T>(prisma: PrismaClient, rel: RelationSql): (limit: number) => DataLoader<string, T[]> {
  const byLimit = new Map<number, DataLoader<string, T[]>>();
  return (limit) => {
    let loader = byLimit.get(limit);
    if (!loader) {
      loader = new DataLoader<string, T[]>(async (keys) => groupByParent(keys, await topNQuery<T>(prisma, rel, keys, limit)));
      byLimit.set(limit, loader);
    }
    return loader;
  };
}

/** Loads rows by id with one `IN (...)` statement per batch; missing ids give null. */
export function byIdLoader<T extends { id: string }>(fetch: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = new Map((await fetch([...ids])).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}
