import type { Quote } from "../generated/prisma/client.ts";
import type { RawQueries } from "../db/raw.ts";
import { listLoaders } from "../db/batch.ts";
import { byIdLoader } from "../db/lookup.ts";
import type { ListSql } from "../db/list.ts";

/** A quote row; versions also carry their document's publication day (their order). */
export type QuoteRow = Quote & { publishedOn?: Date };

/** Quotes, under a parent when `parentKey` says which column holds it. */
export const quotesBy = (parentKey?: string): ListSql => ({ from: `"Quote" t`, parentKey });

export const allQuotes = quotesBy();
export const quotesOfEvent = quotesBy(`t."eventId"`);
const quotesOfSpeaker = quotesBy(`t."speakerId"`);
const quotesOfOrganization = quotesBy(`t."speakerOrganizationId"`);

/**
 * The other quotes of the utterance of quote `v` (versions: translations, trims), with the
 * publication day of their documents, which orders them (quote.input.ts byPublication). A quote
 * without an utterance has none.
 */
export const versionsOfQuote: ListSql = {
  from: `"Quote" v JOIN "Quote" t ON t.utterance = v.utterance AND t.id <> v.id
    JOIN "Document" d ON d.id = t."documentId"`,
  parentKey: `v.id`,
  select: `t.*, d."publishedOn"`,
};

export function createQuoteLoaders(raw: RawQueries) {
  return {
    byId: byIdLoader<Quote>(raw, "Quote"),
    byEvent: listLoaders<QuoteRow>(raw, quotesOfEvent),
    bySpeaker: listLoaders<QuoteRow>(raw, quotesOfSpeaker),
    byOrganization: listLoaders<QuoteRow>(raw, quotesOfOrganization),
    versions: listLoaders<QuoteRow>(raw, versionsOfQuote),
  };
}
