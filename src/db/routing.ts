/**
 * Where one request's reads go. A query reads a replica (db/replicas.ts), the same one for all its
 * statements; a mutation, and all a mutation reads, use the primary, so a write reads its own result.
 * Read-your-writes across requests: a mutation's answer carries the primary's log position after it
 * (`x-write-lsn`); a read that sends it back (`x-read-after-lsn`) is answered by a replica that has
 * replayed that far, or by the primary.
 */
import type { Prisma } from "../generated/prisma/client.ts";
import type { RawQueries } from "./raw.ts";
import type { Replicas } from "./replicas.ts";
import { isDatabaseUnavailable } from "./unavailable.ts";

export interface Route {
  /** Set for mutations (read/execute.ts): every read of the request on the primary. */
  primary: boolean;
  /** A write's log position the reads must see (the `x-read-after-lsn` header). */
  after?: string;
  /** After a mutation: the primary's log position, for `x-write-lsn`. */
  writeLsn?: string;
  picked?: Promise<RawQueries>;
}

/** The replica itself is unusable (not the statement): the read moves to the primary. */
function replicaFailure(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  // A standby cancels a read that conflicts with the primary's cleanup (40001): the primary has none.
  const { code, message } = error as { code?: string; message?: string };
  return code === "40001" && /recovery/i.test(message ?? "");
}

export function routedRaw(primary: RawQueries, replicas: Replicas | undefined, route: Route): RawQueries {
  if (!replicas) return primary;
  /** `read` on the request's replica; on the primary for mutations, or when that replica is unusable. */
  const routed = async <R>(read: (raw: RawQueries) => Promise<R>): Promise<R> => {
    if (route.primary) return read(primary);
    // Statements of one request may start together (a batch): they share the pick.
    const target = await (route.picked ??= replicas.pick(route.after));
    if (target === primary) return read(primary);
    try {
      return await read(target);
    } catch (error) {
      if (!replicaFailure(error)) throw error;
      replicas.failed(target, error as Error);
      route.picked = Promise.resolve(primary);
      return read(primary);
    }
  };
  return {
    $queryRaw: <T>(sql: Prisma.Sql) => routed((raw) => raw.$queryRaw<T>(sql)),
    $queryText: (sql: Prisma.Sql) => routed((raw) => raw.$queryText(sql)),
  };
}
