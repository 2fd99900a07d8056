/**
 * Every date expression of a text, found by chrono-node and resolved by the ingest pipeline's own
 * resolver (ingest/dates.ts) against the publication day, so a draft's dates mean what ingest will
 * store. Expressions that are no point in time ("within 20 years") or that count from a moment other
 * than publication ("50 years ago" inside reported speech) are set aside, with the reason.
 */
import * as chrono from "chrono-node";
import { resolveDate, type ResolvedDate } from "../ingest/dates.ts";
import { lastDay, partialDate } from "../partial-date.ts";
import { findDateline } from "./dateline.ts";
import { proposal, type Proposal } from "./provenance.ts";
import { isKnownWord, type TextAnalysis } from "./text.ts";

export interface DateMention {
  start: number;
  end: number;
  /** The words, e.g. "On April 12", as an event's `date`... */
  written: string;
  /** ...unless they alone would resolve wrong: then ISO at the precision ("2022-02"). */
  value: string;
  date: ResolvedDate;
  proposal: Proposal;
}

export interface SetAside {
  written: string;
  start: number;
  reason: string;
}

/**
 * chrono's casual English, plus bare years after "in"/"during", which it leaves out ("in 2004", "in
 * the year 2008": chrono reads "in the year" alone, as a year from now).
 */
const parser = chrono.casual.clone();
parser.parsers.push({
  pattern: () => /(?<![\p{L}\d])(?:in|during)\s+(?:the\s+year\s+)?(1[5-9]\d\d|20\d\d)(?![\d%]|[.,]\d|-\d|\s*(?:percent|per cent))/iu,
  extract: (_context, match) => ({ year: Number(match[1]) }),
});

