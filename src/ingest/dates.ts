/**
 * Dates as the text writes them ("On April 12", "In February this year", "in 2004", "June 23,
 * 2021") resolved against the document's publication day, never more precise than the words:
 * a day only when the text names the day, a month only when it names the month.
 */
import * as chrono from "chrono-node";
import type { DatePrecision } from "../generated/prisma/enums.ts";
import { lastDay, parsePartialDate } from "../partial-date.ts";

export interface ResolvedDate {
  start: Date;
  end: Date;
  precision: DatePrecision;
}

/**
 * "Last week", "two weeks ago" name a week, which has no precision of its own: the month it lies
 * in, or its year when it straddles two months (a day would claim more than the words say).
 */
function weekOf(date: Date): ResolvedDate {
  const monday = new Date(date);
  monday.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  const sunday = new Date(monday);
  sunday.setUTCDate(monday.getUTCDate() + 6);
  const precision: DatePrecision = monday.getUTCMonth() === sunday.getUTCMonth() ? "MONTH" : "YEAR";
  const start = new Date(Date.UTC(monday.getUTCFullYear(), precision === "MONTH" ? monday.getUTCMonth() : 0, 1));
  return { start, end: lastDay(start, precision), precision };
}

/** "2004", "in 2004", "in the year 2004" (chrono reads the last as a year from now). */
const YEAR_ONLY = /^(?:in\s+|during\s+)?(?:the\s+year\s+)?(\d{4})$/i;
const ISO_LIKE = /^(?:(?:on|in|during)\s+)?(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/i;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAME = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY_NUMBER = String.raw`(\d{1,2})(?:st|nd|rd|th)?(?!\d)`;
/** "February 30", "Feb. 30th, 2023" and "30 February 2023", "the 30th of February". */
const MONTH_DAY = new RegExp(String.raw`\b${MONTH_NAME}\s+${DAY_NUMBER}(?:\s*,?\s*(\d{4})\b)?`, "i");
const DAY_MONTH = new RegExp(String.raw`\b${DAY_NUMBER}\s+(?:of\s+)?${MONTH_NAME}(?:\s*,?\s*(\d{4})\b)?`, "i");

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The month and day the words name, if they name both (and the year, if written). */
function namedDay(text: string): { year?: number; month: number; day: number } | undefined {
  const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  const md = MONTH_DAY.exec(text);
  if (md) return { month: monthOf(md[1]!), day: Number(md[2]), ...(md[3] ? { year: Number(md[3]) } : {}) };
  const dm = DAY_MONTH.exec(text);
  if (dm) return { month: monthOf(dm[2]!), day: Number(dm[1]), ...(dm[3] ? { year: Number(dm[3]) } : {}) };
  return undefined;
}

/** Why a named year-month-day is no day of the calendar, or undefined when it is one. */
function notADay(written: string, year: number, month: number, day: number): { error: string } | undefined {
  if (month < 1 || month > 12) return { error: `"${written}" is not a day of the calendar (there is no month ${month})` };
  const days = daysIn(year, month);
  if (day >= 1 && day <= days) return undefined;
  return { error: `"${written}" is not a day of the calendar (${MONTH_NAMES[month - 1]} ${year} has ${days} days)` };
}

/** The year that "last year", "this year" or "next year" in the words names, if they say one. */
function yearWords(text: string, publishedOn: Date): number | undefined {
  const shift = /\b(last|this|next) year\b/i.exec(text)?.[1]?.toLowerCase();
  return shift ? publishedOn.getUTCFullYear() + { last: -1, this: 0, next: 1 }[shift as "last" | "this" | "next"] : undefined;
}

/**
 * Resolves the words against the publication day, or says why not. An impossible day ("2023-02-30",
 * "February 30, 2023", "April 31", "Feb. 29, 2023") is refused as such: chrono finds no date in
 * most of them, and in some only another one ("Jan 32" is January 2032; "February 29 last year"
 * is just "last year"; "2023-13-01" is January 13).
 */
export function resolveDate(written: string, publishedOn: Date): ResolvedDate | { error: string } {
  const text = written.trim();
  const iso = parsePartialDate(text) ?? parsePartialDate(YEAR_ONLY.exec(text)?.[1] ?? "");
  if (iso) return iso;
  const isoLike = ISO_LIKE.exec(text);
  if (isoLike) {
    const [, y, mo, d] = isoLike;
    const impossible = d ? notADay(written, Number(y), Number(mo), Number(d)) : Number(mo) < 1 || Number(mo) > 12 ? { error: `"${written}" is not a month of the calendar` } : undefined;
    if (impossible) return impossible;
  }
  const [result] = chrono.parse(text, { instant: publishedOn, timezone: 0 }, { forwardDate: false });
  const named = namedDay(text);
  if (named && !(result && result.start.get("month") === named.month && result.start.get("day") === named.day)) {
    const year = named.year ?? yearWords(text, publishedOn);
    const impossible = notADay(written, year ?? publishedOn.getUTCFullYear(), named.month, named.day);
    if (impossible) return impossible;
    // chrono skipped the day it could not place ("February 29 next year" read as "next year").
    if (year !== undefined) {
      const start = new Date(Date.UTC(year, named.month - 1, named.day));
      return { start, end: start, precision: "DAY" };
    }
  }
  if (!result) return { error: `"${written}" is not a date this reader understands (try "April 12, 2023", "February 2023" or "2023-02")` };
  const c = result.start;
  const month = c.get("month")!, day = c.get("day")!;
  // chrono reads "February last year" as February of the publication year: apply the year words.
  const year = (c.isCertain("year") ? undefined : yearWords(text, publishedOn)) ?? c.get("year")!;
  if (/\bweeks?\b/i.test(text)) return weekOf(new Date(Date.UTC(year, month - 1, day)));
  // "on Tuesday" names a day relative to publication, as "on April 12" does.
  const precision: DatePrecision = c.isCertain("day") || c.isCertain("weekday") ? "DAY" : c.isCertain("month") ? "MONTH" : "YEAR";
  const start = new Date(Date.UTC(year, precision === "YEAR" ? 0 : month - 1, precision === "DAY" ? day : 1));
  // A bare weekday in news copy is the latest one on or before publication.
  if (!c.isCertain("day") && c.isCertain("weekday") && start > publishedOn) start.setUTCDate(start.getUTCDate() - 7);
  return { start, end: lastDay(start, precision), precision };
}
