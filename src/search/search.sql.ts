/**
 * Full-text search over every kind of object, in PostgreSQL (the same on PGlite): one weighted
 * tsvector expression per table, each backed by a GIN expression index of the very same text
 * (prisma/migrations/*_full_text_search). Keep the two in step: the planner uses an index only for
 * an identical expression.
 */
export const SEARCHABLE = {
  Event: {
    vector: `setweight(to_tsvector('english', t.title), 'A') || setweight(to_tsvector('english', coalesce(t.summary, '') || ' ' || coalesce(t.place, '') || ' ' || coalesce(t.kind, '')), 'B')`,
    body: `t.title || '. ' || coalesce(t.summary, '')`,
  },
  Quote: {
    vector: `to_tsvector('english', t.text)`,
    body: `t.text`,
  },
  Person: {
    vector: `setweight(to_tsvector('english', t.name || ' ' || tg_join(t.aliases)), 'A') || setweight(to_tsvector('english', tg_join(t.roles)), 'B')`,
    body: `t.name || ' ' || tg_join(t.aliases) || ' ' || tg_join(t.roles)`,
  },
  Organization: {
    vector: `to_tsvector('english', t.name || ' ' || tg_join(t.aliases))`,
    body: `t.name || ' ' || tg_join(t.aliases)`,
  },
  Theme: {
    vector: `setweight(to_tsvector('english', t.name || ' ' || tg_join(t.aliases)), 'A') || setweight(to_tsvector('english', coalesce(t.description, '') || ' ' || tg_join(t.keywords)), 'B')`,
    body: `t.name || '. ' || coalesce(t.description, '')`,
  },
  Document: {
    vector: `setweight(to_tsvector('english', t.title), 'A') || setweight(to_tsvector('english', t.text), 'B')`,
    body: `t.title || '. ' || t.text`,
  },
} as const;

export type SearchableType = keyof typeof SEARCHABLE;
