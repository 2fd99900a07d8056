/**
 * Lists select every column but createdAt/updatedAt, and documents theirs without the text and annotation
 * (src/db/rows.ts). A column a migration adds must be listed there too, or lists would answer
 * without it: this holds the lists to the tables.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Prisma } from "../src/generated/prisma/client.ts";
import { LISTED_COLUMNS } from "../src/db/rows.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp("pglite");
});
after(async () => t?.close());

for (const [table, listed] of Object.entries(LISTED_COLUMNS)) {
  test(`${table}: lists read every column but the timestamps`, async () => {
    const rows = await t.app.db.raw.$queryRaw<{ column_name: string }[]>(
      Prisma.sql`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table}`,
    );
    const columns = rows.map((r) => r.column_name).filter((c) => c !== "createdAt" && c !== "updatedAt" && !(table === "Document" && (c === "text" || c === "annotation")));
    assert.ok(columns.length > 3, `${table} has columns`);
    assert.deepEqual([...listed].sort(), columns.sort());
  });
}
