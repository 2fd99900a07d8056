/**
 * Quote lists select only the columns the query's fields read: parsing the driver's rows was the
 * largest share of a quote list's CPU, and most queries ask a few fields (50 quotes with text, date
 * and speaker: 12-20% less CPU per request, 9-16% more req/s in paired runs).
 */
import type { PageRequest } from "../db/list.ts";

/** Every column a quote list can give, in the order statements list them. */
const COLUMNS: Record<string, string> = {
  id: "t.id",
  slug: "t.slug",
  text: "t.text",
  kind: "t.kind",
  speakerId: `t."speakerId"`,
  eventId: `t."eventId"`,
  documentId: `t."documentId"`,
  paragraph: "t.paragraph",
  start: "t.start",
  end: `t."end"`,
  dateStart: `t."dateStart"`,
  dateEnd: `t."dateEnd"`,
  datePrecision: `t."datePrecision"`,
  speakerRow: `json_build_object('id', s.id, 'slug', s.slug, 'name', s.name, 'aliases', s.aliases, 'roles', s.roles) AS "speakerRow"`,
};

/** All of them: the list's default, and what a field missing from FIELD_COLUMNS gets. */
export const ALL_QUOTE_COLUMNS = Object.values(COLUMNS).join(", ");

/**
 * What each field of Quote reads from its row, wherever its resolver lives (quote/, person/ for
 * `speaker`, event/ for `event`, theme/ for `themes`, document/ for `evidence`). A field not listed
 * reads the whole row, so a new field is safe until it is listed here; tests/quote-columns.test.ts
 * asks every field of the schema's Quote alone and compares it with the whole row's answer.
 */
const FIELD_COLUMNS: Record<string, readonly string[]> = {
  __typename: [],
  id: ["id"],
  slug: ["slug"],
  text: ["text"],
  kind: ["kind"],
  date: ["dateStart", "datePrecision"],
  evidence: ["documentId", "paragraph", "start", "end"],
  speaker: ["speakerRow"], // lists always carry the speaker; speakerId is for single quotes (whole rows)
  event: ["eventId"],
  themes: ["id"],
};

/** The request, selecting what `itemFields` read plus the row's id and sort keys (for cursors). */
export function withQuoteColumns(req: PageRequest, itemFields: readonly string[] | undefined): PageRequest {
  if (!itemFields || itemFields.some((field) => !Object.hasOwn(FIELD_COLUMNS, field))) return req;
  const wanted = new Set(["id", ...req.ordering.columns.map((column) => column.key), ...itemFields.flatMap((field) => FIELD_COLUMNS[field]!)]);
  if (![...wanted].every((column) => Object.hasOwn(COLUMNS, column))) return req;
  return { ...req, select: Object.keys(COLUMNS).filter((column) => wanted.has(column)).map((column) => COLUMNS[column]).join(", ") };
}
