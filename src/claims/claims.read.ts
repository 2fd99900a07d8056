/** How the planner reads claims (src/read/catalogue.ts): a subject's `claims`, and Claim's fields. */
import { Prisma, type Claim } from "../generated/prisma/client.ts";
import type { ClaimProperty, ClaimSubject } from "../generated/prisma/enums.ts";
import { pageRequest, type ConnectionArgs } from "../graphql/types/connection.ts";
import { partialDateSql } from "../partial-date.ts";
import { byKey, column, connection, embedded, value, type ReadType } from "../read/catalogue.ts";
import { evidenceRead } from "../read/shared.ts";
import { claimOrder, claimsOf } from "./claims.loaders.ts";

/** A subject's claims (by property, then id), narrowed to one property when `property` is given. */
export const claimsAbout = (subject: ClaimSubject) =>
  connection("Claim", claimsOf(subject), (args: ConnectionArgs & { property?: ClaimProperty | null }) =>
    pageRequest(args, claimOrder, args.property ? { where: Prisma.sql`t.property::text = ${args.property}`, key: `property=${args.property}` } : undefined));

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
