/**
 * Which fields each kind of item has in the annotation format (docs/annotation-format.md), and how
 * the workbench edits them: text, a list written comma-separated, a choice, evidence, or a pick of
 * an entity or event by search-as-you-type. Fields the workbench does not know are edited as JSON.
 */
import type { ListName } from "./draft-model.ts";

export type FieldKind = "text" | "long" | "list" | "choice" | "evidence" | "evidence-list" | "json" | "event" | "speaker" | "ref";

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  choices?: string[];
  hint?: string;
}

const f = (name: string, kind: FieldKind = "text", extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, kind, ...extra });

export const FIELDS: Record<ListName, FieldSpec[]> = {
  events: [
    f("ref", "ref", { hint: "an event already in the graph that this report is about: type to search" }),
    f("slug"), f("title"), f("summary", "long"), f("date", "text", { hint: "as the text writes it: on Tuesday, in May 2026, 2026-05-12" }),
    f("kind"), f("place"), f("people", "list"), f("organizations", "list"), f("themes", "list"),
    f("evidence", "evidence-list", { hint: "one passage per line, exactly as in the text" }),
  ],
  quotes: [
    f("slug"), f("kind", "choice", { choices: ["DIRECT", "PARAPHRASE"] }), f("speaker", "speaker", { hint: "type to search people and organizations" }),
    f("speakerKind", "choice", { choices: ["", "person", "organization"] }), f("event", "event", { hint: "an event of this draft or of the graph" }),
    f("utterance"), f("themes", "list"), f("evidence", "evidence", { hint: "the quote exactly as in the text" }),
  ],
  people: [f("slug"), f("name"), f("aliases", "list"), f("roles", "list"), f("affiliations", "json")],
  organizations: [f("slug"), f("name"), f("aliases", "list")],
  themes: [f("slug"), f("name"), f("description", "long"), f("keywords", "list"), f("aliases", "list")],
};

/** The field's value as the editor shows it. */
export function shown(kind: FieldKind, value: unknown): string {
  if (value === undefined || value === null) return "";
  switch (kind) {
    case "list":
      return Array.isArray(value) ? value.join(", ") : String(value);
    case "evidence":
      return String((value as { exact?: string }).exact ?? "");
    case "evidence-list":
      return Array.isArray(value) ? value.map((q: { exact?: string }) => q.exact ?? "").join("\n") : "";
    case "json":
      return JSON.stringify(value, null, 1);
    default:
      return String(value);
  }
}

/** The edited text as the field's value; `previous` keeps evidence's prefix/suffix where the words stay. */
export function parsed(kind: FieldKind, text: string, previous: unknown): unknown {
  switch (kind) {
    case "list":
      return text.split(",").map((s) => s.trim()).filter(Boolean);
    case "evidence": {
      const old = (previous ?? {}) as { exact?: string };
      return old.exact === text ? old : { exact: text };
    }
    case "evidence-list": {
      const old = Array.isArray(previous) ? (previous as { exact?: string }[]) : [];
      return text.split("\n").filter((l) => l.trim()).map((exact) => old.find((q) => q.exact === exact) ?? { exact });
    }
    case "json":
      if (!text.trim()) return undefined;
      try {
        return JSON.parse(text);
      } catch {
        throw new Error("not JSON");
      }
    default:
      return text;
  }
}
