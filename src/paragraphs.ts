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

/**
 * The number of the paragraph holding an offset, for one text: split on first use, then a binary
 * search per offset. Callers placing many spans in one text (ingest's anchors and mentions) share one.
 */
export function paragraphLocator(text: string): (offset: number) => number {
  let starts: number[] | undefined;
  return (offset) => {
    starts ??= paragraphsOf(text).map((p) => p.start);
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
