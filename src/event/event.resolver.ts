import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { EventRow, OrganizationRow, PersonRow, ThemeRow } from "../db/rows.ts";
import type { QuoteRow } from "../quote/quote.loaders.ts";
import type { Context } from "../context.ts";
import { allEvents } from "./event.loaders.ts";
import { ConnectionArgs, nestedConnection, pageRequest, rootConnection, type ConnectionValue } from "../graphql/types/connection.ts";
import { PartialDate } from "../graphql/types/partial-date.ts";
import { partialDate } from "../partial-date.ts";
import { byName, documentOrder } from "../db/orderings.ts";
import { EvidenceConnection, type EvidenceRow } from "../document/evidence.type.ts";
import { OrganizationConnection } from "../organization/organization.type.ts";
import { PersonConnection } from "../person/person.type.ts";
import { QuoteListArgs, QuoteOrder, quoteListRequest } from "../quote/quote.input.ts";
import { QuoteConnection } from "../quote/quote.type.ts";
import { ThemeConnection } from "../theme/theme.type.ts";
import { EventListArgs, eventRequest } from "./event.input.ts";
import { Event, EventConnection, SourceCount } from "./event.type.ts";
import { findBySlug } from "../db/lookup.ts";

type Events = Promise<ConnectionValue<EventRow>>;
type Quotes = Promise<ConnectionValue<QuoteRow>>;
type Themes = Promise<ConnectionValue<ThemeRow>>;


@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { nullable: true, description: "The event with this slug, or null." })
  event(@Arg("slug", () => String) slug: string, @Ctx() { raw }: Context): Promise<EventRow | null> {
    return findBySlug(raw, "Event", slug);
  }

  @Query(() => EventConnection, { description: "All events, latest first unless orderBy says otherwise." })
  events(@Args(() => EventListArgs) args: EventListArgs, @Ctx() { raw }: Context, @Info() info: GraphQLResolveInfo): Events {
    return rootConnection(raw, allEvents, info, () => eventRequest(args));
  }

  @FieldResolver(() => PartialDate, { description: "When it happened, exactly as precise as the source." })
  date(@Root() event: EventRow): PartialDate {
    return partialDate(event.dateStart, event.datePrecision);
  }

  @FieldResolver(() => EvidenceConnection, { description: "The passages that report this event, in document order." })
  evidence(@Root() event: EventRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<EvidenceRow>> {
    return nestedConnection(loaders.event.evidence, event.id, info, () => pageRequest(page, documentOrder));
  }

  @FieldResolver(() => SourceCount, { description: "How many documents report this event, and how many independent sources they are (reprints count as their original)." })
  sources(@Root() event: EventRow, @Ctx() { loaders }: Context): Promise<SourceCount> {
    return loaders.event.sources.load(event.id);
  }
}

@Resolver(() => Event)
export class EventQuotesResolver {
  @FieldResolver(() => QuoteConnection, { description: "What was said at this event, in document order unless orderBy says otherwise." })
  quotes(@Root() event: EventRow, @Args(() => QuoteListArgs) args: QuoteListArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Quotes {
    return nestedConnection(loaders.quote.byEvent, event.id, info, () => quoteListRequest(args, QuoteOrder.DOCUMENT_ORDER));
  }
}

@Resolver(() => Event)
export class EventPeopleResolver {
  @FieldResolver(() => PersonConnection, { description: "People who took part, in name order." })
  people(@Root() event: EventRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<PersonRow>> {
    return nestedConnection(loaders.person.byEvent, event.id, info, () => pageRequest(page, byName));
  }
}

@Resolver(() => Event)
export class EventOrganizationsResolver {
  @FieldResolver(() => OrganizationConnection, { description: "Organizations involved, in name order." })
  organizations(@Root() event: EventRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<OrganizationRow>> {
    return nestedConnection(loaders.organization.byEvent, event.id, info, () => pageRequest(page, byName));
  }
}

@Resolver(() => Event)
export class EventThemesResolver {
  @FieldResolver(() => ThemeConnection, { description: "Themes this event carries, in name order." })
  themes(@Root() event: EventRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Themes {
    return nestedConnection(loaders.theme.byEvent, event.id, info, () => pageRequest(page, byName));
  }
}
