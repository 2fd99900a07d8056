/**
 * A draft as the workbench holds it: the annotation's document section and its items (themes,
 * organizations, people, events, quotes), each with the curator's verdict and the extractor's
 * reasons (the `# proposed:` / `# links:` comments of the YAML). The annotation YAML stays the
 * format of record: it is read from and written back to exactly the ingest format.
 */
import { isSeq, parseDocument, stringify } from "yaml";

export const LISTS = ["themes", "organizations", "people", "events", "quotes"] as const;
export type ListName = (typeof LISTS)[number];
export type Verdict = "proposed" | "accepted" | "rejected";
export type Data = Record<string, unknown>;

export interface Item {
  id: number;
  list: ListName;
  data: Data;
  verdict: Verdict;
  /** The extractor's comment lines: rule, confidence, why. */
  why: string[];
  /** Validation problems at this item, from the last dry run. */
  problems: string[];
}

export interface Draft {
  document: Data;
  items: Item[];
  /** What the extractor saw and did not propose. */
  setAside: string[];
}

let nextId = 1;
const lines = (comment: string | null | undefined) => (comment ?? "").split("\n").map((l) => l.trim()).filter(Boolean);

/** Reads an annotation (a draft or a curated file); its items start with the verdict given. */
export function readDraft(yamlText: string, verdict: Verdict): Draft {
  const doc = parseDocument(yamlText);
  if (doc.errors.length) throw new Error(`the annotation is not valid YAML: ${doc.errors[0]!.message}`);
  const js = (doc.toJS() ?? {}) as Record<string, unknown>;
  if (typeof js !== "object" || Array.isArray(js)) throw new Error("the annotation must be a YAML mapping (document:, events:, ...)");
  const items: Item[] = [];
  for (const list of LISTS) {
    const node = doc.get(list, true);
    const values = Array.isArray(js[list]) ? (js[list] as Data[]) : [];
    values.forEach((data, i) => {
      // The first item's comment belongs to the list in the YAML tree.
      const seqItem = isSeq(node) ? (node.items[i] as { commentBefore?: string | null } | undefined) : undefined;
      const comment = seqItem?.commentBefore ?? (i === 0 && isSeq(node) ? node.commentBefore : undefined);
      items.push({ id: nextId++, list, data: { ...data }, verdict, why: lines(comment), problems: [] });
    });
  }
  const setAside = lines(doc.comment).filter((l) => !/^Seen but not proposed:?$/.test(l));
  return { document: (js.document ?? {}) as Data, items, setAside };
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/** An item's fields as the format writes them: empty ones left out, a `ref` without a definition's fields. */
export function cleaned(item: Item): Data {
  const ref = item.list === "events" && typeof item.data.ref === "string" && item.data.ref !== "";
  const out: Data = {};
  for (const [key, value] of Object.entries(item.data)) {
    if (isEmpty(value)) continue;
    if (ref && ["slug", "title", "summary", "kind", "place"].includes(key)) continue;
    if (!ref && key === "ref") continue;
    out[key] = value;
  }
  return out;
}

/** The annotation to send, and which item each `list[index]` of it is (problems name those paths). */
export function buildAnnotation(draft: Draft): { yaml: string; at: Map<string, Item> } {
  const annotation: Record<string, unknown> = { document: draft.document };
  const at = new Map<string, Item>();
  for (const list of LISTS) {
    const kept = draft.items.filter((i) => i.list === list && i.verdict !== "rejected");
    if (!kept.length) continue;
    annotation[list] = kept.map(cleaned);
    kept.forEach((item, index) => at.set(`${list}[${index}]`, item));
  }
  // No folding: evidence must stay the text's characters.
  return { yaml: stringify(annotation, { lineWidth: 0 }), at };
}

/** The item a problem's path (`quotes[1].speaker`) is about, if any. */
export function itemAt(path: string, at: Map<string, Item>): Item | undefined {
  const match = /^(\w+\[\d+\])/.exec(path);
  return match ? at.get(match[1]!) : undefined;
}

/** What a card and a highlight call the item. */
export function labelOf(item: Item): string {
  const d = item.data;
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  switch (item.list) {
    case "events":
      return text(d.ref) ? `${text(d.title) || "same event as"} → ${text(d.ref)}` : text(d.title) || text(d.slug);
    case "quotes": {
      const exact = (d.evidence as { exact?: string } | undefined)?.exact ?? "";
      return `${text(d.speaker) || "?"}: “${exact.length > 80 ? `${exact.slice(0, 80)}…` : exact}”`;
    }
    default:
      return text(d.name) || text(d.slug);
  }
}

/** The slug other items use to point at this one (an event's ref when it refers to an existing one). */
export const keyOf = (item: Item): string => String((item.list === "events" && item.data.ref) || item.data.slug || "");

/** The text file's date line and body, as the service splits them (src/ingest/source-text.ts). */
export function splitSource(raw: string): { publishedOn?: string; body: string } {
  const text = raw.replace(/^\uFEFF/, "");
  const header = /^[ \t]*date[ \t]+(\d[^\s]*)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!header) return { body: text };
  return { publishedOn: header[1], body: text.slice(header[0].length).replace(/^(?:[ \t]*\r?\n)+/, "") };
}

/** A slug as the format wants it (lowercase words joined by hyphens), from any words. */
export const slugOf = (words: string): string =>
  words.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/['’]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);

/** An item the draft missed, made by the curator from the words selected in the article. */
export function newItem(list: ListName, words: string): Item {
  const text = words.trim();
  const slug = slugOf(text) || `new-${list}-${nextId}`;
  const data: Data = {
    events: { slug, title: text.slice(0, 90), date: "", evidence: text ? [{ exact: text }] : [] },
    quotes: { slug, kind: "DIRECT", speaker: "", evidence: { exact: text } },
    people: { slug, name: text },
    organizations: { slug, name: text },
    themes: { slug, name: text },
  }[list];
  return { id: nextId++, list, data, verdict: "accepted", why: ["added by the curator"], problems: [] };
}
