import type { Person } from "../generated/prisma/client.ts";
import type { RawQueries } from "../db/raw.ts";
import { listLoaders } from "../db/batch.ts";
import { byIdLoader } from "../db/lookup.ts";
import { coOccurring, type WithShared } from "../db/co-occurrence.ts";
import type { ListSql } from "../db/list.ts";

export const peopleOfEvent: ListSql = { from: `"Person" t JOIN "EventPerson" l ON l."personId" = t.id`, parentKey: `l."eventId"` };

export function createPersonLoaders(raw: RawQueries) {
  return {
    byId: byIdLoader<Person>(raw, "Person"),
    byEvent: listLoaders<Person>(raw, peopleOfEvent),
    coSpeakers: listLoaders<WithShared<Person>>(raw, coOccurring("Quote", "speakerId", "Person")),
  };
}
