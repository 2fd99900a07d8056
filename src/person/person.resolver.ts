import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, Info } from "type-graphql";
import type { EventRow, PersonRow } from "../db/rows.ts";
import type { Context } from "../context.ts";
import type { WithShared } from "../db/co-occurrence.ts";
import { byName, documentOrder, mostSharedFirst } from "../db/orderings.ts";
import { ConnectionArgs, nestedConnection, pageRequest, rootConnection, type ConnectionValue } from "../graphql/types/connection.ts";
import { Event } from "../event/event.type.ts";
import type { QuoteRow } from "../quote/quote.loaders.ts";
import { Quote } from "../quote/quote.type.ts";
import { EvidenceConnection, type EvidenceRow } from "../document/evidence.type.ts";
import { NamedListArgs, namedListRequest } from "./person.input.ts";
import { allPeople } from "./person.loaders.ts";
import { CoSpeaker, CoSpeakerConnection, Person, PersonConnection } from "./person.type.ts";
import { findBySlug } from "../db/lookup.ts";

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

@Resolver(() => Event)
export class EventPeopleResolver {
  @FieldResolver(() => PersonConnection, { description: "People who took part, in name order." })
  people(@Root() event: EventRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<PersonRow>> {
    return nestedConnection(loaders.person.byEvent, event.id, info, () => pageRequest(page, byName));
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
