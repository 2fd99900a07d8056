/**
 * Rows by slug or id, on the driver: root lookups (`theme(slug:)`…) start most queries and by-id
 * loads follow search hits and evidence; through Prisma's client they cost more CPU than the rest
 * of a small request. Rows have the columns of Prisma's model (same names, dates as Date).
 */
import DataLoader from "dataloader";
import { Prisma } from "../generated/prisma/client.ts";
import type { RawQueries } from "./raw.ts";

export type LookupTable = "Theme" | "Event" | "Person" | "Organization" | "Quote" | "Document";

const table = (name: LookupTable) => Prisma.raw(`"${name}"`);

export async function findBySlug<T>(raw: RawQueries, from: LookupTable, slug: string): Promise<T | null> {
  const rows = await raw.$queryRaw<T[]>(Prisma.sql`SELECT * FROM ${table(from)} WHERE slug = ${slug}`);
  return rows[0] ?? null;
}

/** Loads rows by id in one statement per batch (`columns` fixed in code, the table aliased `t`); missing ids give null. */
export function byIdLoader<T extends { id: string }>(raw: RawQueries, from: LookupTable, columns = "*"): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const found = await raw.$queryRaw<T[]>(Prisma.sql`SELECT ${Prisma.raw(columns)} FROM ${table(from)} t WHERE t.id = ANY(${[...ids]}::text[])`);
    const rows = new Map(found.map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}
