/**
 * The gazetteer: the entities already in the graph, by name and aliases, so that a draft links
 * them by slug instead of proposing them again, and the graph's events, so that a draft reports
 * an event it already holds with a `ref` instead of defining it again (event-refs.ts). The CLI and
 * the mutation load it from the database (gazetteer-db.ts); tests and the evaluation build it from
 * annotations.
 */
import type { DatePrecision } from "../generated/prisma/enums.ts";
import type { Annotation, EventDefinition } from "../ingest/format.ts";
import { resolveDate } from "../ingest/dates.ts";
import type { Known } from "../ingest/plan.ts";
import { partialDate, parsePartialDate } from "../partial-date.ts";
import { similarityWords } from "./event-refs.ts";

export interface KnownEntity {
  slug: string;
  name: string;
  aliases: string[];
}

export interface KnownTheme extends KnownEntity {
  /** Words that suggest the theme in a text. */
  keywords: string[];
}

/** An event of the graph, as much of it as a draft compares its own events with. */
export interface KnownEvent {
  slug: string;
  title: string;
  summary?: string;
  /** ISO partial date ("2026", "2026-01", "2026-01-12"), exactly as precise as `precision`. */
  date: string;
  precision: DatePrecision;
  kind?: string;
  /** Slugs of the people and organizations linked to it. */
  people: string[];
  organizations: string[];
  /** Content words (similarityWords) of its title, and of title and summary: computed once per gazetteer. */
  titleWords: string[];
  words: string[];
}

export interface Gazetteer {
  people: KnownEntity[];
  organizations: KnownEntity[];
  themes: KnownTheme[];
  /** Optional so that gazetteers written as literals (tests) need not list events. */
  events?: KnownEvent[];
}

export const emptyGazetteer = (): Gazetteer => ({ people: [], organizations: [], themes: [], events: [] });

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

/** A known event from its parts; its words are made here so that every source makes them alike. */
export function knownEvent(e: Omit<KnownEvent, "titleWords" | "words">): KnownEvent {
  return { ...e, titleWords: similarityWords(e.title), words: similarityWords(`${e.title} ${e.summary ?? ""}`) };
}

/**
 * The events these annotations define, dated by the definition's words resolved against its
 * document's publication day (a definition with relative words and no `publishedOn` cannot be
 * dated, so it is left out). Refs to a defined event add their people and organizations, as
 * ingest would; their dates are not applied (a coarser event date only admits more candidates).
 */
function eventsOf(annotations: Annotation[]): KnownEvent[] {
  const bySlug = new Map<string, KnownEvent>();
  for (const a of annotations) {
    const publishedOn = parsePartialDate(a.document.publishedOn ?? "")?.start;
    for (const e of (a.events ?? []).filter((e): e is EventDefinition => "slug" in e)) {
      const resolved = publishedOn ? resolveDate(e.date, publishedOn) : parsePartialDate(e.date.trim());
      if (!resolved || "error" in resolved) continue;
      const { iso } = partialDate(resolved.start, resolved.precision);
      bySlug.set(e.slug, knownEvent({ slug: e.slug, title: e.title, summary: e.summary, date: iso, precision: resolved.precision, kind: e.kind, people: e.people ?? [], organizations: e.organizations ?? [] }));
    }
  }
  for (const e of annotations.flatMap((a) => a.events ?? [])) {
    const known = "ref" in e ? bySlug.get(e.ref) : undefined;
    if (known) Object.assign(known, { people: union(known.people, e.people ?? []), organizations: union(known.organizations, e.organizations ?? []) });
  }
  return [...bySlug.values()];
}

/** What the graph would hold after ingesting these annotations. */
export function gazetteerFromAnnotations(annotations: Annotation[]): Gazetteer {
  return {
    people: merge(annotations.flatMap((a) => (a.people ?? []).map((p) => ({ slug: p.slug, name: p.name ?? p.slug, aliases: p.aliases ?? [] })))),
    organizations: merge(annotations.flatMap((a) => (a.organizations ?? []).map((o) => ({ slug: o.slug, name: o.name ?? o.slug, aliases: o.aliases ?? [] })))),
    themes: merge(annotations.flatMap((a) => (a.themes ?? []).map((t) => ({ slug: t.slug, name: t.name ?? t.slug, aliases: t.aliases ?? [], keywords: t.keywords ?? [] })))),
    events: eventsOf(annotations),
  };
}

/** The gazetteer as ingest's `Known`: a draft's references to it (links and event refs) then check out. */
export function knownOf(g: Gazetteer): Known {
  const slugs = (items: KnownEntity[]) => new Set(items.map((i) => i.slug));
  const events = new Map((g.events ?? []).flatMap((e) => {
    const date = parsePartialDate(e.date);
    return date ? [[e.slug, date] as const] : [];
  }));
  return { themes: slugs(g.themes), people: slugs(g.people), organizations: slugs(g.organizations), events };
}

/** Every slug the gazetteer uses, so that new items never take one. */
export const gazetteerSlugs = (g: Gazetteer): string[] => [...g.people, ...g.organizations, ...g.themes, ...(g.events ?? [])].map((e) => e.slug);
