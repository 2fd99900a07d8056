/**
 * A draft as an annotation file: the YAML the ingest pipeline reads, with a `# proposed:` comment
 * above each item (rule and confidence; the schema admits no extra fields and the parser ignores
 * comments) and, at the end, what was seen but not proposed.
 */
import { Document, isSeq, visit } from "yaml";
import type { Draft, DraftNotes } from "./draft.ts";

const HEADER = [
  " Draft annotation proposed by `npm run extract`: every item is machine-proposed.",
  " Each `# proposed:` line names the rule that proposed the item and its confidence (0..1);",
  " `# links:` says why an event or quote links its themes and event. Check each item against",
  " the text, correct or delete it, then delete its comment lines (docs/extraction.md).",
];

export function renderDraft(draft: Draft, source?: string): string {
  const doc = new Document(draft.annotation);
  doc.commentBefore = [...HEADER, ...(source ? [` Text: ${source}`] : []), ...draft.notes.document].join("\n");
  for (const list of ["people", "organizations", "events", "quotes"] as const satisfies (keyof DraftNotes)[]) {
    const node = doc.get(list, true);
    if (!isSeq(node)) continue;
    node.items.forEach((item, i) => {
      const lines = draft.notes[list][i] ?? [];
      if (lines.length && item && typeof item === "object") (item as { commentBefore?: string }).commentBefore = lines.join("\n");
    });
  }
  if (draft.setAside.length) doc.comment = [" Seen but not proposed:", ...draft.setAside.map((s) => `   ${s}`)].join("\n");
  // "2023-05-29" is a string in YAML 1.2 but a timestamp to 1.1 readers: quote dates for both.
  visit(doc, { Scalar: (_, node) => void (typeof node.value === "string" && /^\d{4}(?:-\d{2}){0,2}$/.test(node.value) && (node.type = "QUOTE_DOUBLE")) });
  // No folding: evidence must stay the text's characters, and long lines diff better.
  return doc.toString({ lineWidth: 0 });
}
