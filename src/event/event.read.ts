/** How the planner reads events (src/read/catalogue.ts): Event's fields, and the event lists. */
import type { Event } from "../generated/prisma/client.ts";
import { byName, documentOrder } from "../db/orderings.ts";
import { pageRequest } from "../graphql/types/connection.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { column, connection, derived, embedded, one, tableType, type ReadType } from "../read/catalogue.ts";
import { claimsAbout, conflictsOf } from "../claims/claims.read.ts";
import { bySlug } from "../read/shared.ts";
import { partialDateType } from "../read/sql.ts";
import { quotesOfEvent } from "../quote/quote.read.ts";
import { eventRequest, type EventListArgs } from "./event.input.ts";
import { allEvents, eventsOfTheme, eventsVia, evidenceOfEvent } from "./event.loaders.ts";
// An event's people, organizations and themes: the lists their loaders read, declared once there.
import { organizationsOfEvent } from "../organization/organization.loaders.ts";
import { peopleOfEvent } from "../person/person.loaders.ts";
import { themesOfEvent } from "../theme/theme.loaders.ts";
import { SOURCE_COUNTS, sourceRoots } from "./event-sources.ts";

/** Events linked to a parent through `link` (EventPerson, EventOrganization), as its `events` field. */
export const eventsOf = (link: string, parentKey: string) => connection("Event", eventsVia(link, parentKey), (args: EventListArgs) => eventRequest(args));

/** A theme's events, in date order from its links (event.loaders.ts says how). */
export const eventsOfThemeField = connection("Event", eventsOfTheme, (args: EventListArgs) => eventRequest(args));

export const eventRead: ReadType = tableType<Event>("Event", "Event", ["slug", "title", "summary", "kind", "place"], {
  date: embedded((row) => partialDateType(row, "dateStart", "datePrecision")),
  people: connection("Person", peopleOfEvent, (args) => pageRequest(args, byName)),
  organizations: connection("Organization", organizationsOfEvent, (args) => pageRequest(args, byName)),
  themes: connection("Theme", themesOfEvent, (args) => pageRequest(args, byName)),
  quotes: quotesOfEvent,
  evidence: connection("Evidence", evidenceOfEvent, (args) => pageRequest(args, documentOrder)),
  // One event's counts: no GROUP BY, so an event no document reports counts 0 and 0.
  sources: derived("SourceCount", false, (row) => Prisma.sql`${sourceRoots(Prisma.raw(`ev."eventId" = ${row}.id`))} SELECT ${Prisma.raw(SOURCE_COUNTS)}`),
  claims: claimsAbout("EVENT"),
  conflicts: conflictsOf("EVENT", ["TITLE", "SUMMARY", "KIND", "PLACE", "DATE"]),
});

export const sourceCountRead: ReadType = {
  name: "SourceCount",
  fields: { documents: column<{ documents: number }>("documents"), independent: column<{ independent: number }>("independent") },
};

/** Query's event fields. */
export const eventRoots = {
  event: one("Event", bySlug),
  events: connection("Event", allEvents, (args: EventListArgs) => eventRequest(args)),
};
