/**
 * PostgreSQL mode creates DATABASE_URL's database when the server says it does not exist, so a fresh
 * server needs no hand-made `CREATE DATABASE` first. It connects to the same server's maintenance
 * database (`postgres`, else `template1`) with the same credentials and creates it, quoted as an
 * identifier. When that is not allowed (no CREATEDB right, a pooler that offers no maintenance
 * database), the start fails with a message holding the exact command to run. Only the primary's
 * URL comes here: a replica is a copy of the primary and cannot create anything.
 */
import pg from "pg";
import { logger } from "../log.ts";
import { DatabaseUnreachableError, describeUrl } from "./postgres.ts";

/** The database is missing and could not be created; the message says how to create it. */
export class DatabaseCreationError extends Error {
  override name = "DatabaseCreationError";
}

type PgError = Error & { code?: string };

/** `"name"`, doubling inner quotes: any name PostgreSQL accepts, spaces and capitals included. */
export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;
/** One shell word, single-quoted. */
const shellWord = (text: string): string => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`);

/**
 * The missing database's name, when this connection error says a database is missing: PostgreSQL's
 * 3D000, or PgBouncer's 08P01 passing the server's words on (the name then is the server's, which the
 * pooler's [databases] entry may map from another).
 */
export function missingDatabase(error: PgError): string | undefined {
  const named = /database "(.*)" does not exist/.exec(error.message)?.[1];
  // A server speaking another language (lc_messages) names it in its own words: "" then, and the
  // caller takes the name from the URL.
  if (error.code === "3D000") return named ?? "";
  if (error.code === "08P01" && named !== undefined) return named;
  return undefined;
}

async function connected<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The psql command that creates `name` as `role`'s, for someone allowed to (a superuser by default). */
function command(url: URL, name: string, role: string): string {
  const sql = `CREATE DATABASE ${quoteIdentifier(name)} OWNER ${quoteIdentifier(role)}`;
  return `psql -h ${shellWord(url.hostname)} -p ${url.port || 5432} -U postgres -d postgres -c ${shellWord(sql)}`;
}

/**
 * Creates DATABASE_URL's database when it is missing; true when this call created it. A server that
 * does not answer is a DatabaseUnreachableError (one attempt, as the pool would make).
 */
export async function createDatabaseIfMissing(databaseUrl: string): Promise<boolean> {
  const url = new URL(databaseUrl);
  // Whom node-postgres connects as when the URL names no one: PGUSER, else the system user.
  const role = decodeURIComponent(url.username) || process.env.PGUSER || process.env.USER || "postgres";
  let name: string;
  try {
    await connected(databaseUrl, async () => undefined);
    return false;
  } catch (error) {
    const missing = missingDatabase(error as PgError);
    if (missing === undefined) throw new DatabaseUnreachableError(`cannot connect to PostgreSQL at ${describeUrl(databaseUrl)}: ${(error as Error).message}`);
    name = missing || decodeURIComponent(url.pathname.slice(1)) || role;
  }
  const where = `${url.hostname}:${url.port || 5432}`;
  let lastRefusal: PgError | undefined;
  for (const maintenance of ["postgres", "template1"]) {
    const admin = new URL(databaseUrl);
    admin.pathname = `/${maintenance}`;
    try {
      await connected(admin.toString(), (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
      logger.info({ database: name, server: where }, `created database "${name}" (it did not exist)`);
      return true;
    } catch (error) {
      const e = error as PgError;
      // Another instance starting at the same moment created it first: fine. PostgreSQL says so
      // with 42P04 when the other's was committed before this one began, else with 23505 (its
      // unique index on pg_database's names caught the race).
      if (e.code === "42P04" || (e.code === "23505" && /pg_database/.test(e.message))) return false;
      if (e.code === "42501") {
        throw new DatabaseCreationError(
          `database "${name}" does not exist on ${where}, and role "${role}" may not create it (${e.message}). ` +
            `Create it once as a role that may, e.g.:\n  ${command(url, name, role)}\n` +
            `(or let the role create databases: ALTER ROLE ${quoteIdentifier(role)} CREATEDB), then start again.`,
        );
      }
      lastRefusal = e;
      // Only a missing maintenance database is worth the second try.
      if (missingDatabase(e) === undefined && !/no such database/.test(e.message)) break;
    }
  }
  throw new DatabaseCreationError(
    `database "${name}" does not exist on ${where}, and it could not be created: connecting to the maintenance database failed (${lastRefusal?.message}). ` +
      `If DATABASE_URL goes through a pooler (PgBouncer), it may offer no maintenance database: create the database on the PostgreSQL server behind it, e.g.:\n  ` +
      `${command(url, name, role)}\n(with the server's own host and port), then start again.`,
  );
}
