/**
 * The annotation format: one YAML file per document, beside its text file. Its contract is the
 * JSON Schema in annotation.schema.json (docs/annotation-format.md explains it); this module
 * checks a parsed file against it and reports every problem at once, each with the field's path
 * and the YAML line it is on.
 */
import { Ajv, type ErrorObject } from "ajv";
import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import schema from "./annotation.schema.json" with { type: "json" };
import type { QuoteKind } from "../generated/prisma/enums.ts";

export interface TextQuote {
  exact: string;
  prefix?: string;
  suffix?: string;
}

interface Links {
  themes?: string[];
  people?: string[];
  organizations?: string[];
}

/** An event this document defines. */
export interface EventDefinition extends Links {
  slug: string;
  title: string;
  summary?: string;
  date: string;
  kind?: string;
  place?: string;
  evidence: TextQuote[];
}

/** An event described elsewhere (perhaps by a document not ingested yet) that this document reports too. */
export interface EventReference extends Links {
  ref: string;
  date?: string;
  summary?: string;
  kind?: string;
  place?: string;
  evidence: TextQuote[];
}

export interface Annotation {
  document: { slug: string; title: string; publishedOn?: string; dateline?: string; language?: string; sourceName?: string; url?: string; derivedFrom?: string };
  themes?: { slug: string; name?: string; description?: string; aliases?: string[]; keywords?: string[] }[];
  organizations?: { slug: string; name?: string; aliases?: string[] }[];
  people?: { slug: string; name?: string; aliases?: string[]; roles?: string[]; affiliations?: { organization: string; role?: string }[] }[];
  events?: (EventDefinition | EventReference)[];
  quotes?: QuoteAnnotation[];
}

/** What a quote's `speaker` slug names: a person unless the file says otherwise. */
export type SpeakerKind = "person" | "organization";

export interface QuoteAnnotation {
  slug: string;
  kind: QuoteKind;
  speaker: string;
  speakerKind?: SpeakerKind;
  event?: string;
  utterance?: string;
  themes?: string[];
  evidence: TextQuote;
}

export interface Problem {
  /** Where in the file, e.g. `events[2].date`. */
  path: string;
  /** 1-based line in the YAML file, when known. */
  line?: number;
  message: string;
}

// strictRequired off: the oneOf branches name properties defined one level up.
const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile<Annotation>(schema);

/** `/events/2/date` -> ["events", 2, "date"] */
const segments = (pointer: string) =>
  pointer.split("/").slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, "/").replace(/~0/g, "~")));

export const formatPath = (parts: (string | number)[]) =>
  parts.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("") || "(file)";

function describe(error: ErrorObject): { parts: (string | number)[]; message: string } {
  const parts = segments(error.instancePath);
  switch (error.keyword) {
    case "required":
      return { parts: [...parts, error.params.missingProperty as string], message: "is required" };
    case "additionalProperties":
      return { parts: [...parts, error.params.additionalProperty as string], message: "is not a field of the format" };
    case "oneOf":
      return { parts, message: "must either define an event (slug, title, date) or refer to one already in the graph (ref), not both" };
    case "pattern":
      if (error.params.pattern === "\\S") return { parts, message: "must not be empty" };
      return { parts, message: error.schemaPath.includes("slug") ? "must be a slug (lowercase words joined by -)" : `must match ${error.params.pattern}` };
    case "enum":
      return { parts, message: `must be one of ${(error.params.allowedValues as string[]).join(", ")}` };
    default:
      return { parts, message: error.message ?? "is invalid" };
  }
}

/** Parses YAML and checks it against the schema. */
export function readAnnotation(source: string): { ok: true; annotation: Annotation; locate: (parts: (string | number)[]) => number | undefined } | { ok: false; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(source, { lineCounter, prettyErrors: true });
  if (doc.errors.length) {
    return { ok: false, problems: doc.errors.map((e) => ({ path: "(yaml)", line: e.linePos?.[0].line, message: e.message.split("\n")[0]! })) };
  }
  const locate = (parts: (string | number)[]) => {
    for (let n = parts.length; n >= 0; n--) {
      const node = doc.getIn(parts.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const value: unknown = doc.toJS();
  if (validate(value)) return { ok: true, annotation: value, locate };
  // oneOf reports each branch's own failures too; its summary says it better.
  const errors = (validate.errors ?? []).filter((e) => !e.schemaPath.includes("/oneOf/"));
  const problems = errors.map((error) => {
    const { parts, message } = describe(error);
    return { path: formatPath(parts), line: locate(parts), message };
  });
  const unique = new Map(problems.map((p) => [`${p.path}|${p.message}`, p]));
  return { ok: false, problems: [...unique.values()] };
}
