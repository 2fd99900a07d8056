/**
 * Raw reads straight on the driver (pg pool or PGlite), for the hot list statements that build
 * their own SQL (db/list.ts). Going through Prisma's `$queryRaw` cost more CPU than the statement
 * itself; this keeps Prisma for everything typed. Each request counts its statements through
 * `countedRaw` (db/statement-counter.ts).
 */
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Prisma } from "../generated/prisma/client.ts";

/** What list queries need: the same call shape as PrismaClient's `$queryRaw`. */
export interface RawQueries {
  $queryRaw<T = unknown>(sql: Prisma.Sql): Promise<T>;
}

/** DATE columns as UTC midnight (node-postgres would use the process's time zone). */
const DATE_OID = 1082;
const TIMESTAMPTZ_OID = 1184;
const utcDay = (v: string) => new Date(Date.UTC(Number(v.slice(0, 4)), Number(v.slice(5, 7)) - 1, Number(v.slice(8, 10))));
/** "2026-11-25 11:52:05.967+00" -> Date, through the engine's ISO parser (the default regex parser is slower). */
const timestamptz = (v: string) => new Date(v.replace(" ", "T") + (/[+-]\d{2}$/.test(v) ? ":00" : ""));
const pgTypes = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    oid === DATE_OID ? utcDay : oid === TIMESTAMPTZ_OID ? timestamptz : pg.types.getTypeParser(oid, format),
};

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
  return {
    // Not async: a small read's answer goes through one promise fewer.
    $queryRaw<T>(sql: Prisma.Sql): Promise<T> {
      log?.(sql.text);
      const name = prepare && (sql.values.length === 0 || anyValues.has(sql)) ? preparedName(sql.text) : undefined;
      const run = (as?: string) => pool.query({ name: as, text: sql.text, values: sql.values as unknown[], types: pgTypes as never });
      return run(name).then(
        (result) => result.rows as T,
        (error: unknown) => {
          // A column added to a table under a prepared `SELECT t.*` (a migration while we run):
          // PostgreSQL refuses the old plan; this text is sent unprepared from now on.
          if (!name || !isStalePlan(error)) throw error;
          preparedNames.set(sql.text, undefined);
          return run().then((result) => result.rows as T);
        },
      );
    },
  };
}

export function pgliteRaw(db: PGlite, log?: (sql: string) => void): RawQueries {
  const parsers = { [DATE_OID]: utcDay };
  return {
    async $queryRaw<T>(sql: Prisma.Sql): Promise<T> {
      log?.(sql.text);
      return (await db.query(sql.text, sql.values as unknown[], { parsers })).rows as T;
    },
  };
}
