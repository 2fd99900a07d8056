/** PostgreSQL through node-postgres: the pool Prisma's adapter uses, and one client for migrations. */
import pg from "pg";
import type { SqlConnection } from "./connection.ts";
import { logger } from "../log.ts";
import { UTC_TYPES } from "./utc-types.ts";

export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
}

/** Where a connection string points, without its password, for error messages and logs. */
export function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

/**
 * Dates and timestamps are UTC throughout (adapter-pg mishandles other session time zones), read
 * as such by every client (db/utc-types.ts).
 * An idle connection the server closes (a restart, a failover, pg_terminate_backend) is dropped by
 * the pool, which then emits 'error': unheard, that ends the process. Prisma's adapter listens only
 * while Prisma is connected, and reads do not use Prisma, so the pool always has a listener of its own.
 */
export function createPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000, options: "-c TimeZone=UTC", types: UTC_TYPES });
  pool.on("error", (error: Error & { code?: string }) =>
    // Not the error object itself: node-postgres hangs the whole client on it.
    logger.warn({ database: describeUrl(url), code: error.code, reason: error.message }, "the server closed an idle database connection; the pool opens a new one when needed"));
  return pool;
}

/** Checks out one client and runs `fn` with it; a failure to connect is a one-line DatabaseUnreachableError. */
export async function withPgConnection<T>(pool: pg.Pool, url: string, fn: (conn: SqlConnection) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw new DatabaseUnreachableError(`cannot connect to PostgreSQL at ${describeUrl(url)}: ${(error as Error).message}`);
  }
  try {
    return await fn({
      query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
      exec: async (script) => {
        await client.query(script);
      },
    });
  } finally {
    client.release();
  }
}
