/**
 * Partial dates: a date exactly as precise as its source, "2004" (YEAR), "2023-02" (MONTH) or
 * "2021-06-23" (DAY), stored as the first day it can mean plus a precision.
 */
import type { DatePrecision } from "./generated/prisma/enums.ts";

export interface PartialDateParts {
  iso: string;
  precision: DatePrecision;
  year: number;
  month: number | null;
  day: number | null;
  /** First and last day it can mean, YYYY-MM-DD. */
  start: string;
  end: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");
/** YYYY-MM-DD of a UTC date (toISOString is several times slower, and this runs per listed row). */
export const isoDay = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
const isoLength: Record<DatePrecision, number> = { YEAR: 4, MONTH: 7, DAY: 10 };

/**
 * A stored first day (UTC midnight) and precision, expanded on demand: lists format a date per
 * row and usually read only `iso`, so the other parts are computed when a query asks for them.
 */
class PartialDateValue implements PartialDateParts {
  constructor(private readonly first: Date, readonly precision: DatePrecision) {}
  get iso(): string {
    return isoDay(this.first).slice(0, isoLength[this.precision]);
  }
  get year(): number {
    return this.first.getUTCFullYear();
  }
  get month(): number | null {
    return this.precision === "YEAR" ? null : this.first.getUTCMonth() + 1;
  }
  get day(): number | null {
    return this.precision === "DAY" ? this.first.getUTCDate() : null;
  }
  get start(): string {
    return isoDay(this.first);
  }
  get end(): string {
    return isoDay(lastDay(this.first, this.precision));
  }
}

export function partialDate(start: Date, precision: DatePrecision): PartialDateParts {
  return new PartialDateValue(start, precision);
}

/** Last day (UTC midnight) a partial date starting on `start` can mean. */
export function lastDay(start: Date, precision: DatePrecision): Date {
  const year = start.getUTCFullYear();
  if (precision === "YEAR") return new Date(Date.UTC(year, 11, 31));
  if (precision === "MONTH") return new Date(Date.UTC(year, start.getUTCMonth() + 1, 0));
  return start;
}

/** Parses "2004", "2023-02" or "2021-06-23" into its first day, last day and precision; null if malformed. */
export function parsePartialDate(iso: string): { start: Date; end: Date; precision: DatePrecision } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return null;
  const [, y, mo, d] = m;
  const year = Number(y), month = mo ? Number(mo) : 1, day = d ? Number(d) : 1;
  const start = new Date(Date.UTC(year, month - 1, day));
  if (start.getUTCFullYear() !== year || start.getUTCMonth() !== month - 1 || start.getUTCDate() !== day) return null;
  const precision = d ? "DAY" : mo ? "MONTH" : "YEAR";
  return { start, end: lastDay(start, precision), precision };
}

/**
 * The parts of a partial date in SQL, from a DATE holding its first day and its precision: the
 * same strings and numbers as `partialDate` gives (the planner writes them; tests compare both).
 */
export function partialDateSql(start: string, precision: string): Record<keyof PartialDateParts, string> {
  const day = (date: string) => `to_char(${date}, 'YYYY-MM-DD')`;
  const last = `CASE ${precision} WHEN 'YEAR' THEN make_date(extract(year FROM ${start})::int, 12, 31)
    WHEN 'MONTH' THEN (date_trunc('month', ${start}) + interval '1 month - 1 day')::date ELSE ${start} END`;
  return {
    iso: `CASE ${precision} WHEN 'YEAR' THEN to_char(${start}, 'YYYY') WHEN 'MONTH' THEN to_char(${start}, 'YYYY-MM') ELSE ${day(start)} END`,
    precision: `${precision}`,
    year: `extract(year FROM ${start})::int`,
    month: `CASE WHEN ${precision} <> 'YEAR' THEN extract(month FROM ${start})::int END`,
    day: `CASE WHEN ${precision} = 'DAY' THEN extract(day FROM ${start})::int END`,
    start: day(start),
    end: day(last),
  };
}
