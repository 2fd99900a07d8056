/**
 * A document's text file: an optional `date YYYY-MM-DD` header line, blank lines, then the body.
 * Offsets everywhere index into the body exactly as stored (UTF-16 code units).
 */
export interface SourceText {
  /** Publication day from the header, when there is one. */
  publishedOn?: string;
  body: string;
}

const HEADER = /^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*(?:\r?\n|$)/;

export function parseSourceText(raw: string): SourceText {
  const text = raw.replace(/^\uFEFF/, "");
  const header = HEADER.exec(text);
  if (!header) return { body: text };
  return { publishedOn: header[1], body: text.slice(header[0].length).replace(/^(?:[ \t]*\r?\n)+/, "") };
}
