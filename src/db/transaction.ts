/**
 * Writes that touch several rows run in one transaction. Under concurrent writes PostgreSQL may
 * abort one of two transactions to break a deadlock (e.g. two ingests re-dating events the other
 * tags: the timeline triggers lock buckets in both), or a serialization conflict; Prisma reports
 * either as P2034. The work is all-or-nothing, so it is run again from the start, a few times, a
 * little later each time. Anything else, and a conflict on the last attempt, reaches the caller.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";

const ATTEMPTS = 3;

const isConflict = (error: unknown) => (error as { code?: string } | null)?.code === "P2034";

export async function inTransaction<T>(
  prisma: PrismaClient,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: { timeout?: number; maxWait?: number },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(work, options);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isConflict(error)) throw error;
      // Jittered, so that the two sides of a deadlock do not meet again in step.
      await sleep(attempt * 25 + Math.random() * 50);
    }
  }
}
