import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { Quote as QuoteRow } from "../generated/prisma/client.ts";
import type { EventRow, OrganizationRow, PersonRow, ThemeRow } from "../db/rows.ts";
import type { Context } from "../context.ts";
import { allEvents } from "./event.loaders.ts";
import type { ListLoaders } from "../db/batch.ts";
import { ConnectionArgs, nestedConnection, pageRequest, rootConnection, type ConnectionValue } from "../graphql/types/connection.ts";
import { PartialDate } from "../graphql/types/partial-date.ts";
import { partialDate } from "../partial-date.ts";
import { documentOrder } from "../db/orderings.ts";
import { EvidenceConnection, type EvidenceRow } from "../document/evidence.type.ts";
import { Organization } from "../organization/organization.type.ts";
import { Person } from "../person/person.type.ts";
import { Quote } from "../quote/quote.type.ts";
import { Theme } from "../theme/theme.type.ts";
import { EventListArgs, eventRequest } from "./event.input.ts";
import { Event, EventConnection, SourceCount } from "./event.type.ts";
import { findBySlug } from "../db/lookup.ts";

type Events = Promise<ConnectionValue<EventRow>>;


/** A parent's events, paged, filtered and ordered as `args` say. */
const eventsOf = (list: ListLoaders<EventRow>, parentId: string, args: EventListArgs, info: GraphQLResolveInfo): Events =>
  nestedConnection(list, parentId, info, () => eventRequest(args));

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

@Resolver(() => Theme)
export class ThemeEventsResolver {
  @FieldResolver(() => EventConnection, { description: "Events carrying this theme." })
  events(@Root() theme: ThemeRow, @Args(() => EventListArgs) args: EventListArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Events {
    return eventsOf(loaders.event.byTheme, theme.id, args, info);
  }
}

@Resolver(() => Person)
export class PersonEventsResolver {
  @FieldResolver(() => EventConnection, { description: "Events this person took part in." })
  events(@Root() person: PersonRow, @Args(() => EventListArgs) args: EventListArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Events {
    return eventsOf(loaders.event.byPerson, person.id, args, info);
  }
}

@Resolver(() => Organization)
export class OrganizationEventsResolver {
  @FieldResolver(() => EventConnection, { description: "Events this organization took part in." })
  events(@Root() org: OrganizationRow, @Args(() => EventListArgs) args: EventListArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Events {
    return eventsOf(loaders.event.byOrganization, org.id, args, info);
  }
}

@Resolver(() => Quote)
export class QuoteEventResolver {
  @FieldResolver(() => Event, { nullable: true, description: "The event the words were said at, if the source says." })
  event(@Root() quote: QuoteRow, @Ctx() { loaders }: Context): Promise<EventRow | null> | null {
    return quote.eventId ? loaders.event.byId.load(quote.eventId) : null;
  }
}
