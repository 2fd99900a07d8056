import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Event as EventRow, Person as PersonRow, Quote as QuoteRow } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { PageArgs, pageSize } from "../graphql/paging.ts";
import { Evidence, type EvidenceRow } from "../document/evidence.type.ts";
import { Event } from "../event/event.type.ts";
import { Person } from "../person/person.type.ts";
import { Quote } from "./quote.type.ts";

@Resolver(() => Quote)
export class QuoteResolver {
  @Query(() => Quote, { nullable: true, description: "The quote with this slug, or null." })
  quote(@Arg("slug", () => String) slug: string, @Ctx() { prisma }: Context): Promise<QuoteRow | null> {
    return prisma.quote.findUnique({ where: { slug } });
  }

  @FieldResolver(() => Evidence, { description: "Where the source says it." })
  evidence(@Root() quote: QuoteRow): EvidenceRow {
    return quote;
  }
}

@Resolver(() => Event)
export class EventQuotesResolver {
  @FieldResolver(() => [Quote], { description: "What was said at this event, in document order." })
  quotes(@Root() event: EventRow, @Args(() => PageArgs) page: PageArgs, @Ctx() { loaders }: Context): Promise<QuoteRow[]> {
    return loaders.quote.byEvent(pageSize(page)).load(event.id);
  }
}

@Resolver(() => Person)
export class PersonQuotesResolver {
  @FieldResolver(() => [Quote], { description: "What this person said, in document order." })
  quotes(@Root() person: PersonRow, @Args(() => PageArgs) page: PageArgs, @Ctx() { loaders }: Context): Promise<QuoteRow[]> {
    return loaders.quote.bySpeaker(pageSize(page)).load(person.id);
  }
}
