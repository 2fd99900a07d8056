/** How the planner reads people (src/read/catalogue.ts): Person's fields, and the lists of people. */
import type { Person } from "../generated/prisma/client.ts";
import { coOccurring } from "../db/co-occurrence.ts";
import { documentOrder, mostSharedFirst } from "../db/orderings.ts";
import { pageRequest } from "../graphql/types/connection.ts";
import { column, connection, embedded, needsJs, one, tableType, type ReadType } from "../read/catalogue.ts";
import { claimsAbout } from "../claims/claims.read.ts";
import { bySlug } from "../read/shared.ts";
import { eventsOf } from "../event/event.read.ts";
import { affiliationsOf } from "../organization/organization.read.ts";
import { quotesOf } from "../quote/quote.read.ts";
import { namedListRequest, type NamedListArgs } from "./person.input.ts";

export const personRead: ReadType = tableType<Person>("Person", "Person", ["slug", "name", "aliases", "roles"], {
  events: eventsOf("EventPerson", "personId"),
  quotes: quotesOf(`t."speakerId"`),
  organizations: affiliationsOf("Organization", "organizationId", "personId"),
  mentions: connection("Evidence", { from: `"Mention" t`, parentKey: `t."personId"` }, (args) => pageRequest(args, documentOrder)),
  coSpeakers: connection("CoSpeaker", coOccurring("Quote", "speakerId", "Person"), (args) => pageRequest(args, mostSharedFirst)),
  claims: claimsAbout("PERSON"),
  conflicts: needsJs("conflicting dates are told apart in JavaScript", ["id", "slug", "name"]),
});

/** Someone quoted at the same events: the co-occurrence row holds the person's columns. */
export const coSpeakerRead: ReadType = {
  name: "CoSpeaker",
  fields: { person: embedded(() => personRead), sharedEvents: column<{ sharedEvents: number }>("sharedEvents") },
};

/** Query's person fields. */
export const personRoots = {
  person: one("Person", bySlug),
  people: connection("Person", { from: `"Person" t` }, (args: NamedListArgs) => namedListRequest(args)),
};

