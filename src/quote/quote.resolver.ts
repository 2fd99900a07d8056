import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { EventRow, OrganizationRow, PersonRow, ThemeRow } from "../db/rows.ts";
import type { Context } from "../context.ts";
import { ConnectionArgs, nestedConnection, pageRequest, rootConnection, toConnection, type ConnectionValue } from "../graphql/types/connection.ts";
import { PartialDate } from "../graphql/types/partial-date.ts";
import { partialDate } from "../partial-date.ts";
import { Evidence, type EvidenceRow } from "../document/evidence.type.ts";
import { Event } from "../event/event.type.ts";
import { byName } from "../db/orderings.ts";
import { ThemeConnection } from "../theme/theme.type.ts";
import { Organization } from "../organization/organization.type.ts";
import { Person } from "../person/person.type.ts";
import { byPublication, QuoteListArgs, QuoteOrder, quoteListRequest } from "./quote.input.ts";
import { allQuotes, type QuoteRow } from "./quote.loaders.ts";
import { Quote, QuoteConnection } from "./quote.type.ts";
import { findBySlug } from "../db/lookup.ts";

type Quotes = Promise<ConnectionValue<QuoteRow>>;
type Themes = Promise<ConnectionValue<ThemeRow>>;

@Resolver(() => Quote)
export class QuoteResolver {
  @Query(() => Quote, { nullable: true, description: "The quote with this slug, or null." })
  quote(@Arg("slug", () => String) slug: string, @Ctx() { raw }: Context): Promise<QuoteRow | null> {
    return findBySlug(raw, "Quote", slug);
  }

  @Query(() => QuoteConnection, { description: "All quotes, latest first unless orderBy says otherwise." })
  quotes(@Args(() => QuoteListArgs) args: QuoteListArgs, @Ctx() { raw }: Context, @Info() info: GraphQLResolveInfo): Quotes {
    return rootConnection(raw, allQuotes, info, () => quoteListRequest(args, QuoteOrder.LATEST_FIRST));
  }

  @FieldResolver(() => PartialDate, { description: "When it was said: its event's date, else its document's publication day." })
  date(@Root() quote: QuoteRow): PartialDate {
    return partialDate(quote.dateStart, quote.datePrecision);
  }

  @FieldResolver(() => Evidence, { description: "Where the source says it." })
  evidence(@Root() quote: QuoteRow): EvidenceRow {
    return quote;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organization that said it (an agency's or a ministry's statement); null when a person speaks (see speaker)." })
  speakerOrganization(@Root() quote: QuoteRow, @Ctx() { loaders }: Context): Promise<OrganizationRow | null> | null {
    return quote.speakerOrganizationId ? loaders.organization.byId.load(quote.speakerOrganizationId) : null;
  }

  @FieldResolver(() => QuoteConnection, {
    description: "The other quotes of the same utterance (its translations and trims in other documents, each with its document under evidence), by the documents' publication day; empty without an utterance.",
  })
  versions(@Root() quote: QuoteRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Quotes {
    const request = () => pageRequest(page, byPublication);
    if (quote.utterance === null) {
      request(); // bad arguments are reported all the same
      return Promise.resolve(toConnection({ rows: [], hasNextPage: false, hasPreviousPage: false, cursorOf: () => "" }, async () => 0));
    }
    return nestedConnection(loaders.quote.versions, quote.id, info, request);
  }
}

@Resolver(() => Quote)
export class QuoteSpeakerResolver {
  @FieldResolver(() => Person, { nullable: true, description: "Who said it; null when an organization speaks (see speakerOrganization)." })
  speaker(@Root() quote: QuoteRow, @Ctx() { loaders }: Context): PersonRow | null | Promise<PersonRow | null> {
    // Null for an organization's statement; loaded by id, batched.
    return quote.speakerId === null ? null : loaders.person.byId.load(quote.speakerId);
  }
}

@Resolver(() => Quote)
export class QuoteThemesResolver {
  @FieldResolver(() => ThemeConnection, { description: "Themes this quote speaks to, in name order." })
  themes(@Root() quote: QuoteRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Themes {
    return nestedConnection(loaders.theme.byQuote, quote.id, info, () => pageRequest(page, byName));
  }
}

@Resolver(() => Quote)
export class QuoteEventResolver {
  @FieldResolver(() => Event, { nullable: true, description: "The event the words were said at, if the source says." })
  event(@Root() quote: QuoteRow, @Ctx() { loaders }: Context): Promise<EventRow | null> | null {
    return quote.eventId ? loaders.event.byId.load(quote.eventId) : null;
  }
}