const DATE_PARTS = ["year", "month", "day", "weekday"] as const;
const DURATION = /^(?:within|for|over|throughout)\b|^(?:in|over|during) the (?:past|next|coming|last)\b/i;
/** The words just before a date that make it a span's start or end ("until June"), not when something happened. */
const BOUND_BEFORE = /\b(?:until|till|through|since)\s+$/i;
/** Words before a date that join it into a duration ("over the past five years"). */
const DURATION_BEFORE = /\b(?:over|in|during|for|within)\s+the\s+$/i;
/** The time of writing: no event's date. */
const NOW = /^(?:right\s+)?now$/i;
const RELATIVE = /\b(?:ago|last|next|this|yesterday|today|tomorrow|tonight|earlier|later|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;
// "Xi said that 50 years ago": the clause after "said that" is dated from the saying.
const REPORTED = /\b(?:said|says|wrote|recalled|told|added|noted|stressed|explained)\s+(?:that|how)\b[^.]*$/i;
const PREPOSITION = /(?:^|\s)(on|in|On|In)\s$/;
/** A byline's line: "Updated: 2026-01-12 09:14", "Lumen Release Wire | January 13, 2026, 08:00 CET". */
const BYLINE = /^(?:(?:last\s+)?(?:updated|published|posted)\b|[^.!?\n]{0,60}\|)|^[^.!?\n]{0,80}\b\d{1,2}:\d{2}\b[^.!?\n]{0,20}$/i;
/** "The story appears on page 4 of the March 12 print edition": about the paper, not the news. */
const PUBLICATION_NOTE = /\b(?:story|article|report|this)\s+(?:appears|appeared|was published|ran)\b|\bprint edition\b/i;
/** A weekday alone ("Thursday", "on Thursday", "Thursday's"): dated backward unless the sentence speaks of the future. */
const WEEKDAY = /^(?:on\s+)?(sun|mon|tues|wednes|thurs|fri|satur)day(?:['’]s)?$/i;
const WEEKDAYS = ["sun", "mon", "tues", "wednes", "thurs", "fri", "satur"];
/** Future tense or a plan: "will", "is scheduled to", "ahead of", "preparing for Thursday's launch". */
const FUTURE = /\b(?:will|shall|(?:is|are)\s+(?:scheduled|due|set|expected|planned|slated|to)|plans?\s+to|preparing\s+for|ahead\s+of|upcoming|planned)\b/i;
/** Punctuation chrono or the text leaves after a date's words ("In January,", "March 10 "). */
const TRAILING = /[\s,;:.]+$/;
const YEAR = /\b\d{4}\b/;
const iso = (d: Date, precision: ResolvedDate["precision"]) => partialDate(d, precision).iso;

/** chrono's results, with neighbours that are one expression joined ("February" + "this year"). */
function expressions(body: string, publishedOn: Date): { start: number; end: number; parts: chrono.ParsedResult[] }[] {
  const found: { start: number; end: number; parts: chrono.ParsedResult[] }[] = [];
  for (const r of parser.parse(body, { instant: publishedOn, timezone: 0 }, { forwardDate: false })) {
    // "night", "at 3 pm": a time of day names no date.
    if (!DATE_PARTS.some((part) => r.start.isCertain(part)) && !/\bweek/i.test(r.text)) continue;
    const last = found[found.length - 1];
    if (last && /^[ \t]+$/.test(body.slice(last.end, r.index))) {
      last.end = r.index + r.text.length;
      last.parts.push(r);
    } else found.push({ start: r.index, end: r.index + r.text.length, parts: [r] });
  }
  return found;
}

/**
 * "February last year": ingest/dates.ts reads the first part only (February of the publication
 * year); the year part decides. Returns the corrected date, or undefined when nothing is off.
 */
function yearFromLaterPart(parts: chrono.ParsedResult[], written: ResolvedDate, publishedOn: Date): ResolvedDate | undefined {
  const yearPart = parts.slice(1).find((p) => p.start.isCertain("year") && !p.start.isCertain("month"));
  if (!yearPart || written.precision === "YEAR") return undefined;
  const year = resolveDate(yearPart.text, publishedOn);
  if ("error" in year || year.start.getUTCFullYear() === written.start.getUTCFullYear()) return undefined;
  const start = new Date(written.start);
  start.setUTCFullYear(year.start.getUTCFullYear());
  return { start, end: lastDay(start, written.precision), precision: written.precision };
}

/** "last week" names seven days, not one: the month (or year) that holds them. */
function weekPrecision(written: string, date: ResolvedDate): ResolvedDate | undefined {
  if (!/\bweeks?\b/i.test(written) || date.precision !== "DAY") return undefined;
  const last = new Date(date.start.getTime() + 6 * 86_400_000);
  const precision = last.getUTCMonth() === date.start.getUTCMonth() ? "MONTH" : "YEAR";
  const start = new Date(Date.UTC(date.start.getUTCFullYear(), precision === "MONTH" ? date.start.getUTCMonth() : 0, 1));
  return { start, end: lastDay(start, precision), precision };
}

function confidenceOf(written: string, date: ResolvedDate, publishedOn: Date): { rule: string; confidence: number; note?: string } {
  const rule = YEAR.test(written) ? "date.absolute" : RELATIVE.test(written) ? "date.relative" : "date.without-year";
  const base = { "date.absolute": 0.9, "date.without-year": 0.8, "date.relative": 0.7 }[rule]!;
  if (date.start > publishedOn && rule !== "date.absolute") return { rule, confidence: base - 0.3, note: "after publication: check the year" };
  return { rule, confidence: base };
}

export function findDateMentions(text: TextAnalysis, publishedOn: Date): { mentions: DateMention[]; setAside: SetAside[] } {
  const { body } = text;
  const mentions: DateMention[] = [];
  const setAside: SetAside[] = [];
  const dateline = findDateline(text)?.date;
  for (const e of expressions(body, publishedOn)) {
    // Keep the preposition with the words ("On April 12"): that is how the text dates the event.
    const lead = PREPOSITION.exec(body.slice(Math.max(0, e.start - 4), e.start));
    const start = lead ? e.start - lead[1]!.length - 1 : e.start;
    e.end -= TRAILING.exec(body.slice(start, e.end))?.[0].length ?? 0;
    const written = body.slice(start, e.end);
    const sentence = text.sentenceAt(e.start);
    const before = sentence ? body.slice(sentence.start, e.start) : "";
    const paragraph = text.paragraphs.find((p) => p.start <= e.start && e.start < p.end);
    if (namePart(text, e.start, e.end, sentence?.start)) {
      setAside.push({ written, start, reason: "date.name-part: part of a name (Long March-2F, Zhang Jun), not a date" });
      continue;
    }
    if (dateline && e.start < dateline.end && e.end > dateline.start) {
      setAside.push({ written, start, reason: "date.dateline: the day the report was filed, not an event's date" });
      continue;
    }
    if (paragraph && BYLINE.test(body.slice(paragraph.start, paragraph.end).trim())) {
      setAside.push({ written, start, reason: "date.byline: when the report was published or updated, not an event's date" });
      continue;
    }
    if (sentence && PUBLICATION_NOTE.test(body.slice(sentence.start, sentence.end))) {
      setAside.push({ written, start, reason: "date.publication-note: where and when the report appears, not an event's date" });
      continue;
    }
    if (DURATION.test(written) || DURATION.test(`${DURATION_BEFORE.exec(before)?.[0] ?? ""}${written}`)) {
      setAside.push({ written, start, reason: "date.duration: a length of time, not a point in time" });
      continue;
    }
    if (BOUND_BEFORE.test(before)) {
      setAside.push({ written, start, reason: "date.bound: the limit of a span (until June), not when something happened" });
      continue;
    }
    if (NOW.test(written)) {
      setAside.push({ written, start, reason: "date.now: the time of writing, not an event's date" });
      continue;
    }
    if (RELATIVE.test(written) && (REPORTED.test(before) || insideQuotation(body, sentence?.start ?? 0, e.start))) {
      setAside.push({ written, start, reason: "date.reported-relative: counts from when it was said, not from publication" });
      continue;
    }
    const resolved = resolveDate(written, publishedOn);
    if ("error" in resolved) {
      setAside.push({ written, start, reason: `date.unresolved: ${resolved.error}` });
      continue;
    }
    const ahead = futureWeekday(written, sentence ? body.slice(sentence.start, sentence.end) : "", publishedOn);
    const corrected = ahead ?? yearFromLaterPart(e.parts, resolved, publishedOn) ?? weekPrecision(written, resolved);
    const date = corrected ?? resolved;
    const { rule, confidence, note } = ahead ? { rule: "date.future-weekday", confidence: 0.6, note: "a planned event: the next such day" } : confidenceOf(written, date, publishedOn);
    const value = corrected ? iso(date.start, date.precision) : written;
    const words = `date=${JSON.stringify(written)} -> ${iso(date.start, date.precision)} (${date.precision})`;
    mentions.push({ start, end: e.end, written, value, date, proposal: proposal(rule, confidence, note ? `${words}, ${note}` : words) });
  }
  return { mentions, setAside };
}

/**
 * "the launch on Thursday will carry ...", "preparing for Thursday's launch": a weekday in a sentence about
 * what is planned is the next such day on or after publication (ingest/dates.ts reads the last one).
 */
function futureWeekday(written: string, sentence: string, publishedOn: Date): ResolvedDate | undefined {
  const day = WEEKDAY.exec(written.trim());
  if (!day || !FUTURE.test(sentence)) return undefined;
  const ahead = (WEEKDAYS.indexOf(day[1]!.toLowerCase()) - publishedOn.getUTCDay() + 7) % 7;
  const start = new Date(publishedOn.getTime() + ahead * 86_400_000);
  return { start, end: lastDay(start, "DAY"), precision: "DAY" };
}

/**
 * A month word inside a name: joined to a number by a hyphen ("March-2"), run on into letters or digits
 * ("March-2F"), or after a capitalized word mid-sentence that is no date word ("Long March 4", "Zhang Jun").
 */
function namePart(text: TextAnalysis, start: number, end: number, sentenceStart: number | undefined): boolean {
  const { body } = text;
  if (/^\p{L}+\.?-\d/u.test(body.slice(start, end)) || /^[-\p{L}\d]/u.test(body.slice(end, end + 1))) return true;
  // Only a capitalized date word can be a name's ("on Tuesday", "in 1998" after "Complex", "Founded" are dates).
  const before = /^\p{Lu}/u.test(body.slice(start, start + 1)) ? /(\p{Lu}[\p{L}’'-]*)[ \t]+$/u.exec(body.slice(Math.max(0, start - 30), start)) : null;
  const word = before && text.tokenAt(start - before[0].length);
  if (!word || ["Date", "WeekDay", "Month", "Preposition", "Determiner", "Conjunction", "Value"].some((tag) => word.tags.has(tag))) return false;
  // Opening a sentence, a capitalized word is a name only if it looks like one ("Early March" is not).
  return word.start !== sentenceStart || !isKnownWord(word.text) || ["FirstName", "LastName", "Person"].some((tag) => word.tags.has(tag));
}

/** An odd number of quotation marks between the sentence start and `at`: we are inside a quote. */
function insideQuotation(body: string, from: number, at: number): boolean {
  const between = body.slice(from, at);
  const opened = (between.match(/“/g)?.length ?? 0) - (between.match(/”/g)?.length ?? 0);
  return opened > 0 || (between.match(/"/g)?.length ?? 0) % 2 === 1;
}
