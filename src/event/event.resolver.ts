import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type {
  Event as EventRow,
  Organization as OrganizationRow,
  Person as PersonRow,
  Quote as QuoteRow,
  Theme as ThemeRow,
} from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { PageArgs, pageSize } from "../graphql/paging.ts";
import { PartialDate } from "../graphql/partial-date.ts";
import { partialDate } from "../partial-date.ts";
import { Evidence, type EvidenceRow } from "../document/evidence.type.ts";
import { Organization } from "../organization/organization.type.ts";
import { Person } from "../person/person.type.ts";
import { Quote } from "../quote/quote.type.ts";
import { Theme } from "../theme/theme.type.ts";
import { Event } from "./event.type.ts";

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { nullable: true, description: "The event with this slug, or null." })
  event(@Arg("slug", () => String) slug: string, @Ctx() { prisma }: Context): Promise<EventRow | null> {
    return prisma.event.findUnique({ where: { slug } });
  }

  @FieldResolver(() => PartialDate, { description: "When it happened, exactly as precise as the source." })
  date(@Root() event: EventRow): PartialDate {
    return partialDate(event.dateStart, event.datePrecision);
  }

  @FieldResolver(() => [Evidence], { description: "The passages that report this event, in document order." })
  evidence(@Root() event: EventRow, @Args(() => PageArgs) page: PageArgs, @Ctx() { loaders }: Context): Promise<EvidenceRow[]> {
    return loaders.event.evidence(pageSize(page)).load(event.id);
  }
}

/** Event lists under other types: latest first. */
@Resolver(() => Theme)
export class ThemeEventsResolver {
  @FieldResolver(() => [Event], { description: "Events carrying this theme, latest first." })
  events(@Root() theme: ThemeRow, @Args(() => PageArgs) page: PageArgs, @Ctx() { loaders }: Context): Promise<EventRow[]> {
    return loaders.event.byTheme(pageSize(page)).load(theme.id);
  }
}

@Resolver(() => Person)
export class PersonEventsResolver {
  @FieldResolver(() => [Event], { description: "Events this person took part in, latest first." })
  events(@Root() person: PersonRow, @Args(() => PageArgs) page: PageArgs, @Ctx() { loaders }: Context): Promise<EventRow[]> {
    return loaders.event.byPerson(pageSize(page)).load(person.id);
  }
}

@Resolver(() => Organization)
export class OrganizationEventsResolver {
  @FieldResolver(() => [Event], { description: "Events this organization took part in, latest first." })
  events(@Root() org: OrganizationRow, @Args(() => PageArgs) page: PageArgs, @Ctx() { loaders }: Context): Promise<EventRow[]> {
    return loaders.event.byOrganization(pageSize(page)).load(org.id);
  }
}

@Resolver(() => Quote)
export class QuoteEventResolver {
  @FieldResolver(() => Event, { nullable: true, description: "The event the words were said at, if the source says." })
  event(@Root() quote: QuoteRow, @Ctx() { loaders }: Context): Promise<EventRow | null> | null {
    return quote.eventId ? loaders.event.byId.load(quote.eventId) : null;
  }
}
