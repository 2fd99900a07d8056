/**
 * Every environment variable the service reads, parsed and validated once.
 * A bad value is a ConfigError whose message names the variable and what is wrong with it.
 */
import path from "node:path";

export class ConfigError extends Error {
  override name = "ConfigError";
}

export interface Config {
  /** TCP port for HTTP; 0 picks a free one (tests). */
  port: number;
  /** Interface to listen on; undefined means all interfaces. */
  host: string | undefined;
  /** PostgreSQL connection string; undefined means the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Folder of the embedded PGlite database (kept across restarts). */
  dataDir: string;
  /** Maximum connections in the PostgreSQL pool. */
  dbPoolMax: number;
  /** Load the bundled documents when the database holds none. */
  seed: boolean;
  /** Log every SQL statement Prisma sends (to stderr). */
  logSql: boolean;
  /** Serve the GraphQL IDE (GraphiQL) at / and to browsers at /graphql. */
  ide: boolean;
  /** Accept automatic persisted queries (operations sent as a SHA-256 hash once registered). */
  persistedQueries: boolean;
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function databaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === "") return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`DATABASE_URL is not a valid URL (expected postgresql://user@host:port/database)`);
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new ConfigError(`DATABASE_URL must start with postgresql://, got "${url.protocol}//"`);
  }
  return raw;
}

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(env: Env = process.env): Config {
  return {
    port: integer(env, "PORT", 4000, 0, 65535),
    host: env.HOST || undefined,
    databaseUrl: databaseUrl(env),
    dataDir: path.resolve(env.DATA_DIR || "data"),
    dbPoolMax: integer(env, "DB_POOL_MAX", 10, 1, 1000),
    seed: flag(env, "SEED", true),
    logSql: flag(env, "LOG_SQL", false),
    ide: flag(env, "IDE", true),
    persistedQueries: flag(env, "PERSISTED_QUERIES", true),
  };
}
