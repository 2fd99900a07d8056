/**
 * Quote lists select only the columns the query's fields read: parsing the driver's rows was the
 * largest share of a quote list's CPU, and most queries ask a few fields (50 quotes with text, date
 * and speaker: 12-20% less CPU per request, 9-16% more req/s in paired runs).
 */
import type { PageRequest } from "../db/list.ts";
import { LISTED_COLUMNS } from "../db/rows.ts";

/**
 * The speaker's columns (a listed Person's), folded into each listed quote as one JSON object,
 * `speakerRow`: null when an organization speaks (quote lists LEFT JOIN the person, quote.loaders.ts).
 */
const SPEAKER_COLUMNS: Record<string, string> = Object.fromEntries(LISTED_COLUMNS.Person.map((column) => [column, `s."${column}"`]));
/** Fields of Person that read nothing of its row but the id (its global id, the lists under it). */
const PERSON_FIELDS_OF_ID = new Set(["__typename", "id", "events", "mentions", "coSpeakers", "organizations", "quotes"]);

const speakerRow = (keys: readonly string[]) =>
  `CASE WHEN s.id IS NOT NULL THEN json_build_object(${keys.map((key) => `'${key}', ${SPEAKER_COLUMNS[key]}`).join(", ")}) END AS "speakerRow"`;

/** Every column a quote list can give, in the order statements list them. */
const COLUMNS: Record<string, string> = {
  id: "t.id",
  slug: "t.slug",
  text: "t.text",
  kind: "t.kind",
  speakerId: `t."speakerId"`,
  speakerOrganizationId: `t."speakerOrganizationId"`,
  eventId: `t."eventId"`,
  utterance: "t.utterance",
  documentId: `t."documentId"`,
  paragraph: "t.paragraph",
  start: "t.start",
  end: `t."end"`,
  dateStart: `t."dateStart"`,
  dateEnd: `t."dateEnd"`,
  datePrecision: `t."datePrecision"`,
  speakerRow: speakerRow(Object.keys(SPEAKER_COLUMNS)),
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
  speaker: ["speakerRow"], // lists carry the speaker (what its fields read); speakerId is for single quotes (whole rows)
  speakerOrganization: ["speakerOrganizationId"],
  event: ["eventId"],
  utterance: ["utterance"],
  versions: ["id", "utterance"], // a quote without an utterance has no versions: no statement for it
  themes: ["id"],
};

/**
 * The speaker's JSON with the columns its asked fields ("speaker.name", see itemFieldNames) read,
 * its id always; all of them when a field is not known here.
 */
function speakerRowFor(itemFields: readonly string[]): string {
  const asked = itemFields.filter((field) => field.startsWith("speaker.")).map((field) => field.slice("speaker.".length));
  if (asked.some((field) => !Object.hasOwn(SPEAKER_COLUMNS, field) && !PERSON_FIELDS_OF_ID.has(field))) return COLUMNS.speakerRow!;
  return speakerRow(Object.keys(SPEAKER_COLUMNS).filter((key) => key === "id" || asked.includes(key)));
}

/** The request, selecting what `itemFields` read plus the row's id and sort keys (for cursors). */
export function withQuoteColumns(req: PageRequest, itemFields: readonly string[] | undefined): PageRequest {
  const fields = itemFields?.filter((field) => !field.includes("."));
  if (!itemFields || !fields || fields.some((field) => !Object.hasOwn(FIELD_COLUMNS, field))) return req;
  const wanted = new Set(["id", ...req.ordering.columns.map((column) => column.key), ...fields.flatMap((field) => FIELD_COLUMNS[field]!)]);
  if (![...wanted].every((column) => Object.hasOwn(COLUMNS, column))) return req;
  const select = Object.keys(COLUMNS).filter((column) => wanted.has(column));
  return { ...req, select: select.map((column) => (column === "speakerRow" ? speakerRowFor(itemFields) : COLUMNS[column])).join(", ") };
}
