import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Event as EventRow, Person as PersonRow, Quote as QuoteRow } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { PageArgs, pageSize } from "../graphql/paging.ts";
import { Event } from "../event/event.type.ts";
import { Quote } from "../quote/quote.type.ts";
import { Person } from "./person.type.ts";

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: "The person with this slug, or null." })
  person(@Arg("slug", () => String) slug: string, @Ctx() { prisma }: Context): Promise<PersonRow | null> {
    return prisma.person.findUnique({ where: { slug } });
  }
}

@Resolver(() => Event)
export class EventPeopleResolver {
  @FieldResolver(() => [Person], { description: "People who took part, in name order." })
  people(@Root() event: EventRow, @Args(() => PageArgs) page: PageArgs, @Ctx() { loaders }: Context): Promise<PersonRow[]> {
    return loaders.person.byEvent(pageSize(page)).load(event.id);
  }
}

@Resolver(() => Quote)
export class QuoteSpeakerResolver {
  @FieldResolver(() => Person, { description: "Who said it." })
  async speaker(@Root() quote: QuoteRow, @Ctx() { loaders }: Context): Promise<PersonRow> {
    return (await loaders.person.byId.load(quote.speakerId))!;
  }
}
