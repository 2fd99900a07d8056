/**
 * Keyset-paginated lists in one SQL statement, for one parent or a whole batch of parents.
 *
 * A list is described once as SQL (`ListSql`: what to select, from where, in which order). A page
 * request (first/after or last/before, plus an optional filter) becomes a statement that returns
 * `limit + 1` rows per parent (the extra row says whether another page exists); for many parents
 * it is a LATERAL join over the keys, so a page of parents never turns into N queries.
 * Cursors hold the row's sort key, so pages stay stable while rows are added.
 */
import { Prisma } from "../generated/prisma/client.ts";
import type { RawQueries } from "./raw.ts";

/** One sort column: its SQL, the cast its cursor value needs, and the row property holding it. */
export interface SortColumn {
  sql: string;
  cast: "date" | "text" | "int" | "real";
  key: string;
}

/** A total order (the last column must be unique) applied in one direction. */
export interface Ordering {
  /** Cursor tag: a cursor from one ordering is refused by another. */
  name: string;
  columns: SortColumn[];
  direction: "ASC" | "DESC";
}

/** A list as SQL. Fragments come from code, never from requests. */
export interface ListSql {
  /** FROM clause with the listed rows aliased `t`. */
  from: string;
  /** Column holding the parent key, for lists under a parent (e.g. `l."themeId"`). */
  parentKey?: string;
  /** Selected columns (`t.*` by default). */
  select?: string;
  /**
   * SQL to sort by instead of an ordering's own, by sort key (e.g. a link table's copy of the date,
   * `l."dateStart"`, which an index on the links gives in order). Same values, so cursors are the same.
   */
  sortColumns?: Record<string, string>;
}

export interface PageRequest {
  limit: number;
  backward: boolean;
  /** Sort key values of the row to start after (or before, when backward). */
  cursor?: unknown[];
  ordering: Ordering;
  /** Extra conditions (a filter), already bound. */
  where?: Prisma.Sql;
  /** Identifies `where` in loader cache keys. */
  whereKey?: string;
  /** A WITH clause the statement starts with (bound values the FROM reads, e.g. a search query). */
  cte?: Prisma.Sql;
}

export interface Page<T> {
  rows: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  cursorOf(row: T): string;
}

const raw = Prisma.raw;

const shapes = new WeakMap<PageRequest, string>();

/** Identifies a request's shape (everything but the parent keys), for loader caches; computed once per request object. */
export function shapeOf(req: PageRequest): string {
  let shape = shapes.get(req);
  if (shape === undefined) {
    shape = JSON.stringify([req.limit, req.backward, req.cursor, req.ordering.name, req.whereKey]);
    shapes.set(req, shape);
  }
  return shape;
}

export { decodeCursor, encodeCursor } from "../read/cursor.ts";
import { encodeCursor } from "../read/cursor.ts";

/** The SQL a list sorts a column by: its own substitute, or the ordering's. */
export const sortSql = (list: ListSql, column: SortColumn) => list.sortColumns?.[column.key] ?? column.sql;

export function orderClause(list: ListSql, ordering: Ordering, backward: boolean): Prisma.Sql {
  const dir = (ordering.direction === "DESC") !== backward ? "DESC" : "ASC";
  return raw(ordering.columns.map((c) => `${sortSql(list, c)} ${dir}`).join(", "));
}

/** Row-value comparison `(a, b) > ($1, $2)`: all columns of an ordering run the same way. */
export function keysetCondition(list: ListSql, req: PageRequest): Prisma.Sql {
  if (!req.cursor) return Prisma.empty;
  const { columns, direction } = req.ordering;
  const op = (direction === "DESC") !== req.backward ? "<" : ">";
  const params = Prisma.join(req.cursor.map((v, i) => Prisma.sql`${v}::${raw(columns[i]!.cast)}`));
  return Prisma.sql` AND (${raw(columns.map((c) => sortSql(list, c)).join(", "))}) ${raw(op)} (${params})`;
}

/**
 * LIMIT as a literal (a checked integer, never request text): a list statement without a cursor or
 * filter then has no parameters at all, and the driver can prepare it once per connection (db/raw.ts).
 */
