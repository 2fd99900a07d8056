/** Resolves a quotation of the text (exact, with optional prefix/suffix) to its character span. */
import type { TextQuote } from "./format.ts";
import { paragraphLocator } from "../paragraphs.ts";

export interface Span {
  paragraph: number;
  start: number;
  end: number;
}

/** Every index where `needle` starts in `haystack` (overlapping ones too). */
export function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** Quotation marks and apostrophes folded to straight ones, to explain a near miss. */
const foldQuotes = (s: string) => s.replace(/[\u2018\u2019\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201F\u2033]/g, '"');

const preview = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);

/**
 * The span of `quote` in `body`, or why it has none (absent, or ambiguous without prefix/suffix).
 * Pass `paragraphAt` (paragraphLocator(body)) when resolving many quotes of one body.
 */
export function resolveAnchor(body: string, quote: TextQuote, paragraphAt = paragraphLocator(body)): Span | { error: string } {
  const prefix = quote.prefix ?? "";
  const needle = prefix + quote.exact + (quote.suffix ?? "");
  const found = occurrences(body, needle);
  if (found.length === 1) {
    const start = found[0]! + prefix.length;
    return { paragraph: paragraphAt(start), start, end: start + quote.exact.length };
  }
  if (found.length > 1) {
    return { error: `${preview(quote.exact)} occurs ${found.length} times in the text; add a prefix or suffix to pick one` };
  }
  const nearMiss = occurrences(foldQuotes(body), foldQuotes(needle)).length > 0;
  return {
    error: `${preview(quote.exact)} is not in the text` + (nearMiss ? " (it differs only in quotation marks or apostrophes)" : ""),
  };
}
