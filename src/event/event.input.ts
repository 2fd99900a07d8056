/** Filters and orderings of event lists, wherever they appear. */
import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import { Prisma } from "../generated/prisma/client.ts";
import type { Ordering } from "../db/list.ts";
import { byDateStart } from "../db/orderings.ts";
import { combine, dateRange, likeLiteral, linkedTo, type Conditions } from "../read/filters.ts";
import { ConnectionArgs, pageRequest, type Filter } from "../graphql/types/connection.ts";

export enum EventOrder {
  LATEST_FIRST = "LATEST_FIRST",
  EARLIEST_FIRST = "EARLIEST_FIRST",
}
registerEnumType(EventOrder, { name: "EventOrder", description: "By date (the first day a partial date can mean), then id." });

export const eventOrderings: Record<EventOrder, Ordering> = {
  LATEST_FIRST: byDateStart("event", "DESC"),
  EARLIEST_FIRST: byDateStart("event", "ASC"),
};

@InputType({ description: "Narrows an event list; all given conditions must hold." })
export class EventFilter {
  @Field(() => String, { nullable: true, description: 'Events whose date overlaps from this day on ("2021", "2021-06" or "2021-06-23").' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Events whose date overlaps up to the end of this date ("2021" means up to 2021-12-31).' })
  to?: string | null;

  @Field(() => String, { nullable: true, description: "Slug of a theme the event carries." })
  theme?: string | null;

  @Field(() => String, { nullable: true, description: "Slug of a person who took part." })
  person?: string | null;

  @Field(() => String, { nullable: true, description: "Slug of an organization involved." })
  organization?: string | null;

  @Field(() => String, { nullable: true, description: "Kind of event, e.g. visit (exact, case-insensitive)." })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: "Text the place contains (case-insensitive)." })
  place?: string | null;
}

export function eventFilter(filter: EventFilter | null | undefined): Filter | undefined {
  if (!filter) return undefined;
  const c: Conditions = dateRange(filter.from, filter.to, "filter");
  if (filter.theme != null) c.push(["theme", linkedTo("EventTheme", "eventId", "themeId", "Theme", filter.theme)]);
  if (filter.person != null) c.push(["person", linkedTo("EventPerson", "eventId", "personId", "Person", filter.person)]);
  if (filter.organization != null) c.push(["organization", linkedTo("EventOrganization", "eventId", "organizationId", "Organization", filter.organization)]);
  if (filter.kind != null) c.push(["kind", Prisma.sql`lower(t.kind) = lower(${filter.kind})`]);
  if (filter.place != null) c.push(["place", Prisma.sql`t.place ILIKE ${`%${likeLiteral(filter.place)}%`}`]);
  return combine(c);
}

@ArgsType()
export class EventListArgs extends ConnectionArgs {
  @Field(() => EventFilter, { nullable: true })
  filter?: EventFilter | null;

  @Field(() => EventOrder, { defaultValue: EventOrder.LATEST_FIRST })
  orderBy!: EventOrder;
}

/** A page of events for a list's arguments: ordered, filtered and paged as they say. */
export const eventRequest = (args: EventListArgs) => pageRequest(args, eventOrderings[args.orderBy], eventFilter(args.filter));
