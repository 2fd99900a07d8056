import type { Person, Quote } from "../generated/prisma/client.ts";
import type { RawQueries } from "../db/raw.ts";
import { listLoaders } from "../db/batch.ts";
import { byIdLoader } from "../db/lookup.ts";
import type { ListSql } from "../db/list.ts";
import { ALL_QUOTE_COLUMNS } from "./quote.columns.ts";

/**
 * A quote row that carries its speaker, so listing quotes with speakers is one statement; the
 * speaker is null when an organization speaks. Versions also carry their document's publication day.
 */
export type QuoteRow = Quote & { speakerRow?: Person | null; publishedOn?: Date };

/**
 * Quotes joined with their speaker (to-one: folded into the list's statement). A LEFT JOIN: an
 * organization's statement has no person (its speakerRow is null), and a query that reads nothing
 * of the speaker lets PostgreSQL drop the join. Lists select what the API reads, not the bookkeeping
 * timestamps: parsing those was a measurable share of a list's CPU.
 */
const quotesWithSpeaker = (parentKey?: string): ListSql => ({
  from: `"Quote" t LEFT JOIN "Person" s ON s.id = t."speakerId"`,
  parentKey,
  // Requests usually narrow this to what the query reads (quote.columns.ts).
  select: ALL_QUOTE_COLUMNS,
});

export const allQuotes = quotesWithSpeaker();
export const quotesOfEvent = quotesWithSpeaker(`t."eventId"`);
const quotesOfSpeaker = quotesWithSpeaker(`t."speakerId"`);
const quotesOfOrganization = quotesWithSpeaker(`t."speakerOrganizationId"`);

/**
 * The other quotes of the utterance of quote `v` (versions: translations, trims), with the
 * publication day of their documents, which orders them (quote.input.ts byPublication). A quote
 * without an utterance has none.
 */
const versionsOfQuote: ListSql = {
  from: `"Quote" v JOIN "Quote" t ON t.utterance = v.utterance AND t.id <> v.id
    JOIN "Document" d ON d.id = t."documentId" LEFT JOIN "Person" s ON s.id = t."speakerId"`,
  parentKey: `v.id`,
  select: `${ALL_QUOTE_COLUMNS}, d."publishedOn"`,
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
