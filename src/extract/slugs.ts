/** Names for proposed items made from their words: unique kebab-case slugs, short titles. */

const STOPWORDS = new Set(["a", "an", "the", "of", "and", "in", "on", "at", "to", "for", "with", "by", "from", "as", "is", "was", "has", "had", "his", "her", "its", "their"]);

/** "Chang’e-5 lunar mission" -> "change-5-lunar-mission"; accents folded, apostrophes dropped. */
export function slugify(text: string, maxWords = 8): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’‘`]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.slice(0, maxWords).join("-");
}

/** The first content words of a phrase, for titles turned into slugs. */
export const contentWords = (text: string, count: number): string =>
  slugify(text, 40).split("-").filter((w) => !STOPWORDS.has(w)).slice(0, count).join("-");

/** Hands out unique slugs: "xi-jinping", then "xi-jinping-2"... */
export class SlugPool {
  private readonly taken: Set<string>;

  constructor(taken: Iterable<string> = []) {
    this.taken = new Set(taken);
  }

  take(wanted: string, fallback = "item"): string {
    const base = (wanted || fallback).slice(0, 100).replace(/-+$/, "");
    let slug = base;
    for (let n = 2; this.taken.has(slug); n++) slug = `${base}-${n}`;
    this.taken.add(slug);
    return slug;
  }
}

/** At most `max` characters, cut at a word, with "…" when cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1)).replace(/[\s,;:]+$/, "")}…`;
}
