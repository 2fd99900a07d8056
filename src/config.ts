/**
 * Every environment variable the service reads, parsed and validated once.
 * A bad value is a ConfigError whose message names the variable and what is wrong with it.
 */
import path from "node:path";
import { parseDigests, type TokenDigest } from "./auth/api-tokens.ts";
import { projectRoot } from "./paths.ts";

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
  /**
   * Prepare the planner's statements once per connection (db/raw.ts). Turn off behind a
   * pooler that does not keep prepared statements per client (PgBouncer in transaction mode
   * before 1.21, or without max_prepared_statements).
   */
  dbPreparedStatements: boolean;
  /**
   * Read replicas (DATABASE_REPLICA_URLS), skipped while they lag more than REPLICA_MAX_LAG_MS
   * (default 2000); a read after a write waits at most REPLICA_WAIT_MS (default 500) for one.
   * REPLICA_PREPARED_STATEMENTS (default true) is DB_PREPARED_STATEMENTS for the replicas'
   * connections, which are often direct while the primary's go through a pooler.
   */
  replicas: { urls: string[]; maxLagMs: number; waitMs: number; prepared: boolean } | undefined;
  /** Serve Prometheus metrics at /metrics (METRICS, default true). */
  metrics: boolean;
  /**
   * OpenTelemetry tracing (observability/tracing.ts): on when OTEL_EXPORTER_OTLP_ENDPOINT (an http(s)
   * base URL; spans go to `<it>/v1/traces`) is set; OTEL_SERVICE_NAME names the service (default themegraph).
   */
  tracing: { endpoint: string | undefined; serviceName: string };
  /** Requests a minute per client address and per API token (0: no limit); TRUST_PROXY reads X-Forwarded-For. */
  rateLimits: { perAddress: number; perToken: number; trustProxy: boolean };
  /** Load the bundled documents when the database holds none. */
  seed: boolean;
  /** What seeding loads (CORPUS): a folder of annotated documents, or one annotation file; default corpus/. */
  corpus: string;
  /** Log every SQL statement Prisma sends (to stderr). */
  logSql: boolean;
  /** The log's level (LOG_LEVEL; default info). At debug, each query the resolvers answer says why the planner did not. */
  logLevel: LogLevel;
  /** Execute operations compiled by graphql-jit (faster) rather than by graphql-js. */
  jit: boolean;
  /**
   * Answer queries with the planner (src/read/), PostgreSQL writing the JSON (READ_PLANNER; default
   * true). Off, every field runs its resolver: the differential tests compare the two.
   */
  planner: boolean;
  /** Largest request body accepted (BODY_LIMIT_BYTES); larger ones get 413 before anything runs. */
  bodyLimit: number;
  /**
   * Largest answer sent, in bytes of UTF-8 (MAX_RESPONSE_BYTES, default 8 MiB: room for the largest
   * text ingest accepts, 6 MB, read whole); a larger one is replaced by a RESPONSE_TOO_LARGE error.
   */
  maxResponseBytes: number;
  /** Origins allowed to call from browsers (CORS_ORIGINS, comma-separated, or `*`); none by default. */
  corsOrigins: string[];
  /** How long a shutdown waits for requests in flight before closing their connections (SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs: number;
  /** Serve the GraphQL IDE (GraphiQL) at / and to browsers at /graphql. */
  ide: boolean;
  /** Accept automatic persisted queries (operations sent as a SHA-256 hash once registered). */
  persistedQueries: boolean;
  /** Seconds a GET query's error-free answer may be cached (CACHE_MAX_AGE, default 60; 0: never; http/cache-control.ts). */
  cacheMaxAge: number;
  /** Answer introspection queries (INTROSPECTION; default true, false in production). */
  introspection: boolean;
  /**
   * Show internal errors' messages and stacks to clients (DETAILED_ERRORS; default true, false in
   * production). Either way they are logged with the request id, which the client gets.
   */
  detailedErrors: boolean;
  /** SHA-256 digests of the API tokens allowed to write (API_TOKEN_SHA256); none: every write is refused. */
  apiTokenDigests: TokenDigest[];
  /** Query limits, enforced before anything executes (graphql/limits.ts). */
  limits: QueryLimits;
  /** How long one `extractDraft` may run in its worker thread (EXTRACT_TIMEOUT_MS) before it is stopped. */
  extractTimeoutMs: number;
}

