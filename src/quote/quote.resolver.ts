import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { EventRow, OrganizationRow, PersonRow } from "../db/rows.ts";
import type { Context } from "../context.ts";
import { ConnectionArgs, nestedConnection, pageRequest, rootConnection, toConnection, type ConnectionValue } from "../graphql/types/connection.ts";
import { PartialDate } from "../graphql/types/partial-date.ts";
import { partialDate } from "../partial-date.ts";
import { Evidence, type EvidenceRow } from "../document/evidence.type.ts";
import { Event } from "../event/event.type.ts";
import { Organization } from "../organization/organization.type.ts";
import { Person } from "../person/person.type.ts";
import { byPublication, QuoteListArgs, QuoteOrder, quoteListRequest } from "./quote.input.ts";
import { allQuotes, type QuoteRow } from "./quote.loaders.ts";
import { Quote, QuoteConnection } from "./quote.type.ts";
import { findBySlug } from "../db/lookup.ts";

type Quotes = Promise<ConnectionValue<QuoteRow>>;

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

@Resolver(() => Event)
export class EventQuotesResolver {
  @FieldResolver(() => QuoteConnection, { description: "What was said at this event, in document order unless orderBy says otherwise." })
  quotes(@Root() event: EventRow, @Args(() => QuoteListArgs) args: QuoteListArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Quotes {
    return nestedConnection(loaders.quote.byEvent, event.id, info, () => quoteListRequest(args, QuoteOrder.DOCUMENT_ORDER));
  }
}

@Resolver(() => Person)
export class PersonQuotesResolver {
  @FieldResolver(() => QuoteConnection, { description: "What this person said, latest first unless orderBy says otherwise." })
  quotes(@Root() person: PersonRow, @Args(() => QuoteListArgs) args: QuoteListArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Quotes {
    return nestedConnection(loaders.quote.bySpeaker, person.id, info, () => quoteListRequest(args, QuoteOrder.LATEST_FIRST));
  }
}

@Resolver(() => Organization)
export class OrganizationQuotesResolver {
  @FieldResolver(() => QuoteConnection, { description: "What this organization said (its statements), latest first unless orderBy says otherwise." })
  quotes(@Root() org: OrganizationRow, @Args(() => QuoteListArgs) args: QuoteListArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Quotes {
    return nestedConnection(loaders.quote.byOrganization, org.id, info, () => quoteListRequest(args, QuoteOrder.LATEST_FIRST));
  }
}
