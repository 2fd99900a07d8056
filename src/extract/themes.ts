/**
 * Theme suggestions per paragraph, from the graph's themes: a theme's name or an alias in a
 * paragraph suggests it strongly, its keywords (Theme.keywords) more weakly, the more of them the
 * stronger. A section heading (a short paragraph without a final period) passes its themes on to
 * the paragraphs under it.
 */
import type { KnownTheme } from "./gazetteer.ts";
import { proposal, type Proposal } from "./provenance.ts";
import type { TextAnalysis } from "./text.ts";

export interface ThemeSuggestion {
  slug: string;
  proposal: Proposal;
}

const THRESHOLD = 0.45;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Whole words, any case, a plural "s" allowed: "enterprise" finds "Enterprises". */
const phrase = (words: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(words.trim())}(?:s|es)?(?![\\p{L}\\p{N}])`, "iu");
const isHeading = (words: string) => words.split(/\s+/).length <= 8 && !/[.!?:"”]$/.test(words.trim());

function score(theme: { names: RegExp[]; keywords: { word: string; pattern: RegExp }[] }, paragraph: string): { confidence: number; why: string } | undefined {
  if (theme.names.some((n) => n.test(paragraph))) return { confidence: 0.8, why: "its name" };
  const hits = theme.keywords.filter((k) => k.pattern.test(paragraph)).map((k) => k.word);
  if (hits.length === 0) return undefined;
  // In hundredths: 0.3 + 0.15 is 0.44999... in floating point, under the threshold.
  return { confidence: Math.min(75, 30 + 15 * hits.length) / 100, why: `keywords ${hits.join(", ")}` };
}

/** One suggestion per theme, the most confident, strongest first. */
export function strongestPerTheme(suggestions: ThemeSuggestion[]): ThemeSuggestion[] {
  const best = new Map<string, ThemeSuggestion>();
  for (const t of suggestions) if ((best.get(t.slug)?.proposal.confidence ?? 0) < t.proposal.confidence) best.set(t.slug, t);
  return [...best.values()].sort((a, b) => b.proposal.confidence - a.proposal.confidence);
}

/** Suggestions for each paragraph (index = paragraph number - 1), strongest first. */
export function suggestThemes(text: TextAnalysis, themes: KnownTheme[]): ThemeSuggestion[][] {
  const compiled = themes.map((t) => ({
    slug: t.slug,
    names: [t.name, ...t.aliases].map(phrase),
    keywords: t.keywords.map((word) => ({ word, pattern: phrase(word) })),
  }));
  let heading: ThemeSuggestion[] = [];
  return text.paragraphs.map(({ start, end }) => {
    const words = text.body.slice(start, end);
    const own: ThemeSuggestion[] = [];
    for (const theme of compiled) {
      const s = score(theme, words);
      if (s && s.confidence >= THRESHOLD) own.push({ slug: theme.slug, proposal: proposal(s.confidence >= 0.8 ? "theme.name" : "theme.keyword", s.confidence, s.why) });
    }
    if (isHeading(words)) {
      heading = own.map((t) => ({ slug: t.slug, proposal: proposal("theme.heading", t.proposal.confidence * 0.8, `under the heading ${JSON.stringify(words.trim())}`) }));
      return own;
    }
    return strongestPerTheme([...own, ...heading]);
  });
}
