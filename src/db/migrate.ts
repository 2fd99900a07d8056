/**
 * Applies the committed SQL migrations in prisma/migrations (Prisma's layout) through the driver,
 * recording them in Prisma's own `_prisma_migrations` table so that Prisma's tools read the same history.
 * Each migration runs in its own transaction with its bookkeeping row: it is applied whole or not at all.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { inTransaction, type SqlConnection } from "./connection.ts";

export class MigrationError extends Error {
  override name = "MigrationError";
}

export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 of the file, hex, as Prisma computes it. */
  checksum: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** The same key `prisma migrate` locks, so our migrator and Prisma's never run at once. */
const PRISMA_ADVISORY_LOCK = 72707369;

const CREATE_HISTORY = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Reads `<dir>/<timestamp>_<name>/migration.sql` in name order. */
export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/** Fails when the database's history disagrees with the files: edited, missing or half-applied migrations. */
function checkHistory(applied: AppliedRow[], files: MigrationFile[]): void {
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const row of applied) {
    if (row.rolled_back_at) continue;
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        `migration ${row.migration_name} is applied to the database but missing from prisma/migrations (is this an older build?)`,
      );
    }
    if (!row.finished_at) {
      throw new MigrationError(`migration ${row.migration_name} started earlier but never finished; repair the database first`);
    }
    if (row.checksum !== file.checksum) {
      throw new MigrationError(
        `migration ${row.migration_name} was changed after it was applied (checksum ${file.checksum.slice(0, 12)}… on disk, ` +
          `${row.checksum.slice(0, 12)}… applied); add a new migration instead of editing an applied one`,
      );
    }
  }
}

/**
 * Brings the database up to date with `files`. Returns the names it applied.
 * `lock`: each step runs in a transaction holding PostgreSQL's advisory lock (the transaction-level
 * one, so that it also holds through a pooler in transaction mode, PgBouncer), and a migration
 * another instance applied meanwhile is skipped: several instances starting together migrate once.
 */
export async function migrate(conn: SqlConnection, files: MigrationFile[], { lock }: { lock: boolean }): Promise<string[]> {
  const locked = <T>(fn: () => Promise<T>) =>
    inTransaction(conn, async () => {
      if (lock) await conn.query(`SELECT pg_advisory_xact_lock(${PRISMA_ADVISORY_LOCK})`);
      return fn();
    });
  await locked(() => conn.exec(CREATE_HISTORY));
  const applied = await conn.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  checkHistory(applied, files);
  const done = new Set(applied.filter((r) => !r.rolled_back_at).map((r) => r.migration_name));
  const ran: string[] = [];
  for (const file of files.filter((f) => !done.has(f.name))) {
    const applies = await locked(async () => {
      const [already] = await conn.query(`SELECT 1 AS x FROM "_prisma_migrations" WHERE migration_name = $1 AND rolled_back_at IS NULL`, [file.name]);
      if (already) return false;
      await conn.exec(file.sql).catch((error: Error) => {
        throw new MigrationError(`migration ${file.name} failed: ${error.message}`);
      });
      await conn.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), file.checksum, file.name],
      );
      return true;
    });
    if (applies) ran.push(file.name);
  }
  return ran;
}
