/**
 * The raw SQL connection the migrator needs, independent of the driver: PGlite's single
 * connection or one client checked out of the PostgreSQL pool.
 */
export interface SqlConnection {
  /** One parameterised statement; rows as objects. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** A script of several statements (simple query protocol, no parameters). */
  exec(script: string): Promise<void>;
}

/** Runs `fn` in a transaction on `conn`: commits on success, rolls back and rethrows on failure. */
export async function inTransaction<T>(conn: SqlConnection, fn: () => Promise<T>): Promise<T> {
  await conn.exec("BEGIN");
  try {
    const result = await fn();
    await conn.exec("COMMIT");
    return result;
  } catch (error) {
    await conn.exec("ROLLBACK");
    throw error;
  }
}
