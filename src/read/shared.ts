/** Declarations several domains' read types share. */
import { Prisma } from "../generated/prisma/client.ts";
import { byKey, column, needsJs, type Args, type OneField, type ReadType } from "./catalogue.ts";

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
