/**
 * Raw reads straight on the driver (pg pool or PGlite), for the hot list statements that build
 * their own SQL (db/list.ts). Going through Prisma's `$queryRaw` cost more CPU than the statement
 * itself; this keeps Prisma for everything typed. Each request counts its statements through
 * `countedRaw` (db/statement-counter.ts).
 */
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { queryText } from "./text-query.ts";
import { DATE_OID, utcDay } from "./utc-types.ts";

/** What list queries need: the same call shape as PrismaClient's `$queryRaw`. */
export interface RawQueries {
  $queryRaw<T = unknown>(sql: Prisma.Sql): Promise<T>;
  /**
   * The first column of the first row, as PostgreSQL's text (null for NULL, undefined without a
   * row): for a statement that writes its whole answer as one JSON text (read/replays.ts).
   */
  $queryText(sql: Prisma.Sql): Promise<string | null | undefined>;
}

/**
 * Statements without parameters (e.g. the first page of a list: LIMIT is a literal) are prepared
 * once per connection under a name: PostgreSQL then skips planning, which cost more than executing
 * them. With no parameters the cached plan is exactly the one planned for that text, so no
 * generic-plan surprise. Statements with parameters stay unnamed and are planned for their values,
 * unless their maker vouches that one plan suits every value (`planForAnyValues`).
 * The number of names is capped: each is kept, with its plan, in every pooled connection's backend
 * (tens of KB apiece), and first pages of a few common shapes are where planning time is saved.
 */
const MAX_PREPARED = 200;
/** Statement text -> its name, or undefined once the text must not be prepared. */
const preparedNames = new Map<string, string | undefined>();
function preparedName(text: string): string | undefined {
  if (preparedNames.has(text) || preparedNames.size >= MAX_PREPARED) return preparedNames.get(text);
  const name = `tg${preparedNames.size}`;
  preparedNames.set(text, name);
  return name;
}
/** Statements with parameters whose plan is the same for any values (an index gives their rows in order). */
const anyValues = new WeakSet<Prisma.Sql>();

/** Marks `sql` as planned alike for any values of its parameters: pgRaw prepares it once per connection. */
export function planForAnyValues(sql: Prisma.Sql): Prisma.Sql {
  anyValues.add(sql);
  return sql;
}

/** "cached plan must not change result type" (feature_not_supported). */
const isStalePlan = (error: unknown) => (error as { code?: string }).code === "0A000";

export function pgRaw(pool: pg.Pool, log?: (sql: string) => void, prepare = true): RawQueries {
  /** `run`s the statement, under its prepared name when it has one, unnamed when that plan is stale. */
  const planned = <R>(sql: Prisma.Sql, run: (name: string | undefined) => Promise<R>): Promise<R> => {
    log?.(sql.text);
    const name = prepare && (sql.values.length === 0 || anyValues.has(sql)) ? preparedName(sql.text) : undefined;
    if (!name) return run(undefined);
    return run(name).catch((error: unknown) => {
      // A column added to a table under a prepared `SELECT t.*` (a migration while we run):
      // PostgreSQL refuses the old plan; this text is sent unprepared from now on.
      if (!isStalePlan(error)) throw error;
      preparedNames.set(sql.text, undefined);
      return run(undefined);
    });
  };
  return {
    // Not async: a small read's answer goes through one promise fewer.
    $queryRaw<T>(sql: Prisma.Sql): Promise<T> {
      return planned(sql, (name) => {
        // Only the keys used: node-postgres copies the config, key by key, for every query. The
        // type parsers are the pool's (db/postgres.ts).
        const config: pg.QueryConfig = { text: sql.text };
        if (name) config.name = name;
        if (sql.values.length) config.values = sql.values as unknown[];
        return pool.query(config).then((result) => result.rows as T);
      });
    },
    $queryText(sql: Prisma.Sql): Promise<string | null | undefined> {
      return planned(sql, (name) => queryText(pool, sql.text, sql.values as unknown[], name));
    },
  };
}

/** A text as `$queryText` gives it: JSON a driver parsed goes back to its text. */
const asText = (value: unknown): string | null | undefined =>
  value === undefined || value === null || typeof value === "string" ? value : JSON.stringify(value);

export function pgliteRaw(db: PGlite, log?: (sql: string) => void): RawQueries {
  const parsers = { [DATE_OID]: utcDay };
  const query = (sql: Prisma.Sql) => {
    log?.(sql.text);
    return db.query<Record<string, unknown>>(sql.text, sql.values as unknown[], { parsers });
  };
  return {
    $queryRaw: <T>(sql: Prisma.Sql) => query(sql).then((result) => result.rows as T),
    $queryText: (sql: Prisma.Sql) =>
      query(sql).then(({ rows, fields }) => (fields[0] ? asText(rows[0]?.[fields[0].name]) : undefined)),
  };
}

/** Raw reads through Prisma itself, for contexts made without a driver (scripts, tests). */
export function prismaRaw(prisma: PrismaClient): RawQueries {
  return {
    $queryRaw: <T>(sql: Prisma.Sql) => prisma.$queryRaw<T>(sql),
    $queryText: async (sql: Prisma.Sql) => asText(Object.values((await prisma.$queryRaw<Record<string, unknown>[]>(sql))[0] ?? {})[0]),
  };
}
