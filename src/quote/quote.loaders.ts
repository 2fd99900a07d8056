import type { Person, PrismaClient, Quote } from "../generated/prisma/client.ts";
import type { RawQueries } from "../db/raw.ts";
import { byIdLoader, listLoaders } from "../db/batch.ts";
import type { ListSql } from "../db/list.ts";

/** A quote row that carries its speaker, so listing quotes with speakers is one statement. */
export type QuoteRow = Quote & { speakerRow?: Person };

/** Quotes joined with their speaker (to-one: folded into the list's statement). */
export const quotesWithSpeaker = (parentKey?: string): ListSql => ({
  from: `"Quote" t JOIN "Person" s ON s.id = t."speakerId"`,
  parentKey,
  select: `t.*, to_jsonb(s) AS "speakerRow"`,
});

export const quotesOfEvent = quotesWithSpeaker(`t."eventId"`);

export function createQuoteLoaders(prisma: PrismaClient, raw: RawQueries) {
  return {
    byId: byIdLoader((ids) => prisma.quote.findMany({ where: { id: { in: ids } } })),
    byEvent: listLoaders<QuoteRow>(raw, quotesOfEvent),
    bySpeaker: listLoaders<QuoteRow>(raw, quotesWithSpeaker(`t."speakerId"`)),
  };
}
