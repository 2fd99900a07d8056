/** How the planner reads people (src/read/catalogue.ts): Person's fields, and the lists of people. */
import type { Person } from "../generated/prisma/client.ts";
import { connection, one, tableType, type ReadType } from "../read/catalogue.ts";
import { claimsAbout, conflictsOf } from "../claims/claims.read.ts";
import { bySlug, mentionsOf, sharingEvents, withSharedEvents } from "../read/shared.ts";
import { eventsOf } from "../event/event.read.ts";
import { affiliationsOf } from "../organization/organization.read.ts";
import { quotesOf } from "../quote/quote.read.ts";
import { namedListRequest, type NamedListArgs } from "./person.input.ts";

export const personRead: ReadType = tableType<Person>("Person", "Person", ["slug", "name", "aliases", "roles"], {
  events: eventsOf("EventPerson", "personId"),
  quotes: quotesOf(`t."speakerId"`),
  organizations: affiliationsOf("Organization", "organizationId", "personId"),
  mentions: mentionsOf("personId"),
  coSpeakers: sharingEvents("CoSpeaker", "Quote", "speakerId", "Person"),
  claims: claimsAbout("PERSON"),
  conflicts: conflictsOf("PERSON", ["NAME"]),
});

/** Someone quoted at the same events: the co-occurrence row holds the person's columns. */
export const coSpeakerRead = withSharedEvents("CoSpeaker", "person", () => personRead);

/** Query's person fields. */
export const personRoots = {
  person: one("Person", bySlug),
  people: connection("Person", { from: `"Person" t` }, (args: NamedListArgs) => namedListRequest(args)),
};

