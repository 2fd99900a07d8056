/** How the planner reads quotes (src/read/catalogue.ts): Quote's fields, and the quote lists. */
import type { Quote } from "../generated/prisma/client.ts";
import { byName } from "../db/orderings.ts";
import { pageRequest } from "../graphql/types/connection.ts";
import { byKey, connection, embedded, one, tableType, type ReadType } from "../read/catalogue.ts";
import { bySlug, evidenceRead } from "../read/shared.ts";
import { partialDateType } from "../read/sql.ts";
import { byPublication, QuoteOrder, quoteListRequest, type QuoteListArgs } from "./quote.input.ts";
import { quotesBy, versionsOfQuote } from "./quote.loaders.ts";

/** Quotes under a parent, latest first unless orderBy says otherwise (a person's, an organization's). */
export const quotesOf = (parentKey: string) => connection("Quote", quotesBy(parentKey), (args: QuoteListArgs) => quoteListRequest(args, QuoteOrder.LATEST_FIRST));

/** An event's quotes, in document order unless orderBy says otherwise. */
export const quotesOfEvent = connection("Quote", quotesBy(`t."eventId"`), (args: QuoteListArgs) => quoteListRequest(args, QuoteOrder.DOCUMENT_ORDER));

export const quoteRead: ReadType = tableType<Quote>("Quote", "Quote", ["slug", "text", "kind", "utterance"], {
  date: embedded((row) => partialDateType(row, "dateStart", "datePrecision")),
  evidence: embedded(() => evidenceRead),
  speaker: byKey("Person", "speakerId"),
  speakerOrganization: byKey("Organization", "speakerOrganizationId"),
  event: byKey("Event", "eventId"),
  themes: connection("Theme", { from: `"Theme" t JOIN "QuoteTheme" l ON l."themeId" = t.id`, parentKey: `l."quoteId"` }, (args) => pageRequest(args, byName)),
  versions: connection("Quote", versionsOfQuote, (args) => pageRequest(args, byPublication)),
});

/** Query's quote fields. */
export const quoteRoots = {
  quote: one("Quote", bySlug),
  quotes: connection("Quote", quotesBy(), (args: QuoteListArgs) => quoteListRequest(args, QuoteOrder.LATEST_FIRST)),
};
