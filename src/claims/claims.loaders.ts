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
  subject: ClaimSubject;
  slug: string;
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

const CLAIM_COLUMNS = `t.id, t."documentId", t.subject, t.slug, t.curator, t.reason, t.property, t.value, t.note, t.paragraph, t.start, t."end", t.denied`;

export const claimsOf = (subject: ClaimSubject): ListSql => ({
  from: `"Claim" t JOIN "${TABLES[subject]}" p ON ${aboutSubject(subject)}`,
  parentKey: `p.id`,
  select: CLAIM_COLUMNS,
});

/** The claims a document makes, about whatever subject: what removing or replacing it takes back. */
export const claimsOfDocument: ListSql = { from: `"Claim" t`, parentKey: `t."documentId"`, select: CLAIM_COLUMNS };

/** By property (alphabetically), then id. */
export const claimOrder: Ordering = {
  name: "claim-property",
  columns: [{ sql: `t.property::text`, cast: "text", key: "property" }, { sql: `t.id`, cast: "text", key: "id" }],
  direction: "ASC",
};

/** By subject, its slug, property, then id: a document's claims grouped as its annotation groups them. */
export const claimSubjectOrder: Ordering = {
  name: "claim-subject",
  columns: [
    { sql: `t.subject::text`, cast: "text", key: "subject" },
    { sql: `t.slug`, cast: "text", key: "slug" },
    { sql: `t.property::text`, cast: "text", key: "property" },
    { sql: `t.id`, cast: "text", key: "id" },
  ],
  direction: "ASC",
};

/** Narrows a claim list to a subject and/or a property. */
export function claimFilter(subject?: ClaimSubject | null, property?: ClaimProperty | null) {
  const parts = [...(subject ? [Prisma.sql`t.subject::text = ${subject}`] : []), ...(property ? [Prisma.sql`t.property::text = ${property}`] : [])];
  if (!parts.length) return undefined;
  return { where: Prisma.join(parts, " AND "), key: [subject && `subject=${subject}`, property && `property=${property}`].filter(Boolean).join("&") };
}

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
    ofDocument: listLoaders<ClaimRow>(raw, claimsOfDocument),
    conflicts: per((subject) => conflictLoader(raw, subject)),
  };
}
