/** How the planner reads claims (src/read/catalogue.ts): a subject's `claims`, and Claim's fields. */
import type { Claim } from "../generated/prisma/client.ts";
import type { ClaimProperty, ClaimSubject } from "../generated/prisma/enums.ts";
import { pageRequest, type ConnectionArgs } from "../graphql/types/connection.ts";
import { partialDateSql } from "../partial-date.ts";
import { byKey, column, connection, derived, embedded, value, type ReadType } from "../read/catalogue.ts";
import { evidenceRead } from "../read/shared.ts";
import { aboutSubject, claimFilter, claimOrder, claimsOf, claimsOfDocument, claimSubjectOrder, TABLES } from "./claims.loaders.ts";
import { SINGLE_VALUED } from "./derive.ts";

/** A subject's claims (by property, then id), narrowed to one property when `property` is given. */
export const claimsAbout = (subject: ClaimSubject) =>
  connection("Claim", claimsOf(subject), (args: ConnectionArgs & { property?: ClaimProperty | null }) => pageRequest(args, claimOrder, claimFilter(null, args.property)));

/** A document's claims (by subject, slug, property), narrowed by `subject` and `property`. */
export const claimsOfDocumentRead = connection("Claim", claimsOfDocument, (args: ConnectionArgs & { subject?: ClaimSubject | null; property?: ClaimProperty | null }) =>
  pageRequest(args, claimSubjectOrder, claimFilter(args.subject, args.property)));

/** A partial date's first and last day in SQL, from its ISO text (a DATE claim's value). */
const PARTIAL_DATE = /* the shapes parsePartialDate takes */ `'^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'`;
const startOf = (iso: string) => `(${iso} || substr('-01-01', length(${iso}) - 3))::date`;
const precisionOf = (iso: string) => `(CASE length(${iso}) WHEN 4 THEN 'YEAR' WHEN 7 THEN 'MONTH' ELSE 'DAY' END)`;
const endOf = (iso: string) => `to_date(${partialDateSql(startOf(iso), precisionOf(iso)).end}, 'YYYY-MM-DD')`;
/** One partial date lies within the other (2023 and 2023-02 agree); a value that is no date agrees with nothing. */
const nested = (a: string, b: string) => `(CASE WHEN ${a} ~ ${PARTIAL_DATE} AND ${b} ~ ${PARTIAL_DATE} THEN
  (${startOf(a)} >= ${startOf(b)} AND ${endOf(a)} <= ${endOf(b)}) OR (${startOf(b)} >= ${startOf(a)} AND ${endOf(b)} <= ${endOf(a)}) ELSE false END)`;

/** What the subject's row shows for each single-valued property it has (the column, or its date's ISO form). */
const SHOWN: Record<string, (row: string) => string> = {
  NAME: (row) => `${row}.name`, TITLE: (row) => `${row}.title`, SUMMARY: (row) => `${row}.summary`, KIND: (row) => `${row}.kind`,
  PLACE: (row) => `${row}.place`, DESCRIPTION: (row) => `${row}.description`,
  DATE: (row) => partialDateSql(`${row}."dateStart"`, `${row}."datePrecision"`).iso,
};

/**
 * A subject's conflicts (claims/claims.resolver.ts says the same in JavaScript): per single-valued
 * property, the distinct values documents claim, when there are several; for DATE only the values
 * that do not lie within another's span (2023 and 2023-02 agree), when several remain. `shown`
 * are the properties the subject's table has.
 */
export const conflictsOf = (subject: ClaimSubject, shown: readonly string[]) =>
  derived("ClaimConflict", true, (row) => {
    const shownSql = `CASE g.property::text ${shown.map((p) => `WHEN '${p}' THEN ${SHOWN[p]!(row)}`).join(" ")} END`;
    return `SELECT g.property, c.values, coalesce((${shownSql})::text, '') AS shown, g.property AS _o FROM (
      SELECT t.property, array_agg(DISTINCT t.value ORDER BY t.value) AS all_values
      FROM "Claim" t JOIN "${TABLES[subject]}" p ON ${aboutSubject(subject)}
      WHERE p.id = ${row}.id AND t.property::text IN (${[...SINGLE_VALUED].map((v) => `'${v}'`).join(", ")}) AND t."documentId" IS NOT NULL
      GROUP BY t.property HAVING count(DISTINCT t.value) > 1) g
    CROSS JOIN LATERAL (SELECT array_agg(v ORDER BY v) AS values FROM unnest(g.all_values) v
      WHERE g.property::text <> 'DATE' OR EXISTS (SELECT 1 FROM unnest(g.all_values) w WHERE NOT ${nested("v", "w")})) c
    WHERE cardinality(c.values) > 1`;
  });

export const claimConflictRead: ReadType = {
  name: "ClaimConflict",
  fields: { property: column<{ property: string }>("property"), values: column<{ values: string[] }>("values"), shown: column<{ shown: string }>("shown") },
};

/** A DATE claim's value ("2024", "2024-03", "2024-03-04") as its first day and precision. */
function claimDate(row: string): ReadType {
  const v = `${row}.value`;
  const parts = partialDateSql(`(${v} || substr('-01-01', length(${v}) - 3))::date`, `(CASE length(${v}) WHEN 4 THEN 'YEAR' WHEN 7 THEN 'MONTH' ELSE 'DAY' END)`);
  return { name: "PartialDate", fields: Object.fromEntries(Object.entries(parts).map(([name, sql]) => [name, value(() => sql)])) };
}

export const claimRead: ReadType = {
  name: "Claim",
  table: "Claim",
  fields: {
    id: column<Claim>("id"),
    subject: column<Claim>("subject"),
    slug: column<Claim>("slug"),
    property: column<Claim>("property"),
    value: column<Claim>("value"),
    curator: column<Claim>("curator"),
    reason: column<Claim>("reason"),
    denied: column<Claim>("denied"),
    // Values of DATE claims are checked partial dates (ingest/dates.ts, the curators' input).
    date: embedded(claimDate, (row) => `${row}.property = 'DATE' AND ${row}.value ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'`),
    written: value((row) => `CASE WHEN ${row}.property = 'DATE' THEN ${row}.note END`),
    role: value((row) => `CASE WHEN ${row}.property = 'AFFILIATION' THEN ${row}.note END`),
    document: byKey("Document", "documentId"),
    passage: embedded(() => evidenceRead, (row) => `${row}."documentId" IS NOT NULL AND ${row}.paragraph IS NOT NULL AND ${row}.start IS NOT NULL AND ${row}."end" IS NOT NULL`),
  },
};
