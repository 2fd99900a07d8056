/**
 * Claims as lists under their subject (an event's, a person's...): the claims made about its slug
 * and about every slug merged into it, whoever made them.
 */
import DataLoader from "dataloader";
import { Prisma } from "../generated/prisma/client.ts";
import type { ClaimProperty, ClaimSubject } from "../generated/prisma/enums.ts";
import { listLoaders } from "../db/batch.ts";
import type { ListSql, Ordering } from "../db/list.ts";
import type { RawQueries } from "../db/raw.ts";
import { SINGLE_VALUED } from "./derive.ts";

export interface ClaimRow {
  id: string;
  documentId: string | null;
  curator: string | null;
  reason: string | null;
  property: ClaimProperty;
  value: string;
  note: string | null;
  paragraph: number | null;
  start: number | null;
  end: number | null;
  denied: boolean;
}

export const TABLES: Record<ClaimSubject, string> = { EVENT: "Event", PERSON: "Person", ORGANIZATION: "Organization", THEME: "Theme" };

/** Claims about the subject `p` (its slug, or a slug a curator merged into it). */
export const aboutSubject = (subject: ClaimSubject) =>
  `t.subject = '${subject}' AND (t.slug = p.slug OR t.slug IN (SELECT r.slug FROM "Redirect" r WHERE r.subject = '${subject}' AND r.target = p.slug))`;

export const claimsOf = (subject: ClaimSubject): ListSql => ({
  from: `"Claim" t JOIN "${TABLES[subject]}" p ON ${aboutSubject(subject)}`,
  parentKey: `p.id`,
  select: `t.id, t."documentId", t.curator, t.reason, t.property, t.value, t.note, t.paragraph, t.start, t."end", t.denied`,
});

/** By property (alphabetically), then id. */
export const claimOrder: Ordering = {
  name: "claim-property",
  columns: [{ sql: `t.property::text`, cast: "text", key: "property" }, { sql: `t.id`, cast: "text", key: "id" }],
  direction: "ASC",
};

export interface ConflictRow {
  parent: string;
  property: ClaimProperty;
  values: string[];
}

/**
 * The distinct values claimed for each single-valued property of each subject, where there is more
 * than one (one statement per batch; bounded by the distinct values, not by the claims).
 */
function conflictLoader(raw: RawQueries, subject: ClaimSubject) {
  return new DataLoader<string, ConflictRow[]>(async (ids) => {
    const rows = await raw.$queryRaw<ConflictRow[]>(Prisma.sql`
      SELECT p.id AS parent, t.property, array_agg(DISTINCT t.value ORDER BY t.value) AS values
      FROM "Claim" t JOIN ${Prisma.raw(`"${TABLES[subject]}"`)} p ON ${Prisma.raw(aboutSubject(subject))}
      WHERE p.id IN (${Prisma.join([...ids])}) AND t.property::text IN (${Prisma.join([...SINGLE_VALUED])}) AND t."documentId" IS NOT NULL
      GROUP BY p.id, t.property HAVING count(DISTINCT t.value) > 1 ORDER BY p.id, t.property`);
    return ids.map((id) => rows.filter((r) => r.parent === id));
  });
}

export function createClaimLoaders(raw: RawQueries) {
  const per = <T>(make: (subject: ClaimSubject) => T) => ({ EVENT: make("EVENT"), PERSON: make("PERSON"), ORGANIZATION: make("ORGANIZATION"), THEME: make("THEME") });
  return {
    claims: per((subject) => listLoaders<ClaimRow>(raw, claimsOf(subject))),
    conflicts: per((subject) => conflictLoader(raw, subject)),
  };
}
