/**
 * Small SQL pieces the catalogue's declarations share: the read types of values embedded in a row
 * (partial dates).
 */
import { partialDateSql } from "../partial-date.ts";
import type { ReadType, ValueField } from "./catalogue.ts";

const sqlValue = (sql: string): ValueField => ({ kind: "value", sql: () => sql });

/** A PartialDate read from a row's first-day and precision columns (src/partial-date.ts partialDateSql). */
export function partialDateType(row: string, start: string, precision: string): ReadType {
  const parts = partialDateSql(`${row}."${start}"`, `${row}."${precision}"`);
  return { name: "PartialDate", fields: Object.fromEntries(Object.entries(parts).map(([name, sql]) => [name, sqlValue(sql)])) };
}
