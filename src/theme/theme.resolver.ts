import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Event as EventRow, Quote as QuoteRow, Theme as ThemeRow } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { PageArgs, pageSize } from "../graphql/paging.ts";
import { Event } from "../event/event.type.ts";
import { Quote } from "../quote/quote.type.ts";
import { Theme } from "./theme.type.ts";

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => Theme, { nullable: true, description: "The theme with this slug, or null." })
  theme(@Arg("slug", () => String) slug: string, @Ctx() { prisma }: Context): Promise<ThemeRow | null> {
    return prisma.theme.findUnique({ where: { slug } });
  }

  @Query(() => [Theme], { description: "Themes in name order." })
  themes(@Args(() => PageArgs) page: PageArgs, @Ctx() { prisma }: Context): Promise<ThemeRow[]> {
    return prisma.theme.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], take: pageSize(page) });
  }
}

@Resolver(() => Event)
export class EventThemesResolver {
  @FieldResolver(() => [Theme], { description: "Themes this event carries, in name order." })
  themes(@Root() event: EventRow, @Args(() => PageArgs) page: PageArgs, @Ctx() { loaders }: Context): Promise<ThemeRow[]> {
    return loaders.theme.byEvent(pageSize(page)).load(event.id);
  }
}

@Resolver(() => Quote)
export class QuoteThemesResolver {
  @FieldResolver(() => [Theme], { description: "Themes this quote speaks to, in name order." })
  themes(@Root() quote: QuoteRow, @Args(() => PageArgs) page: PageArgs, @Ctx() { loaders }: Context): Promise<ThemeRow[]> {
    return loaders.theme.byQuote(pageSize(page)).load(quote.id);
  }
}
