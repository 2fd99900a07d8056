/** Filters and orderings of quote lists. */
import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import { Prisma } from "../generated/prisma/client.ts";
import { QuoteKind } from "../generated/prisma/enums.ts";
import type { Ordering } from "../db/list.ts";
import { byDateStart, documentOrder } from "../db/orderings.ts";
import { ConnectionArgs, pageRequest, type Filter } from "../graphql/types/connection.ts";
import { combine, dateRange, linkedTo, type Conditions } from "../read/filters.ts";

export enum QuoteOrder {
  LATEST_FIRST = "LATEST_FIRST",
  EARLIEST_FIRST = "EARLIEST_FIRST",
  DOCUMENT_ORDER = "DOCUMENT_ORDER",
}
registerEnumType(QuoteOrder, {
  name: "QuoteOrder",
  valuesConfig: {
    LATEST_FIRST: { description: "By when it was said (its event's date, else its document's), latest first." },
    EARLIEST_FIRST: { description: "By when it was said, earliest first." },
    DOCUMENT_ORDER: { description: "By document, then position in the text." },
  },
});

export const quoteOrderings: Record<QuoteOrder, Ordering> = {
  LATEST_FIRST: byDateStart("quote", "DESC"),
  EARLIEST_FIRST: byDateStart("quote", "ASC"),
  DOCUMENT_ORDER: documentOrder,
};

/** Versions of an utterance: by their document's publication day, then id (quote.loaders.ts versionsOfQuote). */
export const byPublication: Ordering = {
  name: "quote-publication",
  columns: [{ sql: `d."publishedOn"`, cast: "date", key: "publishedOn" }, { sql: `t.id`, cast: "text", key: "id" }],
  direction: "ASC",
};

@InputType({ description: "Narrows a quote list; all given conditions must hold." })
export class QuoteFilter {
  @Field(() => String, { nullable: true, description: "Slug of the speaker." })
  speaker?: string | null;

  @Field(() => String, { nullable: true, description: "Slug of a theme the quote speaks to." })
  theme?: string | null;

  @Field(() => String, { nullable: true, description: "Slug of the event it was said at." })
  event?: string | null;

  @Field(() => QuoteKind, { nullable: true })
  kind?: QuoteKind | null;

  @Field(() => String, { nullable: true, description: 'Said on or after this date ("2021", "2021-06", "2021-06-23"; overlap of partial dates).' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: "Said up to the end of this date." })
  to?: string | null;
}

@ArgsType()
export class QuoteListArgs extends ConnectionArgs {
  @Field(() => QuoteFilter, { nullable: true })
  filter?: QuoteFilter | null;

  @Field(() => QuoteOrder, { nullable: true, description: "Default: LATEST_FIRST, or DOCUMENT_ORDER under an event." })
  orderBy?: QuoteOrder | null;
}

export function quoteFilter(filter: QuoteFilter | null | undefined): Filter | undefined {
  if (!filter) return undefined;
  const c: Conditions = dateRange(filter.from, filter.to, "filter");
  if (filter.speaker != null) c.push(["speaker", Prisma.sql`t."speakerId" = (SELECT id FROM "Person" WHERE slug = ${filter.speaker})`]);
  if (filter.event != null) c.push(["event", Prisma.sql`t."eventId" = (SELECT id FROM "Event" WHERE slug = ${filter.event})`]);
  if (filter.kind != null) c.push(["kind", Prisma.sql`t.kind = ${filter.kind}::"QuoteKind"`]);
  if (filter.theme != null) c.push(["theme", linkedTo("QuoteTheme", "quoteId", "themeId", "Theme", filter.theme)]);
  return combine(c);
}

/** A page of quotes for a list's arguments; `fallback` orders it when `orderBy` is not given. */
export const quoteListRequest = (args: QuoteListArgs, fallback: QuoteOrder) =>
  pageRequest(args, quoteOrderings[args.orderBy ?? fallback], quoteFilter(args.filter));
