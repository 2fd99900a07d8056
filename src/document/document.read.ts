/** How the planner reads documents (src/read/catalogue.ts). */
import type { Document } from "../generated/prisma/client.ts";
import { listedColumns } from "../db/rows.ts";
import { latestPublished } from "../db/orderings.ts";
import { pageRequest } from "../graphql/types/connection.ts";
import { column, connection, needsJs, one, tableType, value, type ReadType } from "../read/catalogue.ts";
import { bySlug } from "../read/shared.ts";
import { claimsOfDocumentRead } from "../claims/claims.read.ts";

export const documentRead: ReadType = tableType<Document>("Document", "Document", ["slug", "title", "sourceName", "url", "dateline", "language"], {
  publishedOn: value((row) => `to_char(${row}."publishedOn", 'YYYY-MM-DD')`),
  // Lists read documents without their text (it is long, and rarely asked): fetched when asked.
  text: value((row) => `(SELECT x.text FROM "Document" x WHERE x.id = ${row}.id)`),
  annotation: value((row) => `(SELECT x.annotation FROM "Document" x WHERE x.id = ${row}.id)`),
  claims: claimsOfDocumentRead,
  derivedFrom: one("Document", (target, row) => `${target}.slug = ${row}."derivedFrom"`),
  derivedFromSlug: column<Document>("derivedFrom"),
  paragraphs: needsJs("paragraphs are split in JavaScript (src/paragraphs.ts)", ["id"]),
});

/** Query's document fields. */
export const documentRoots = {
  document: one("Document", bySlug),
  documents: connection("Document", { from: `"Document" t`, select: listedColumns("Document") }, (args) => pageRequest(args, latestPublished)),
};