/**
 * Query limits (environment variable, default):
 * - QUERY_MAX_DEPTH (10): nesting of fields, fragments flattened;
 * - QUERY_MAX_ALIASES (30): aliased fields in the operation (`__typename` aliases are free);
 * - QUERY_MAX_ROOT_FIELDS (20): top-level fields of the operation;
 * - QUERY_MAX_DIRECTIVES (20): directive uses in the operation;
 * - QUERY_MAX_TOKENS (2000): lexical tokens of the document (bounds parsing and validation work);
 * - QUERY_MAX_CHARACTERS (50000): length of the document text, comments included;
 * - QUERY_MAX_COST (50000): most rows the operation may ask for: a list field costs its page size
 *   (first/last, default 20, at most 100) times the cost of what it selects per item, and a text
 *   field 10 per kilobyte it usually holds (graphql/text-size.ts);
 * - QUERY_MAX_FIELDS (2000): field selections once fragments are expanded (fragments spreading
 *   fragments multiply a short document; executors plan every one).
 * Page sizes themselves are capped at 100 by the list arguments (graphql/types/connection.ts).
 */
export interface QueryLimits {
  depth: number;
  aliases: number;
  rootFields: number;
  directives: number;
  tokens: number;
  characters: number;
  cost: number;
  fields: number;
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ["silent", "fatal", "error", "warn", "info", "debug", "trace"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function logLevel(env: Env): LogLevel {
  const raw = env.LOG_LEVEL?.toLowerCase();
  if (raw === undefined || raw === "") return "info";
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${env.LOG_LEVEL}"`);
  return raw as LogLevel;
}

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

function postgresUrl(raw: string, name: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL (expected postgresql://user@host:port/database)`);
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new ConfigError(`${name} must start with postgresql://, got "${url.protocol}//"`);
  }
  return raw;
}

function databaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL;
  return raw === undefined || raw === "" ? undefined : postgresUrl(raw, "DATABASE_URL");
}

/** DATABASE_REPLICA_URLS: comma-separated streaming replicas of DATABASE_URL's database. */
function replicas(env: Env): Config["replicas"] {
  const urls = (env.DATABASE_REPLICA_URLS ?? "").split(",").map((u) => u.trim()).filter(Boolean);
  if (!urls.length) return undefined;
  if (!env.DATABASE_URL) throw new ConfigError("DATABASE_REPLICA_URLS needs DATABASE_URL (the primary): replicas serve reads of a PostgreSQL primary");
  urls.forEach((url, i) => postgresUrl(url, `DATABASE_REPLICA_URLS[${i}]`));
  return {
    urls, maxLagMs: integer(env, "REPLICA_MAX_LAG_MS", 2000, 0, 600_000), waitMs: integer(env, "REPLICA_WAIT_MS", 500, 0, 60_000),
    prepared: flag(env, "REPLICA_PREPARED_STATEMENTS", true),
  };
}

function tracing(env: Env): Config["tracing"] {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || undefined;
  if (endpoint) {
    let protocol: string;
    try {
      protocol = new URL(endpoint).protocol;
    } catch {
      throw new ConfigError(`OTEL_EXPORTER_OTLP_ENDPOINT is not a valid URL (expected the collector's OTLP/HTTP address, e.g. http://localhost:4318), got "${endpoint}"`);
    }
    if (protocol !== "http:" && protocol !== "https:") throw new ConfigError(`OTEL_EXPORTER_OTLP_ENDPOINT must start with http:// or https:// (OTLP over HTTP), got "${protocol}//"`);
  }
  return { endpoint, serviceName: env.OTEL_SERVICE_NAME?.trim() || "themegraph" };
}

function apiTokenDigests(env: Env): TokenDigest[] {
  const digests = parseDigests(env.API_TOKEN_SHA256 ?? "");
  // The value is not echoed: it may hold a token pasted by mistake instead of its digest.
  if (!digests) throw new ConfigError("API_TOKEN_SHA256 must be comma-separated SHA-256 digests, 64 hex digits each, optionally named (`alice=<digest>`; `npm run token` makes a token and its digest)");
  return digests;
}

function limits(env: Env): QueryLimits {
  return {
    depth: integer(env, "QUERY_MAX_DEPTH", 10, 1, 1000),
    aliases: integer(env, "QUERY_MAX_ALIASES", 30, 0, 100_000),
    rootFields: integer(env, "QUERY_MAX_ROOT_FIELDS", 20, 1, 100_000),
    directives: integer(env, "QUERY_MAX_DIRECTIVES", 20, 0, 100_000),
    tokens: integer(env, "QUERY_MAX_TOKENS", 2000, 10, 1_000_000),
    characters: integer(env, "QUERY_MAX_CHARACTERS", 50_000, 10, 10_000_000),
    cost: integer(env, "QUERY_MAX_COST", 50_000, 1, 1_000_000_000),
    fields: integer(env, "QUERY_MAX_FIELDS", 2000, 1, 1_000_000),
  };
}

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(env: Env = process.env): Config {
  // NODE_ENV=production: the defaults of `introspection` and `detailedErrors` turn off.
  const production = env.NODE_ENV === "production";
  return {
    port: integer(env, "PORT", 4000, 0, 65535),
    host: env.HOST || undefined,
    databaseUrl: databaseUrl(env),
    dataDir: path.resolve(env.DATA_DIR || "data"),
    dbPoolMax: integer(env, "DB_POOL_MAX", 10, 1, 1000),
    dbPreparedStatements: flag(env, "DB_PREPARED_STATEMENTS", true),
    replicas: replicas(env),
    metrics: flag(env, "METRICS", true),
    tracing: tracing(env),
    rateLimits: {
      perAddress: integer(env, "RATE_LIMIT_PER_MINUTE", 0, 0, 10_000_000),
      perToken: integer(env, "RATE_LIMIT_TOKEN_PER_MINUTE", 0, 0, 10_000_000),
      trustProxy: flag(env, "TRUST_PROXY", false),
    },
    seed: flag(env, "SEED", true),
    corpus: path.resolve(env.CORPUS || path.join(projectRoot, "corpus")),
    logSql: flag(env, "LOG_SQL", false),
    logLevel: logLevel(env),
    jit: flag(env, "GRAPHQL_JIT", true),
    planner: flag(env, "READ_PLANNER", true),
    bodyLimit: integer(env, "BODY_LIMIT_BYTES", 1024 * 1024, 1024, 100 * 1024 * 1024),
    maxResponseBytes: integer(env, "MAX_RESPONSE_BYTES", 8 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    corsOrigins: (env.CORS_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean),
    shutdownTimeoutMs: integer(env, "SHUTDOWN_TIMEOUT_MS", 10_000, 0, 600_000),
    ide: flag(env, "IDE", true),
    persistedQueries: flag(env, "PERSISTED_QUERIES", true),
    cacheMaxAge: integer(env, "CACHE_MAX_AGE", 60, 0, 31_536_000),
    introspection: flag(env, "INTROSPECTION", !production),
    detailedErrors: flag(env, "DETAILED_ERRORS", !production),
    apiTokenDigests: apiTokenDigests(env),
    limits: limits(env),
    extractTimeoutMs: integer(env, "EXTRACT_TIMEOUT_MS", 10_000, 1, 600_000),
  };
}
