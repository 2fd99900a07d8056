/**
 * Where each item sits in the article: evidence by its exact words (and prefix/suffix, as ingest
 * anchors them), people and organizations by their first named mention, themes by a keyword.
 * Offsets are JavaScript string indices (UTF-16), as the service's are.
 */
import type { Item } from "./draft-model.ts";

export interface Span {
  start: number;
  end: number;
}

interface Quote {
  exact?: string;
  prefix?: string;
  suffix?: string;
}

/** The occurrence of `exact` that its prefix and suffix single out (the first one otherwise). */
function anchor(body: string, q: Quote): Span | undefined {
  if (!q.exact) return undefined;
  for (let at = body.indexOf(q.exact); at >= 0; at = body.indexOf(q.exact, at + 1)) {
    const end = at + q.exact.length;
    if (q.prefix && !body.slice(0, at).endsWith(q.prefix)) continue;
    if (q.suffix && !body.slice(end).startsWith(q.suffix)) continue;
    return { start: at, end };
  }
  return undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The first whole-word occurrence of any of the names. */
function firstMention(body: string, names: string[], caseless = false): Span | undefined {
  let best: Span | undefined;
  for (const name of names.filter((n) => n.trim().length > 1)) {
    const found = new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, caseless ? "iu" : "u").exec(body);
    if (found && (!best || found.index < best.start)) best = { start: found.index, end: found.index + name.length };
  }
  return best;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : typeof v === "string" ? [v] : []);

export function spansOf(item: Item, body: string): Span[] {
  const d = item.data;
  switch (item.list) {
    case "events":
      return (Array.isArray(d.evidence) ? (d.evidence as Quote[]) : []).flatMap((q) => anchor(body, q) ?? []);
    case "quotes":
      return [anchor(body, (d.evidence ?? {}) as Quote)].filter((s): s is Span => !!s);
    case "themes":
      return [firstMention(body, [...strings(d.name), ...strings(d.keywords), ...strings(d.aliases)], true)].filter((s): s is Span => !!s);
    default:
      return [firstMention(body, [...strings(d.name), ...strings(d.aliases)])].filter((s): s is Span => !!s);
  }
}
