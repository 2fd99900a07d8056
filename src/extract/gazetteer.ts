/**
 * The gazetteer: the entities already in the graph, by name and aliases, so that a draft links
 * them by slug instead of proposing them again. The CLI and the mutation load it from the database
 * (gazetteer-db.ts); tests and the evaluation build it from annotations.
 */
import type { Annotation } from "../ingest/format.ts";
import type { Known } from "../ingest/plan.ts";

export interface KnownEntity {
  slug: string;
  name: string;
  aliases: string[];
}

export interface KnownTheme extends KnownEntity {
  /** Words that suggest the theme in a text. */
  keywords: string[];
}

export interface Gazetteer {
  people: KnownEntity[];
  organizations: KnownEntity[];
  themes: KnownTheme[];
}

export const emptyGazetteer = (): Gazetteer => ({ people: [], organizations: [], themes: [] });

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** Merges entries by slug, aliases and keywords accumulating as ingest does. */
function merge<T extends KnownEntity & { keywords?: string[] }>(items: T[]): T[] {
  const bySlug = new Map<string, T>();
  for (const item of items) {
    const seen = bySlug.get(item.slug);
    const keywords = seen?.keywords && { keywords: union(seen.keywords, item.keywords ?? []) };
    bySlug.set(item.slug, seen ? { ...seen, aliases: union(seen.aliases, item.aliases), ...keywords } : item);
  }
  return [...bySlug.values()];
}

/** What the graph would hold after ingesting these annotations. */
export function gazetteerFromAnnotations(annotations: Annotation[]): Gazetteer {
  return {
    people: merge(annotations.flatMap((a) => (a.people ?? []).map((p) => ({ slug: p.slug, name: p.name ?? p.slug, aliases: p.aliases ?? [] })))),
    organizations: merge(annotations.flatMap((a) => (a.organizations ?? []).map((o) => ({ slug: o.slug, name: o.name ?? o.slug, aliases: o.aliases ?? [] })))),
    themes: merge(annotations.flatMap((a) => (a.themes ?? []).map((t) => ({ slug: t.slug, name: t.name ?? t.slug, aliases: t.aliases ?? [], keywords: t.keywords ?? [] })))),
  };
}

/** The gazetteer as ingest's `Known`: a draft's references to it then check out. */
export function knownOf(g: Gazetteer): Known {
  const slugs = (items: KnownEntity[]) => new Set(items.map((i) => i.slug));
  return { themes: slugs(g.themes), people: slugs(g.people), organizations: slugs(g.organizations), events: new Map() };
}

/** Every slug the gazetteer uses, so that new items never take one. */
export const gazetteerSlugs = (g: Gazetteer): string[] => [...g.people, ...g.organizations, ...g.themes].map((e) => e.slug);
