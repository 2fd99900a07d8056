/** Declarations several domains' read types share. */
import { Prisma } from "../generated/prisma/client.ts";
import { coOccurring } from "../db/co-occurrence.ts";
import { documentOrder, mostSharedFirst } from "../db/orderings.ts";
import type { ListedTable } from "../db/rows.ts";
import { pageRequest } from "../graphql/types/connection.ts";
import { byKey, column, connection, embedded, needsJs, type Args, type OneField, type ReadType } from "./catalogue.ts";

/** A root lookup's condition: the row whose slug is the `slug` argument. */
export const bySlug: OneField["where"] = (target: string, _row: string, args: Args) => Prisma.sql`${Prisma.raw(`${target}.slug`)} = ${args.slug as string}`;

/**
 * Evidence, read from the row that anchors a fact (a quote, an event's evidence, a mention): its
 * document and span. The cited text is a slice in UTF-16 code units, which PostgreSQL does not count in.
 */
export const evidenceRead: ReadType = {
  name: "Evidence",
  fields: {
    document: byKey("Document", "documentId"),
    paragraph: column<{ paragraph: number }>("paragraph"),
    start: column<{ start: number }>("start"),
    end: column<{ end: number }>("end"),
    text: needsJs("offsets count UTF-16 code units", ["documentId", "start", "end"]),
  },
};

/** Where documents name a person or an organization (Mention rows), in document order. */
export const mentionsOf = (key: "personId" | "organizationId") =>
  connection("Evidence", { from: `"Mention" t`, parentKey: `t."${key}"` }, (args) => pageRequest(args, documentOrder));

/** Rows of `table` sharing events with the parent through `link` (db/co-occurrence.ts), most shared first, as `item`s. */
export const sharingEvents = (item: string, link: string, key: string, table: ListedTable) =>
  connection(item, coOccurring(link, key, table), (args) => pageRequest(args, mostSharedFirst));

/** A co-occurrence item: the other object (the row holds its columns) as `field`, and the events shared. */
export const withSharedEvents = (name: string, field: string, read: () => ReadType): ReadType => ({
  name,
  fields: { [field]: embedded(read), sharedEvents: column<{ sharedEvents: number }>("sharedEvents") },
});
