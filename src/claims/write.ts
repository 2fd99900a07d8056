/**
 * Every change of claims (an ingest, a removal, a curator's claim) runs in one transaction, again
 * if PostgreSQL aborts it for a deadlock; a dry run does all of it and rolls it back, so what it
 * reports is exactly what the write would do.
 */
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { inTransaction } from "../db/transaction.ts";
import { Changes } from "./changes.ts";

type Tx = Prisma.TransactionClient;

/** Thrown to roll a dry run back: it carries what the run would have changed. */
class DryRun<T> extends Error {
  constructor(readonly outcome: { result: T; changes: Changes }) {
    super("dry run: rolled back");
  }
}

/** Runs a write in one transaction (again, if PostgreSQL aborts it for a deadlock); a dry run rolls it back. */
export async function writeAtomically<T>(prisma: PrismaClient, dryRun: boolean, write: (tx: Tx, changes: Changes) => Promise<T>): Promise<{ result: T; changes: Changes }> {
  try {
    return await inTransaction(prisma, async (tx) => {
      const changes = new Changes();
      const result = await write(tx, changes);
      if (dryRun) throw new DryRun({ result, changes });
      return { result, changes };
    }, { timeout: 120_000, maxWait: 60_000 });
  } catch (error) {
    if (error instanceof DryRun) return error.outcome as { result: T; changes: Changes };
    throw error;
  }
}

