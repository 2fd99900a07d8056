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
