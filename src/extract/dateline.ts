/**
 * A report's dateline: "TARROW, March 10 (Meridian) -- ", "PORT HALDEN, Feb. 20 (Northline) -- ",
 * "TARROW, Aster, March 10, 2026 /Orbitline PR Wire/ -- ", "SKAVEN -- ", at the start of one of the
 * first paragraphs (a headline may come first). Its date is the day the copy was filed, not an
 * event's; the agency in parentheses or slashes is an organization (names.ts).
 */
import type { TextAnalysis } from "./text.ts";

export interface Dateline {
  /** "TARROW": the document's `dateline`. */
  place: string;
  start: number;
  /** Past the dash. */
  end: number;
  /** The date's words, when it has one. */
  date?: { start: number; end: number };
  agency?: { name: string; start: number };
}

const PATTERN = /^(?<place>[A-Z][A-Z .'-]*[A-Z])(?:,\s+[A-Z][a-z]+)?(?:,\s+(?<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?))?(?:\s+\((?<agency>[A-Z][^()\n]{1,40})\)|\s+\/(?<slashed>[A-Z][^/\n]{1,40})\/)?\s*[—–-]+\s+/;
/** The paragraphs it may open: a headline, maybe a byline, then the dateline. */
const FIRST_PARAGRAPHS = 3;

export function findDateline(text: TextAnalysis): Dateline | undefined {
  for (const p of text.paragraphs.slice(0, FIRST_PARAGRAPHS)) {
    const m = PATTERN.exec(text.body.slice(p.start, p.end));
    if (!m) continue;
    const { place, date, agency, slashed } = m.groups!;
    const at = (part: string) => p.start + m[0].indexOf(part);
    const name = agency ?? slashed;
    return {
      place: place!,
      start: p.start,
      end: p.start + m[0].length,
      ...(date ? { date: { start: at(date), end: at(date) + date.length } } : {}),
      ...(name ? { agency: { name: name.trim(), start: at(name) } } : {}),
    };
  }
  return undefined;
}
