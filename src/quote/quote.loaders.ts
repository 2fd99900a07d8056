import type { Person, PrismaClient, Quote } from "../generated/prisma/client.ts";
import type { RawQueries } from "../db/raw.ts";
import { listLoaders } from "../db/batch.ts";
import { byIdLoader } from "../db/lookup.ts";
import type { ListSql } from "../db/list.ts";

/** A quote row that carries its speaker, so listing quotes with speakers is one statement. */
export type QuoteRow = Quote & { speakerRow?: Person };

/**
 * Quotes joined with their speaker (to-one: folded into the list's statement). Lists select what
 * the API reads, not the bookkeeping timestamps: parsing those was a measurable share of a list's CPU.
 */
export const quotesWithSpeaker = (parentKey?: string): ListSql => ({
  from: `"Quote" t JOIN "Person" s ON s.id = t."speakerId"`,
  parentKey,
  select: `t.id, t.slug, t.text, t.kind, t."speakerId", t."eventId", t."documentId", t.paragraph, t.start, t."end",
    t."dateStart", t."dateEnd", t."datePrecision",
    json_build_object('id', s.id, 'slug', s.slug, 'name', s.name, 'aliases', s.aliases, 'roles', s.roles) AS "speakerRow"`,
});

export const quotesOfEvent = quotesWithSpeaker(`t."eventId"`);

export function createQuoteLoaders(prisma: PrismaClient, raw: RawQueries) {
  return {
    byId: byIdLoader<Quote>(raw, "Quote"),
    byEvent: listLoaders<QuoteRow>(raw, quotesOfEvent),
    bySpeaker: listLoaders<QuoteRow>(raw, quotesWithSpeaker(`t."speakerId"`)),
  };
}
