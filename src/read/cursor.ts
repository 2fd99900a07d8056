/**
 * Cursors: base64url of the JSON array [ordering name, ...sort key values], with dates as
 * YYYY-MM-DD. One definition, written in JavaScript (encode, decode) and in SQL (the planner's
 * pages), which must agree byte for byte: JSON.stringify writes no spaces, so the SQL joins
 * to_json() texts with bare commas.
 */
import type { Ordering, SortColumn } from "../db/list.ts";
import { isoDay } from "../partial-date.ts";

export function encodeCursor(ordering: Ordering, row: Record<string, unknown>): string {
  const values = ordering.columns.map(({ key }) => {
    const v = row[key];
    return v instanceof Date ? isoDay(v) : v;
  });
  return Buffer.from(JSON.stringify([ordering.name, ...values])).toString("base64url");
}

/** The sort key in a cursor, or null when it is not a cursor of this ordering. */
export function decodeCursor(ordering: Ordering, cursor: string): unknown[] | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed[0] !== ordering.name || parsed.length !== ordering.columns.length + 1) return null;
    const values = parsed.slice(1);
    return values.every((v) => typeof v === "string" || typeof v === "number") ? values : null;
  } catch {
    return null;
  }
}

/**
 * A sort key value as JSON text, the way JSON.stringify writes what the driver gives for it: both
 * write a double in its shortest form, and a `real` key (a search rank) reaches JavaScript as a double.
 */
const JSON_OF: Record<SortColumn["cast"], (sql: string) => string> = {
  date: (sql) => `to_json(to_char(${sql}, 'YYYY-MM-DD'))::text`,
  text: (sql) => `to_json(${sql}::text)::text`,
  int: (sql) => `to_json(${sql})::text`,
  real: (sql) => `to_json(${sql}::float8)::text`,
};

/** `encodeCursor` in SQL, the sort keys given as SQL (one per ordering column). */
export function cursorSql(ordering: Ordering, keys: readonly string[]): string {
  // Ordering names are code (letters, digits, dashes): nothing to escape.
  const parts = ordering.columns.map((column, i) => JSON_OF[column.cast](keys[i]!)).join(` || ',' || `);
  const json = `'["${ordering.name}",' || ${parts} || ']'`;
  return `rtrim(translate(encode(convert_to(${json}, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')`;
}
