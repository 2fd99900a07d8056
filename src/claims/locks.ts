/**
 * Deriving a subject again is read-compute-write: two transactions deriving the same event at once
 * (two ingests, a tag and an untag) would each miss the other's claims, and one would write a stale
 * graph, or the same link twice. So each takes a transaction-scoped advisory lock per subject (and
 * per document whose mentions it rewrites) before reading its claims: the second waits for the
 * first to commit, then reads every claim. Locks are taken in one sorted batch; a deadlock between
 * two batches is aborted by PostgreSQL and the whole write runs again (db/transaction.ts).
 */
import { Prisma } from "../generated/prisma/client.ts";

export async function lockKeys(tx: Prisma.TransactionClient, keys: Iterable<string>): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  if (!sorted.length) return;
  await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM (SELECT unnest(${sorted}::text[]) AS k ORDER BY 1) keys`);
}
