/**
 * Paragraphs of a document's text: blocks separated by blank lines, numbered from 1. One splitter
 * for the whole service, so that evidence's paragraph numbers (ingest) and Document.paragraphs (API)
 * always agree.
 */
export interface ParagraphSpan {
  number: number;
  /** Offset of its first character in the text. */
  start: number;
  /** Offset just past its last non-space character. */
  end: number;
  text: string;
}

export function paragraphsOf(text: string): ParagraphSpan[] {
  const result: ParagraphSpan[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g)) {
    const body = m[0].trimEnd();
    if (body.trim()) result.push({ number: result.length + 1, start: m.index, end: m.index + body.length, text: body });
  }
  return result;
}

let cached: { text: string; starts: number[] } | undefined;

/** The number of the paragraph holding `offset` (the split is kept for the last text asked about). */
export function paragraphAt(text: string, offset: number): number {
  if (cached?.text !== text) cached = { text, starts: paragraphsOf(text).map((p) => p.start) };
  const { starts } = cached;
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
