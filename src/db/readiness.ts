/**
 * Readiness: the database answers and has every migration this build knows of. Bounded in time,
 * so that a probe gets "not ready" quickly while the database is away instead of hanging.
 */
import type { RawQueries } from "./raw.ts";
import type { ReplicaState } from "./replicas.ts";
import { Prisma } from "../generated/prisma/client.ts";

export interface Readiness {
  ready: boolean;
  database: "up" | "down";
  /** Migrations applied / expected; absent when the database is down. */
  migrations?: { applied: number; expected: number };
  error?: string;
  /** Each read replica: whether it answers, and how far behind the primary it was (db/replicas.ts). */
  replicas?: ReplicaState[];
}

const TIMEOUT_MS = 2000;

export async function checkReadiness(raw: RawQueries, expectedMigrations: readonly string[]): Promise<Readiness> {
  const expected = expectedMigrations.length;
  const query = raw.$queryRaw<{ applied: number }[]>(Prisma.sql`
    SELECT count(*)::int AS applied FROM "_prisma_migrations"
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL AND migration_name = ANY(${[...expectedMigrations]}::text[])`);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    const [row] = await Promise.race([query, timeout]);
    const applied = row?.applied ?? 0;
    return { ready: applied === expected, database: "up", migrations: { applied, expected } };
  } catch (error) {
    query.catch(() => undefined); // a late failure after the timeout is expected, not unhandled
    return { ready: false, database: "down", error: (error as Error).message || (error as Error).name };
  } finally {
    clearTimeout(timer);
  }
}
