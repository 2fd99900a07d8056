/**
 * Where a document names its people and organizations: every occurrence of a name or alias as a
 * whole word. Overlaps go to the longest name ("President Xi Jinping" rather than the "Xi" inside it).
 */
import { paragraphLocator } from "../paragraphs.ts";
import type { Span } from "./anchor.ts";

export interface Named {
  slug: string;
  names: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Mentions per slug, in text order. */
export function findMentions(body: string, entities: Named[], paragraphAt = paragraphLocator(body)): Map<string, Span[]> {
  const found: { slug: string; start: number; end: number }[] = [];
  for (const { slug, names } of entities) {
    for (const name of new Set(names)) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, "gu");
      for (const m of body.matchAll(pattern)) found.push({ slug, start: m.index, end: m.index + name.length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const result = new Map<string, Span[]>(entities.map((e) => [e.slug, []]));
  let taken = -1;
  for (const m of found) {
    if (m.start < taken) continue;
    result.get(m.slug)!.push({ paragraph: paragraphAt(m.start), start: m.start, end: m.end });
    taken = m.end;
  }
  return result;
}
