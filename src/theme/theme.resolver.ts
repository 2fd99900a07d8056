import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, Info } from "type-graphql";
import type { EventRow, ThemeRow } from "../db/rows.ts";
import type { Context } from "../context.ts";
import { ConnectionArgs, nestedConnection, pageRequest, rootConnection, type ConnectionValue } from "../graphql/types/connection.ts";
import { EventListArgs, eventRequest } from "../event/event.input.ts";
import { EventConnection } from "../event/event.type.ts";
import { RelatedTheme, RelatedThemeConnection, TimelineBucket, TimelineCount, TimelineGranularity } from "./theme-aggregates.type.ts";
import { byName as themeByName, mostSharedFirst } from "../db/orderings.ts";
import { allThemes, type RelatedThemeRow } from "./theme.loaders.ts";
import { Theme, ThemeConnection } from "./theme.type.ts";
import { findBySlug } from "../db/lookup.ts";

type Themes = Promise<ConnectionValue<ThemeRow>>;
type Events = Promise<ConnectionValue<EventRow>>;

const themesRequest = (page: ConnectionArgs) => pageRequest(page, themeByName);

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => Theme, { nullable: true, description: "The theme with this slug, or null." })
  theme(@Arg("slug", () => String) slug: string, @Ctx() { raw }: Context): Promise<ThemeRow | null> {
    return findBySlug(raw, "Theme", slug);
  }

  @Query(() => ThemeConnection, { description: "Themes in name order." })
  themes(@Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { raw }: Context, @Info() info: GraphQLResolveInfo): Themes {
    return rootConnection(raw, allThemes, info, () => themesRequest(page));
  }

  @FieldResolver(() => [TimelineBucket], {
    description: "Events carrying this theme per year or month, oldest first; with `count: DOCUMENTS`, the documents that report them or quote on the theme, per period of publication (how much was said, not only how much happened).",
  })
  async timeline(
    @Root() theme: ThemeRow,
    @Arg("granularity", () => TimelineGranularity, { defaultValue: TimelineGranularity.YEAR }) granularity: TimelineGranularity,
    @Arg("count", () => TimelineCount, { defaultValue: TimelineCount.EVENTS, description: "What each bucket counts." }) count: TimelineCount,
    @Ctx() { loaders }: Context,
  ): Promise<TimelineBucket[]> {
    return loaders.theme.timeline(granularity, count).load(theme.id);
  }

  @FieldResolver(() => RelatedThemeConnection, { description: "Themes sharing events with this one, most shared first." })
  relatedThemes(@Root() theme: ThemeRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<RelatedThemeRow>> {
    return nestedConnection(loaders.theme.related, theme.id, info, () => pageRequest(page, mostSharedFirst));
  }
}

@Resolver(() => RelatedTheme)
export class RelatedThemeResolver {
  @FieldResolver(() => Theme)
  theme(@Root() row: RelatedThemeRow): ThemeRow {
    return row;
  }
}

@Resolver(() => Theme)
export class ThemeEventsResolver {
  @FieldResolver(() => EventConnection, { description: "Events carrying this theme." })
  events(@Root() theme: ThemeRow, @Args(() => EventListArgs) args: EventListArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Events {
    return nestedConnection(loaders.event.byTheme, theme.id, info, () => eventRequest(args));
  }
}
