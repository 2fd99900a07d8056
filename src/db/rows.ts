/**
 * Rows as lists read them: every column but the bookkeeping timestamps (createdAt, updatedAt), which
 * no field exposes (and a document's text and annotation, loaded only when asked). Reading them cost JSON text and two Date objects per row of every nested list
 * (the deep query's people and organizations: 12% of its CPU). A whole row (Prisma's, or a lookup's)
 * is one of these too, so code that takes a `PersonRow` takes either.
 */
import type { Document, Event, Organization, Person, Theme } from "../generated/prisma/client.ts";

type Listed<T> = Omit<T, "createdAt" | "updatedAt">;
export type EventRow = Listed<Event>;
export type OrganizationRow = Listed<Organization>;
export type PersonRow = Listed<Person>;
export type ThemeRow = Listed<Theme>;
/** Documents are read without their text and annotation too (both are long, and most reads skip them). */
export type DocumentRow = Omit<Listed<Document>, "text" | "annotation"> & { text?: string; annotation?: string | null };

interface ListedRows {
  Document: Omit<DocumentRow, "text" | "annotation">;
  Event: EventRow;
  Organization: OrganizationRow;
  Person: PersonRow;
  Theme: ThemeRow;
}

export type ListedTable = keyof ListedRows;

/** The columns of each table that lists select; tests/listed-columns.test.ts holds them to the tables. */
export const LISTED_COLUMNS: { [T in keyof ListedRows]: (keyof ListedRows[T])[] } = {
  Document: ["id", "slug", "title", "sourceName", "url", "publishedOn", "dateline", "language", "sourceHash", "derivedFrom"],
  Event: ["id", "slug", "title", "summary", "dateStart", "dateEnd", "datePrecision", "kind", "place"],
  Organization: ["id", "slug", "name", "aliases"],
  Person: ["id", "slug", "name", "aliases", "roles"],
  Theme: ["id", "slug", "name", "description", "aliases", "keywords"],
};

/** `t."id", t."slug", …`: a ListSql `select` for the table's listed columns (aliased `t`). */
export const listedColumns = (table: ListedTable): string => LISTED_COLUMNS[table].map((column) => `t."${String(column)}"`).join(", ");
