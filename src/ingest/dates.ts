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

const YEAR_ONLY = /^(?:in\s+|during\s+)?(\d{4})$/i;

export function resolveDate(written: string, publishedOn: Date): ResolvedDate | { error: string } {
  const text = written.trim();
  const iso = parsePartialDate(text) ?? parsePartialDate(YEAR_ONLY.exec(text)?.[1] ?? "");
  if (iso) return iso;
  const [result] = chrono.parse(text, { instant: publishedOn, timezone: 0 }, { forwardDate: false });
  if (!result) return { error: `"${written}" is not a date this reader understands (try "April 12, 2023", "February 2023" or "2023-02")` };
  const c = result.start;
  const month = c.get("month")!, day = c.get("day")!;
  // chrono reads "February last year" as February of the publication year: apply the year words.
  const shift = /\b(last|this|next) year\b/i.exec(text)?.[1]?.toLowerCase();
  const year = !c.isCertain("year") && shift ? publishedOn.getUTCFullYear() + { last: -1, this: 0, next: 1 }[shift as "last" | "this" | "next"] : c.get("year")!;
  if (/\bweeks?\b/i.test(text)) return weekOf(new Date(Date.UTC(year, month - 1, day)));
  // "on Tuesday" names a day relative to publication, as "on April 12" does.
  const precision: DatePrecision = c.isCertain("day") || c.isCertain("weekday") ? "DAY" : c.isCertain("month") ? "MONTH" : "YEAR";
  const start = new Date(Date.UTC(year, precision === "YEAR" ? 0 : month - 1, precision === "DAY" ? day : 1));
  // A bare weekday in news copy is the latest one on or before publication.
  if (!c.isCertain("day") && c.isCertain("weekday") && start > publishedOn) start.setUTCDate(start.getUTCDate() - 7);
  return { start, end: lastDay(start, precision), precision };
}
