/**
 * Read replicas (DATABASE_REPLICA_URLS): PostgreSQL streaming replicas that answer reads while the
 * primary takes writes. A monitor asks each replica, a few times a second, how far it has replayed
 * the primary's write-ahead log; a read goes to a replica that answers and lags at most
 * REPLICA_MAX_LAG_MS, round robin, else to the primary. A read that carries a write's log position
 * (read-your-writes, db/routing.ts) goes only to a replica that has replayed it: it waits for one,
 * at most REPLICA_WAIT_MS, then reads the primary.
 */
import type pg from "pg";
import { Prisma } from "../generated/prisma/client.ts";
import { logger } from "../log.ts";
import { createPool, describeUrl } from "./postgres.ts";
import { pgRaw, type RawQueries } from "./raw.ts";

/** A write-ahead log position, e.g. `0/3000148`, as a number that orders them. */
export function lsnValue(lsn: string): bigint {
  const [high, low] = lsn.split("/");
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}
export const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

const CHECK_EVERY_MS = 200;
const POLL_MS = 5;

export interface ReplicaState {
  location: string;
  up: boolean;
  /** How far behind the primary it was at the last check (0 when it had replayed all there was). */
  lagMs: number | null;
  replayed: string | null;
  error?: string;
}

interface Replica extends ReplicaState {
  pool: pg.Pool;
  raw: RawQueries;
}

export interface ReplicaOptions {
  urls: string[];
  poolMax: number;
  maxLagMs: number;
  waitMs: number;
  prepare: boolean;
}

export class Replicas {
  private readonly replicas: Replica[];
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  /** Read-your-writes waits, in ms, for the bench and /readyz (the last 1,000). */
  readonly waits: number[] = [];

  constructor(private readonly primary: RawQueries, private readonly options: ReplicaOptions) {
    this.replicas = options.urls.map((url) => {
      const pool = createPool(url, options.poolMax);
      return { location: describeUrl(url), pool, raw: pgRaw(pool, undefined, options.prepare), up: false, lagMs: null, replayed: null };
    });
  }

  /** Checks every replica now, then keeps checking in the background. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void (this.checking ??= this.check().finally(() => (this.checking = undefined))), CHECK_EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
    await Promise.all(this.replicas.map((r) => r.pool.end()));
  }

  states(): ReplicaState[] {
    return this.replicas.map(({ location, up, lagMs, replayed, error }) => ({ location, up, lagMs, replayed, ...(error ? { error } : {}) }));
  }

  private async check(): Promise<void> {
    let primaryLsn: bigint | undefined;
    try {
      const [row] = await this.primary.$queryRaw<{ lsn: string }[]>(Prisma.sql`SELECT pg_current_wal_lsn()::text AS lsn`);
      primaryLsn = lsnValue(row!.lsn);
    } catch {
      // The primary is away: replicas are judged on their own replay clock alone.
    }
    await Promise.all(this.replicas.map(async (replica) => {
      try {
        const [row] = await replica.raw.$queryRaw<{ recovery: boolean; replayed: string | null; since: number | null }[]>(Prisma.sql`
          SELECT pg_is_in_recovery() AS recovery, pg_last_wal_replay_lsn()::text AS replayed,
            (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8 AS since`);
        if (!row!.recovery || !row!.replayed) throw new Error("not a streaming replica (pg_is_in_recovery() is false)");
        const caughtUp = primaryLsn !== undefined && lsnValue(row!.replayed) >= primaryLsn;
        const wasUp = replica.up;
        Object.assign(replica, { up: true, replayed: row!.replayed, lagMs: caughtUp ? 0 : Math.max(0, Math.round(row!.since ?? 0)), error: undefined });
        if (!wasUp) logger.info({ replica: replica.location }, "replica answers: reads go to it");
      } catch (error) {
        if (replica.up) logger.warn({ replica: replica.location, reason: (error as Error).message }, "replica does not answer: reads go elsewhere");
        Object.assign(replica, { up: false, error: (error as Error).message });
      }
    }));
  }

  /** Marks a replica down after a failed read (the next check brings it back if it answers). */
  failed(raw: RawQueries, error: Error): void {
    const replica = this.replicas.find((r) => r.raw === raw);
    if (!replica?.up) return;
    replica.up = false;
    replica.error = error.message;
    logger.warn({ replica: replica.location, reason: error.message }, "a read on the replica failed: reads go elsewhere");
  }

  /** Where a read goes: a usable replica (one that replayed `after`, waiting for one at most REPLICA_WAIT_MS), else the primary. */
  async pick(after?: string): Promise<RawQueries> {
    const usable = this.replicas.filter((r) => r.up && r.lagMs !== null && r.lagMs <= this.options.maxLagMs);
    if (!usable.length) return this.primary;
    if (!after) return usable[this.next++ % usable.length]!.raw;
    const wanted = lsnValue(after);
    const ready = usable.filter((r) => r.replayed && lsnValue(r.replayed) >= wanted);
    if (ready.length) return ready[this.next++ % ready.length]!.raw;
    const started = performance.now();
    while (performance.now() - started < this.options.waitMs) {
      for (const replica of usable) {
        try {
          const [row] = await replica.raw.$queryRaw<{ replayed: string }[]>(Prisma.sql`SELECT pg_last_wal_replay_lsn()::text AS replayed`);
          replica.replayed = row!.replayed;
          if (lsnValue(row!.replayed) >= wanted) return this.record(started, replica.raw);
        } catch (error) {
          this.failed(replica.raw, error as Error);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return this.record(started, this.primary);
  }

  private record(started: number, target: RawQueries): RawQueries {
    this.waits.push(performance.now() - started);
    if (this.waits.length > 1000) this.waits.shift();
    return target;
  }
}
