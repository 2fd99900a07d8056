/**
 * A throw-away PostgreSQL database per test run, on the machine's server (PG_TEST_URL, default
 * postgresql://postgres@127.0.0.1:5432/postgres). When no server answers, tests that need one are
 * skipped, unless REQUIRE_POSTGRES=1 (as in CI), where that is a failure.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

const adminUrl = process.env.PG_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let reachable: Promise<string | null> | undefined;

/** Null when PostgreSQL answers, else why not. Checked once per process. */
export function postgresUnavailable(): Promise<string | null> {
  reachable ??= admin(async (c) => {
    await c.query("SELECT 1");
    return null;
  }).catch((error: Error) => `PostgreSQL at ${new URL(adminUrl).host} is not reachable (${error.message || error.name})`);
  return reachable;
}

/** Skip reason for node:test, or a thrown error under REQUIRE_POSTGRES=1. */
export async function skipWithoutPostgres(): Promise<string | false> {
  const why = await postgresUnavailable();
  if (!why) return false;
  if (process.env.REQUIRE_POSTGRES === "1") throw new Error(`${why}, and REQUIRE_POSTGRES=1`);
  return why;
}

export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const name = `themegraph_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
