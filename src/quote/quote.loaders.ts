import type { Person, Quote } from "../generated/prisma/client.ts";
import type { RawQueries } from "../db/raw.ts";
import { listLoaders } from "../db/batch.ts";
import { byIdLoader } from "../db/lookup.ts";
import type { ListSql } from "../db/list.ts";
import { ALL_QUOTE_COLUMNS } from "./quote.columns.ts";

/** A quote row that carries its speaker, so listing quotes with speakers is one statement. */
export type QuoteRow = Quote & { speakerRow?: Person };

/**
 * Quotes joined with their speaker (to-one: folded into the list's statement). Lists select what
 * the API reads, not the bookkeeping timestamps: parsing those was a measurable share of a list's CPU.
 */
const quotesWithSpeaker = (parentKey?: string): ListSql => ({
  from: `"Quote" t JOIN "Person" s ON s.id = t."speakerId"`,
  parentKey,
  // Requests usually narrow this to what the query reads (quote.columns.ts).
  select: ALL_QUOTE_COLUMNS,
});

export const allQuotes = quotesWithSpeaker();
export const quotesOfEvent = quotesWithSpeaker(`t."eventId"`);
const quotesOfSpeaker = quotesWithSpeaker(`t."speakerId"`);

export function createQuoteLoaders(raw: RawQueries) {
  return {
    byId: byIdLoader<Quote>(raw, "Quote"),
    byEvent: listLoaders<QuoteRow>(raw, quotesOfEvent),
    bySpeaker: listLoaders<QuoteRow>(raw, quotesOfSpeaker),
  };
}
