import DataLoader from "dataloader";
import { Prisma, type Document, type Mention } from "../generated/prisma/client.ts";
import { listedColumns, type DocumentRow } from "../db/rows.ts";
import type { RawQueries } from "../db/raw.ts";
import { listLoaders } from "../db/batch.ts";
import type { ListSql } from "../db/list.ts";
import { byIdLoader } from "../db/lookup.ts";

/** Documents as a list, without their text. */
export const documentList: ListSql = { from: `"Document" t`, select: listedColumns("Document") };

/** Documents by slug, without their text, in one statement per batch; a slug no document has gives null. */
function bySlugLoader(raw: RawQueries): DataLoader<string, DocumentRow | null> {
  return new DataLoader(async (slugs) => {
    const found = await raw.$queryRaw<DocumentRow[]>(
      Prisma.sql`SELECT ${Prisma.raw(listedColumns("Document"))} FROM "Document" t WHERE t.slug = ANY(${[...slugs]}::text[])`,
    );
    const rows = new Map(found.map((row) => [row.slug, row]));
    return slugs.map((slug) => rows.get(slug) ?? null);
  });
}

export function createDocumentLoaders(raw: RawQueries) {
  return {
    byId: byIdLoader<DocumentRow>(raw, "Document", listedColumns("Document")),
    /** A reprint's original (Document.derivedFrom names it by slug). */
    bySlug: bySlugLoader(raw),
    /** Whole rows: evidence reads its document and the cited text in one statement. */
    withText: byIdLoader<Document>(raw, "Document"),
    mentionsOfPerson: listLoaders<Mention>(raw, { from: `"Mention" t`, parentKey: `t."personId"` }),
    mentionsOfOrganization: listLoaders<Mention>(raw, { from: `"Mention" t`, parentKey: `t."organizationId"` }),
  };
}
