import type { RawQueries } from "../db/raw.ts";
import { listLoaders } from "../db/batch.ts";
import { byIdLoader } from "../db/lookup.ts";
import { coOccurring, type WithShared } from "../db/co-occurrence.ts";
import type { ListSql } from "../db/list.ts";
import { listedColumns, type PersonRow } from "../db/rows.ts";

export const allPeople: ListSql = { from: `"Person" t`, select: listedColumns("Person") };
export const peopleOfEvent: ListSql = { from: `"Person" t JOIN "EventPerson" l ON l."personId" = t.id`, parentKey: `l."eventId"`,
  select: listedColumns("Person") };
const coSpeakers = coOccurring("Quote", "speakerId", "Person");

export function createPersonLoaders(raw: RawQueries) {
  return {
    byId: byIdLoader<PersonRow>(raw, "Person"),
    byEvent: listLoaders<PersonRow>(raw, peopleOfEvent),
    coSpeakers: listLoaders<WithShared<PersonRow>>(raw, coSpeakers),
  };
}
