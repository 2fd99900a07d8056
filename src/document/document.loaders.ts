import type { Document, Mention } from "../generated/prisma/client.ts";
import type { RawQueries } from "../db/raw.ts";
import { listLoaders } from "../db/batch.ts";
import type { ListSql } from "../db/list.ts";
import { byIdLoader } from "../db/lookup.ts";

/** A document without its text: texts are long, and most reads (search hits, lists) skip them. */
export type DocumentRow = Omit<Document, "text"> & { text?: string };
const WITHOUT_TEXT = `id, slug, title, "sourceName", url, "publishedOn", dateline, language, "createdAt", "updatedAt"`;

/** Documents as a list, without their text. */
export const documentList: ListSql = { from: `"Document" t`, select: WITHOUT_TEXT.replace(/(^|, )/g, "$1t.") };

export function createDocumentLoaders(raw: RawQueries) {
  return {
    byId: byIdLoader<DocumentRow>(raw, "Document", WITHOUT_TEXT),
    /** Whole rows: evidence reads its document and the cited text in one statement. */
    withText: byIdLoader<Document>(raw, "Document"),
    mentionsOfPerson: listLoaders<Mention>(raw, { from: `"Mention" t`, parentKey: `t."personId"` }),
    mentionsOfOrganization: listLoaders<Mention>(raw, { from: `"Mention" t`, parentKey: `t."organizationId"` }),
  };
}
