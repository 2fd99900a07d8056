/** Every row of every table, as JSON text: two dumps are equal only if the database is unchanged. */
import type { PrismaClient } from "../../src/generated/prisma/client.ts";

export async function dumpDatabase(prisma: PrismaClient): Promise<Record<string, string>> {
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const dump: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ rows: string }[]>(`SELECT coalesce(json_agg(t ORDER BY t::text), '[]')::text AS rows FROM "${name}" t`);
    dump[name] = row!.rows;
  }
  return dump;
}

/** Tables whose rows are named by a slug: their ids are replaced by `Table:slug` wherever they appear. */
const SLUGGED = ["Document", "Theme", "Event", "Person", "Organization", "Quote"];

/**
 * Every row of every table with ids aside: a row id is replaced by `Table:slug` wherever it is
 * referenced, generated ids and timestamps are dropped. Two graphs that hold the same facts from
 * the same claims dump equal, whatever order they were written in.
 */
export async function dumpGraph(prisma: PrismaClient): Promise<Record<string, unknown[]>> {
  const labels = new Map<string, string>();
  for (const table of SLUGGED) {
    for (const row of await prisma.$queryRawUnsafe<{ id: string; slug: string }[]>(`SELECT id, slug FROM "${table}"`)) labels.set(row.id, `${table}:${row.slug}`);
  }
  const raw = await dumpDatabase(prisma);
  const dump: Record<string, unknown[]> = {};
  for (const [table, text] of Object.entries(raw)) {
    if (table === "_prisma_migrations") continue;
    const rows = (JSON.parse(text) as Record<string, unknown>[]).map((row) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(row)) {
        if (key === "createdAt" || key === "updatedAt") continue;
        if (key === "id" && !labels.has(value as string) && table !== "SearchEntry" && table !== "SearchTerm" && table !== "SearchPassage") continue;
        out[key] = typeof value === "string" && labels.has(value) ? labels.get(value) : value;
      }
      return out;
    });
    dump[table] = rows.map((r) => JSON.stringify(r)).sort().map((r) => JSON.parse(r));
  }
  return dump;
}
