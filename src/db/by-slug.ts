/**
 * One row by its slug, on the driver: the root lookups (`theme(slug:)`, `person(slug:)`…) start
 * most queries, and through Prisma's client they cost more CPU than the rest of a small request.
 * Rows have the columns Prisma's model has (same names, dates as Date).
 */
import { Prisma } from "../generated/prisma/client.ts";
import type { RawQueries } from "./raw.ts";

export type SluggedTable = "Theme" | "Event" | "Person" | "Organization" | "Quote" | "Document";

export async function findBySlug<T>(raw: RawQueries, table: SluggedTable, slug: string): Promise<T | null> {
  const rows = await raw.$queryRaw<T[]>(Prisma.sql`SELECT * FROM ${Prisma.raw(`"${table}"`)} WHERE slug = ${slug}`);
  return rows[0] ?? null;
}
