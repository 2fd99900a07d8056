/**
 * A document's text file: an optional `date YYYY-MM-DD` header line, blank lines, then the body.
 * Offsets everywhere index into the body exactly as stored (UTF-16 code units).
 */
import { parsePartialDate } from "../partial-date.ts";

export interface SourceText {
  /** Publication day from the header, when there is one and it is a day of the calendar. */
  publishedOn?: string;
  /** Why the header line (line 1 of the text file) is refused, e.g. `date 2023-02-30`; the caller reports it. */
  dateError?: string;
  body: string;
}

/** A first line `date <something that starts with a digit>` is meant as the header, well written or not. */
const HEADER = /^[ \t]*date[ \t]+(\d[^\s]*)[ \t]*(?:\r?\n|$)/;

export function parseSourceText(raw: string): SourceText {
  const text = raw.replace(/^\uFEFF/, "");
  const header = HEADER.exec(text);
  if (!header) return { body: text };
  const body = text.slice(header[0].length).replace(/^(?:[ \t]*\r?\n)+/, "");
  const written = header[1]!;
  const line = `the date line "${header[0].trim()}"`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(written)) return { dateError: `${line} must be written YYYY-MM-DD`, body };
  if (!parsePartialDate(written)) return { dateError: `${line} is not a day of the calendar`, body };
  return { publishedOn: written, body };
}
