import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, Info } from "type-graphql";
import type { EventRow, PersonRow } from "../db/rows.ts";
import { EventListArgs, eventRequest } from "../event/event.input.ts";
import { EventConnection } from "../event/event.type.ts";
import { AffiliationConnection } from "../organization/affiliation.type.ts";
import type { AffiliationRow } from "../organization/organization.loaders.ts";
import { QuoteListArgs, QuoteOrder, quoteListRequest } from "../quote/quote.input.ts";
import { QuoteConnection } from "../quote/quote.type.ts";
import type { Context } from "../context.ts";
import type { WithShared } from "../db/co-occurrence.ts";
import { byName, documentOrder, mostSharedFirst } from "../db/orderings.ts";
import { ConnectionArgs, nestedConnection, pageRequest, rootConnection, type ConnectionValue } from "../graphql/types/connection.ts";
import type { QuoteRow } from "../quote/quote.loaders.ts";
import { EvidenceConnection, type EvidenceRow } from "../document/evidence.type.ts";
import { NamedListArgs, namedListRequest } from "./person.input.ts";
import { allPeople } from "./person.loaders.ts";
import { CoSpeaker, CoSpeakerConnection, Person, PersonConnection } from "./person.type.ts";
import { findBySlug } from "../db/lookup.ts";

type Events = Promise<ConnectionValue<EventRow>>;
type Quotes = Promise<ConnectionValue<QuoteRow>>;
type Affiliations = Promise<ConnectionValue<AffiliationRow>>;

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: "The person with this slug, or null." })
  person(@Arg("slug", () => String) slug: string, @Ctx() { raw }: Context): Promise<PersonRow | null> {
    return findBySlug(raw, "Person", slug);
  }

  @Query(() => PersonConnection, { description: "People in name order." })
  people(@Args(() => NamedListArgs) args: NamedListArgs, @Ctx() { raw }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<PersonRow>> {
    return rootConnection(raw, allPeople, info, () => namedListRequest(args));
  }

  @FieldResolver(() => EvidenceConnection, { description: "Where documents name this person (by name or alias), in document order." })
  mentions(@Root() person: PersonRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<EvidenceRow>> {
    return nestedConnection(loaders.document.mentionsOfPerson, person.id, info, () => pageRequest(page, documentOrder));
  }

  @FieldResolver(() => CoSpeakerConnection, { description: "People quoted at the same events, most shared first." })
  coSpeakers(@Root() person: PersonRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<WithShared<PersonRow>>> {
    return nestedConnection(loaders.person.coSpeakers, person.id, info, () => pageRequest(page, mostSharedFirst));
  }
}

@Resolver(() => CoSpeaker)
export class CoSpeakerResolver {
  @FieldResolver(() => Person)
  person(@Root() row: WithShared<PersonRow>): PersonRow {
    return row;
  }
}

@Resolver(() => Person)
export class PersonQuotesResolver {
  @FieldResolver(() => QuoteConnection, { description: "What this person said, latest first unless orderBy says otherwise." })
  quotes(@Root() person: PersonRow, @Args(() => QuoteListArgs) args: QuoteListArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Quotes {
    return nestedConnection(loaders.quote.bySpeaker, person.id, info, () => quoteListRequest(args, QuoteOrder.LATEST_FIRST));
  }
}

@Resolver(() => Person)
export class PersonOrganizationsResolver {
  @FieldResolver(() => AffiliationConnection, { description: "Organizations this person belongs to, in name order, with roles." })
  organizations(@Root() person: PersonRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Affiliations {
    return nestedConnection(loaders.organization.affiliationsByPerson, person.id, info, () => pageRequest(page, byName));
  }
}

@Resolver(() => Person)
export class PersonEventsResolver {
  @FieldResolver(() => EventConnection, { description: "Events this person took part in." })
  events(@Root() person: PersonRow, @Args(() => EventListArgs) args: EventListArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Events {
    return nestedConnection(loaders.event.byPerson, person.id, info, () => eventRequest(args));
  }
}
