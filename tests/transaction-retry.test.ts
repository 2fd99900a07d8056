/**
 * Multi-row writes run through `inTransaction` (src/db/transaction.ts), which runs a transaction
 * again when PostgreSQL aborts it to break a deadlock. Here two real transactions on PostgreSQL lock
 * two themes in opposite orders: PostgreSQL aborts one, and both writes still land.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { inTransaction } from "../src/db/transaction.ts";
import { useTestApp } from "./helpers/app.ts";

const suite = useTestApp("postgresql");

/** Resolves once `parties` callers have arrived. */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => (release = resolve));
  return () => {
    if (++arrived === parties) release();
    return all;
  };
}

test("a transaction aborted by a deadlock runs again, and both writes land", async () => {
  const prisma = suite.t.app.db.prisma;
  const bothHoldOne = barrier(2);
  let attempts = 0;
  const write = (first: string, second: string, note: string) =>
    inTransaction(prisma, async (tx) => {
      attempts++;
      await tx.theme.update({ where: { slug: first }, data: { description: note } });
      // First attempts wait until each holds its first row, so the second updates cross.
      if (attempts <= 2) await bothHoldOne();
      await tx.theme.update({ where: { slug: second }, data: { description: note } });
    });

  await Promise.all([write("space", "talent", "written by A"), write("talent", "space", "written by B")]);
  assert.equal(attempts, 3, "one of the two ran again");
  const descriptions = (await prisma.theme.findMany({ where: { slug: { in: ["space", "talent"] } } })).map((t) => t.description);
  assert.equal(new Set(descriptions).size, 1, `the one that ran again wrote both rows last: ${descriptions.join(" / ")}`);
});

test("other errors are not retried", async () => {
  let attempts = 0;
  await assert.rejects(
    inTransaction(suite.t.app.db.prisma, async (tx) => {
      attempts++;
      await tx.theme.update({ where: { slug: "no-such-theme" }, data: { description: "x" } });
    }),
    (error: { code?: string }) => error.code === "P2025",
  );
  assert.equal(attempts, 1);
});
