/**
 * The orderings lists use, each total (the last column is unique) and run one way, so keyset
 * cursors (db/list.ts) work. The name tags cursors: one ordering's cursor is refused by another.
 */
import type { Ordering } from "./list.ts";

const id = { sql: `t.id`, cast: "text", key: "id" } as const;

/** By name, then id: people, organizations, themes, affiliations (by the other side's name). */
export const byName: Ordering = { name: "name", columns: [{ sql: `t.name`, cast: "text", key: "name" }, id], direction: "ASC" };

/** By the first day a partial date can mean, then id: events and quotes, latest or earliest first. */
export const byDateStart = (list: string, direction: Ordering["direction"]): Ordering => ({
  name: `${list}-date-${direction}`,
  columns: [{ sql: `t."dateStart"`, cast: "date", key: "dateStart" }, id],
  direction,
});

/** By document, then position in its text: evidence, mentions, quotes in document order. */
export const documentOrder: Ordering = {
  name: "document-order",
  columns: [{ sql: `t."documentId"`, cast: "text", key: "documentId" }, { sql: `t.start`, cast: "int", key: "start" }, id],
  direction: "ASC",
};

/** Most shared events first, then id (co-occurrence lists, db/co-occurrence.ts). */
export const mostSharedFirst: Ordering = {
  name: "shared-events",
  columns: [{ sql: `r."sharedEvents"`, cast: "int", key: "sharedEvents" }, id],
  direction: "DESC",
};

/** Documents, most recently published first, then id. */
export const latestPublished: Ordering = {
  name: "document-published",
  columns: [{ sql: `t."publishedOn"`, cast: "date", key: "publishedOn" }, id],
  direction: "DESC",
};
