/**
 * How many documents report each event, and how many independent sources they make: a document
 * that reprints or derives from another (Document.derivedFrom, a slug: a wire copy, "according
 * to Xinhua") counts as its original. Originals are followed by slug to the root of the chain,
 * through documents not in the graph too: a slug no document has stops the chain there and is the
 * root itself, so a reprint counts as one source whether or not its original was ingested, and
 * removing the original does not change the count.
 *
 * A chain stops after MAX_HOPS hops (its last slug is then its root), and a cycle (a document that
 * derives, through others, from itself) stops where it closes; its root is the least slug of the
 * cycle, the same for every document on it or leading into it. So no input loops.
 */
import DataLoader from "dataloader";
import { Prisma } from "../generated/prisma/client.ts";
import type { RawQueries } from "../db/raw.ts";

export interface SourceCountRow {
  documents: number;
  independent: number;
}

/** Longest chain of reprints followed; real chains are one or two hops (a wire copy of a wire copy). */
export const MAX_HOPS = 8;

const eventIs = (eventIds: readonly string[]) =>
  eventIds.length === 1 ? Prisma.sql`ev."eventId" = ${eventIds[0]}` : Prisma.sql`ev."eventId" = ANY(${[...eventIds]}::text[])`;

/**
 * The walk, for the events `ev` meets `events` (a condition on EventEvidence aliased ev): the
 * distinct (event, document) pairs from EventEvidence (its unique index on eventId, documentId…
 * answers it alone), then one walk per distinct document along derivedFrom (a lookup of Document's
 * unique slug index per hop), then each document's root. `path` holds the slugs walked; a row stops
 * when it has no original, its original is already on the path (a cycle), or it made MAX_HOPS hops.
 * One definition for the batch loader below and the planner (event.read.ts).
 */
export const sourceRoots = (events: Prisma.Sql) => Prisma.sql`
  WITH RECURSIVE reports AS (
    SELECT DISTINCT ev."eventId" AS event, ev."documentId" AS doc FROM "EventEvidence" ev WHERE ${events}
  ), walk AS (
    SELECT d.id AS doc, ARRAY[d.slug] AS path, d."derivedFrom" AS next
    FROM "Document" d WHERE d.id IN (SELECT doc FROM reports)
    UNION ALL
    SELECT w.doc, w.path || w.next, o."derivedFrom"
    FROM walk w LEFT JOIN "Document" o ON o.slug = w.next
    WHERE w.next IS NOT NULL AND w.next <> ALL(w.path) AND cardinality(w.path) <= ${Prisma.raw(String(MAX_HOPS))}
  ), roots AS (
    SELECT doc, CASE WHEN w.next = ANY(w.path) THEN (SELECT min(s) FROM unnest(w.path[array_position(w.path, w.next):]) s)
                     ELSE w.path[cardinality(w.path)] END AS root
    FROM walk w WHERE w.next IS NULL OR w.next = ANY(w.path) OR cardinality(w.path) > ${Prisma.raw(String(MAX_HOPS))}
  )`;

/** The counts over `sourceRoots`' reports and roots (one row per event when grouped by `r.event`). */
export const SOURCE_COUNTS = `count(*)::int AS documents, count(DISTINCT roots.root)::int AS independent FROM reports r JOIN roots ON roots.doc = r.doc`;

/** One statement per batch of events. */
const sourcesSql = (eventIds: readonly string[]) => Prisma.sql`${sourceRoots(eventIs(eventIds))}
  SELECT r.event, ${Prisma.raw(SOURCE_COUNTS)} GROUP BY r.event`;

/** Event id -> its source counts (0 and 0 for an event no document reports, e.g. a curator's). */
export function sourceCountLoader(raw: RawQueries): DataLoader<string, SourceCountRow> {
  return new DataLoader(async (eventIds) => {
    const rows = await raw.$queryRaw<(SourceCountRow & { event: string })[]>(sourcesSql(eventIds));
    const byEvent = new Map(rows.map((r) => [r.event, r]));
    return eventIds.map((id) => {
      const row = byEvent.get(id);
      return { documents: row?.documents ?? 0, independent: row?.independent ?? 0 };
    });
  });
}