const limitOf = (req: PageRequest) => raw(String(Math.trunc(req.limit) + 1));

const selectOf = (list: ListSql) => raw(list.select ?? "t.*");

const extra = (where: Prisma.Sql | undefined) => (where ? Prisma.sql` AND ${where}` : Prisma.empty);

/** Turns fetched rows (limit + 1 of them) into a page. */
export function toPage<T>(rows: T[], req: PageRequest): Page<T> {
  const more = rows.length > req.limit;
  const kept = more ? rows.slice(0, req.limit) : rows;
  if (req.backward) kept.reverse();
  return {
    rows: kept,
    hasNextPage: req.backward ? Boolean(req.cursor) : more,
    hasPreviousPage: req.backward ? more : Boolean(req.cursor),
    cursorOf: (row) => encodeCursor(req.ordering, row as Record<string, unknown>),
  };
}

/** The rows of a root list's page (`limit` of them), selecting `select`. */
const rootPageSql = (list: ListSql, req: PageRequest, select: Prisma.Sql, limit: Prisma.Sql) =>
  Prisma.sql`SELECT ${select} FROM ${raw(list.from)} WHERE TRUE${extra(req.where)}${keysetCondition(list, req)}
    ORDER BY ${orderClause(list, req.ordering, req.backward)} LIMIT ${limit}`;

/** One page of a list without a parent (a root list). */
export async function fetchPage<T>(prisma: RawQueries, list: ListSql, req: PageRequest): Promise<Page<T>> {
  const rows = await prisma.$queryRaw<T[]>(Prisma.sql`${req.cte ?? Prisma.empty} ${rootPageSql(list, req, selectOf(list), limitOf(req))}`);
  return toPage(rows, req);
}

type Keyed<T> = T & { parentKey: string };

/**
 * One page per parent, in one statement. A single key is bound as a scalar so that PostgreSQL
 * plans for that key (a popular parent and a rare one want different plans).
 */
export async function fetchPages<T>(prisma: RawQueries, list: ListSql, keys: readonly string[], req: PageRequest): Promise<Page<T>[]> {
  const select = selectOf(list);
  const parent = raw(list.parentKey!);
  const tail = Prisma.sql`${extra(req.where)}${keysetCondition(list, req)} ORDER BY ${orderClause(list, req.ordering, req.backward)} LIMIT ${limitOf(req)}`;
  const statement =
    keys.length === 1
      ? Prisma.sql`SELECT ${parent} AS "parentKey", ${select} FROM ${raw(list.from)} WHERE ${parent} = ${keys[0]}${tail}`
      : Prisma.sql`SELECT k.key AS "parentKey", c.* FROM unnest(${[...keys]}::text[]) AS k(key) CROSS JOIN LATERAL
          (SELECT ${select} FROM ${raw(list.from)} WHERE ${parent} = k.key${tail}) c`;
  const rows = await prisma.$queryRaw<Keyed<T>[]>(statement);
  const byKey = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const { parentKey, ...row } of rows) byKey.get(parentKey)!.push(row as T);
  return keys.map((k) => toPage(byKey.get(k)!, req));
}

/** How many rows the list has under each parent (or in all, without parents), with the filter. */
export async function countRows(
  prisma: RawQueries, list: ListSql, keys: readonly string[] | null, where?: Prisma.Sql, cte?: Prisma.Sql,
): Promise<number[]> {
  if (!keys) {
    const [row] = await prisma.$queryRaw<{ n: number }[]>(
      Prisma.sql`${cte ?? Prisma.empty} SELECT count(*)::int AS n FROM ${raw(list.from)} WHERE TRUE${extra(where)}`,
    );
    return [row!.n];
  }
  const parent = raw(list.parentKey!);
  const rows = await prisma.$queryRaw<{ parentKey: string; n: number }[]>(Prisma.sql`
    SELECT ${parent} AS "parentKey", count(*)::int AS n FROM ${raw(list.from)}
    WHERE ${parent} = ANY(${[...keys]}::text[])${extra(where)} GROUP BY 1`);
  const counts = new Map(rows.map((r) => [r.parentKey, r.n]));
  return keys.map((k) => counts.get(k) ?? 0);
}
