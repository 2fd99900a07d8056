/**
 * Opens the database the configuration names (PGlite by default, PostgreSQL with DATABASE_URL),
 * applies pending migrations, and returns a Prisma client on the matching driver adapter.
 */
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../generated/prisma/client.ts";
import type { SqlConnection } from "./connection.ts";
import { createDatabaseIfMissing } from "./create-database.ts";
import { migrate, readMigrations } from "./migrate.ts";
import { openPGlite, pgliteBasePath, pgliteConnection } from "./pglite.ts";
import { createPool, describeUrl, withPgConnection } from "./postgres.ts";
import { pgliteRaw, pgRaw, type RawQueries } from "./raw.ts";
import { checkReadiness, type Readiness } from "./readiness.ts";
import { countingAdapter } from "./statement-counter.ts";
import { Replicas } from "./replicas.ts";
import { routedRaw, type Route } from "./routing.ts";
import type { PoolStats } from "../http/metrics.ts";

export interface DatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolMax: number;
  /** Prepare parameterless statements (PostgreSQL only; db/raw.ts). Default true. */
  dbPreparedStatements?: boolean;
  logSql: boolean;
  /** PostgreSQL streaming replicas for reads (db/replicas.ts); none by default. */
  replicas?: { urls: string[]; maxLagMs: number; waitMs: number; prepared: boolean };
  /** Folder holding package.json, prisma/ and dist/. */
  projectRoot: string;
}

export interface Database {
  prisma: PrismaClient;
  /** Raw reads on the driver itself, for the hot list statements (db/raw.ts): the primary's. */
  raw: RawQueries;
  /** A request's reads: on a replica when there are any and the route allows (db/routing.ts). */
  routed(route: Route): RawQueries;
  /** The read replicas, when configured. */
  replicas?: Replicas;
  /** The PostgreSQL pool's connections (PGlite has none). */
  poolStats(): PoolStats | undefined;
  kind: "pglite" | "postgresql";
  /** Human description of where the data lives (no password). */
  location: string;
  /** Migrations this start applied (empty when the database was up to date). */
  appliedMigrations: string[];
  /** Whether the database answers and has every migration of this build (for /readyz). */
  readiness(): Promise<Readiness>;
  close(): Promise<void>;
}

interface Driver {
  kind: Database["kind"];
  raw(log?: (sql: string) => void): RawQueries;
  location: string;
  adapter: SqlDriverAdapterFactory;
  withConnection<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T>;
  stats?: () => PoolStats;
  close(): Promise<void>;
}

async function openDriver(options: DatabaseOptions): Promise<Driver> {
  const { databaseUrl: url } = options;
  if (url) {
    // The replicas' URLs never come here: a replica is a copy of this database.
    await createDatabaseIfMissing(url);
    const pool = createPool(url, options.dbPoolMax);
    return {
      kind: "postgresql",
      location: describeUrl(url),
      adapter: new PrismaPg(pool),
      raw: (log) => pgRaw(pool, log, options.dbPreparedStatements ?? true),
      withConnection: (fn) => withPgConnection(pool, url, fn),
      stats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: () => pool.end(),
    };
  }
  const embedded = await openPGlite(options.dataDir, pgliteBasePath(options.projectRoot));
  const conn = pgliteConnection(embedded.pglite);
  return {
    kind: "pglite",
    location: options.dataDir,
    adapter: new PrismaPGlite(embedded.pglite),
    raw: (log) => pgliteRaw(embedded.pglite, log),
    withConnection: (fn) => fn(conn),
    close: () => embedded.close(),
  };
}

/** Opens and migrates the database; the caller owns `close()`. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const driver = await openDriver(options);
  try {
    const files = await readMigrations(path.join(options.projectRoot, "prisma", "migrations"));
    const appliedMigrations = await driver.withConnection((conn) =>
      migrate(conn, files, { lock: driver.kind === "postgresql" }),
    );
    const log = options.logSql ? (sql: string) => console.error(`[sql] ${sql}`) : undefined;
    const prisma = new PrismaClient({ adapter: countingAdapter(driver.adapter, log && ((q) => log(q.sql))) });
    const raw = driver.raw(log);
    // Probes run on their own driver connection path but are not a request's statements.
    const probe = driver.raw();
    const replicas = options.replicas?.urls.length && driver.kind === "postgresql"
      ? new Replicas(probe, { ...options.replicas, poolMax: options.dbPoolMax, prepare: options.replicas.prepared })
      : undefined;
    await replicas?.start();
    return {
      prisma,
      raw,
      routed: (route) => routedRaw(raw, replicas, route),
      poolStats: () => driver.stats?.(),
      replicas,
      readiness: async () => ({ ...(await checkReadiness(probe, files.map((f) => f.name))), ...(replicas && { replicas: replicas.states() }) }),
      kind: driver.kind,
      location: driver.location,
      appliedMigrations,
      close: async () => {
        await replicas?.stop();
        await prisma.$disconnect();
        await driver.close();
      },
    };
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
}
