/**
 * Anchors for proposed items: the exact characters of a span, with as much prefix (or suffix) as
 * it takes to make them occur once, which is what the ingest pipeline's anchors need. The context
 * needed is measured against each other occurrence directly, and at most MAX_CONTEXT characters
 * of it: a passage repeated with the same surroundings has no useful anchor (undefined).
 */
import type { TextQuote } from "../ingest/format.ts";
import { occurrences } from "../ingest/anchor.ts";


const MAX_CONTEXT = 160;

/** How many characters before `a` and before `b` agree (walking back), up to MAX_CONTEXT + 1. */
function sharedBefore(body: string, a: number, b: number): number {
  let n = 0;
  while (n < a && n < b && n <= MAX_CONTEXT && body[a - 1 - n] === body[b - 1 - n]) n++;
  return n;
}

/** How many characters from `a` and from `b` agree (walking forward), up to MAX_CONTEXT + 1. */
function sharedAfter(body: string, a: number, b: number): number {
  let n = 0;
  while (a + n < body.length && b + n < body.length && n <= MAX_CONTEXT && body[a + n] === body[b + n]) n++;
  return n;
}

/** The span [start, end) of `body` as a TextQuote that resolves to exactly that span, if one is short enough. */
export function excerpt(body: string, start: number, end: number): TextQuote | undefined {
  const exact = body.slice(start, end);
  const others = occurrences(body, exact).filter((i) => i !== start);
  if (others.length === 0) return { exact };
  const before = Math.max(...others.map((i) => sharedBefore(body, start, i))) + 1;
  if (before <= start && before <= MAX_CONTEXT) return { exact, prefix: body.slice(start - before, start) };
  const after = Math.max(...others.map((i) => sharedAfter(body, end, i + exact.length))) + 1;
  if (end + after <= body.length && after <= MAX_CONTEXT) return { exact, suffix: body.slice(end, end + after) };
  return undefined;
}
