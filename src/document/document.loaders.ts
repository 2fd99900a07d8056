import type { Document, Mention } from "../generated/prisma/client.ts";
import { listedColumns, type DocumentRow } from "../db/rows.ts";
import type { RawQueries } from "../db/raw.ts";
import { listLoaders } from "../db/batch.ts";
import type { ListSql } from "../db/list.ts";
import { byIdLoader } from "../db/lookup.ts";

/** Documents as a list, without their text. */
export const documentList: ListSql = { from: `"Document" t`, select: listedColumns("Document") };

export function createDocumentLoaders(raw: RawQueries) {
  return {
    byId: byIdLoader<DocumentRow>(raw, "Document", listedColumns("Document")),
    /** Whole rows: evidence reads its document and the cited text in one statement. */
    withText: byIdLoader<Document>(raw, "Document"),
    mentionsOfPerson: listLoaders<Mention>(raw, { from: `"Mention" t`, parentKey: `t."personId"` }),
    mentionsOfOrganization: listLoaders<Mention>(raw, { from: `"Mention" t`, parentKey: `t."organizationId"` }),
  };
}
