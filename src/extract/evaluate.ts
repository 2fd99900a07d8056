/**
 * How close a draft comes to a curated annotation of the same text. Events match by date and
 * precision (both resolved by ingest/dates.ts), direct quotes by their exact words and speaker,
 * paraphrases by overlapping evidence and speaker, people and organizations by any shared name or
 * alias, event refs by the slug they refer to. A draft's speaker counts as the curated one when
 * their names or aliases meet.
 */
import { resolveAnchor } from "../ingest/anchor.ts";
import { paragraphLocator } from "../paragraphs.ts";
import { resolveDate } from "../ingest/dates.ts";
import { readAnnotation, type Annotation, type EventReference, type TextQuote } from "../ingest/format.ts";
import { parseSourceText } from "../ingest/source-text.ts";
import { extractDraft } from "./draft.ts";
import type { Gazetteer } from "./gazetteer.ts";

export interface Score {
  proposed: number;
  curated: number;
  /** Proposed items that match a curated one. */
  correct: number;
  /** Curated items that a proposed one matches. */
  found: number;
  precision: number;
  recall: number;
}

export const MEASURES = ["events", "directQuotes", "paraphrases", "people", "organizations", "refs"] as const;
export type Evaluation = Record<(typeof MEASURES)[number], Score>;

/** Issue 8's targets on the bundled article, with no gazetteer. */
export const TARGETS = { events: { precision: 0.8, recall: 0.9 }, directQuotes: { precision: 0.8, recall: 0.9 } } as const;

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
type Entity = { slug: string; name: string; aliases?: string[] };
const namesOf = (e: Entity) => new Set([e.name, ...(e.aliases ?? [])].map((n) => n.toLowerCase()));
const meet = (a: Entity, b: Entity) => [...namesOf(a)].some((n) => namesOf(b).has(n));

/** Scores `proposed` against `curated` under `match` (not one-to-one: an item may match several). */
function score<P, C>(proposed: P[], curated: C[], match: (p: P, c: C) => boolean): Score {
  const correct = proposed.filter((p) => curated.some((c) => match(p, c))).length;
  const found = curated.filter((c) => proposed.some((p) => match(p, c))).length;
  return { proposed: proposed.length, curated: curated.length, correct, found, precision: ratio(correct, proposed.length), recall: ratio(found, curated.length) };
}

/** Events as "start|precision", each proposed date used at most once (dates repeat across events). */
function eventScore(draft: Annotation, gold: Annotation, publishedOn: Date): Score {
  const keys = (a: Annotation) =>
    (a.events ?? []).flatMap((e) => {
      const r = e.date === undefined ? undefined : resolveDate(e.date, publishedOn);
      return r && !("error" in r) ? [`${r.start.toISOString()}|${r.precision}`] : [];
    });
  const proposed = keys(draft), curated = keys(gold);
  const left = [...curated];
  const correct = proposed.filter((k) => left.includes(k) && left.splice(left.indexOf(k), 1)).length;
  return { proposed: proposed.length, curated: curated.length, correct, found: correct, precision: ratio(correct, proposed.length), recall: ratio(correct, curated.length) };
}

/** A document's refs to events described elsewhere. */
const refsOf = (a: Annotation) => (a.events ?? []).filter((e): e is EventReference => "ref" in e);

/** Entries that only name an entity described elsewhere are scored by their slug. */
const named = <T extends { slug: string; name?: string }>(items: T[] | undefined) => (items ?? []).map((e) => ({ ...e, name: e.name ?? e.slug }));

export function evaluateDraft(draft: Annotation, gold: Annotation, body: string, publishedOn: Date): Evaluation {
  const draftPeople = new Map(named(draft.people).map((p) => [p.slug, p]));
  const goldPeople = new Map(named(gold.people).map((p) => [p.slug, p]));
  const sameSpeaker = (proposed: string, curated: string) => {
    if (proposed === curated) return true;
    const p = draftPeople.get(proposed), c = goldPeople.get(curated);
    return Boolean(p && c && meet(p, c));
  };
  const paragraphAt = paragraphLocator(body);
  const span = (q: TextQuote) => {
    const s = resolveAnchor(body, q, paragraphAt);
    return "error" in s ? { start: -1, end: -1 } : s;
  };
  const quotes = (a: Annotation, kind: "DIRECT" | "PARAPHRASE") => (a.quotes ?? []).filter((q) => q.kind === kind).map((q) => ({ ...q, span: span(q.evidence) }));
  return {
    events: eventScore(draft, gold, publishedOn),
    directQuotes: score(quotes(draft, "DIRECT"), quotes(gold, "DIRECT"), (p, c) => p.evidence.exact === c.evidence.exact && sameSpeaker(p.speaker, c.speaker)),
    paraphrases: score(quotes(draft, "PARAPHRASE"), quotes(gold, "PARAPHRASE"), (p, c) => p.span.start < c.span.end && c.span.start < p.span.end && sameSpeaker(p.speaker, c.speaker)),
    people: score(named(draft.people), named(gold.people), meet),
    organizations: score(named(draft.organizations), named(gold.organizations), meet),
    refs: score(refsOf(draft), refsOf(gold), (p, c) => p.ref === c.ref),
  };
}

/** Drafts a curated document's text and scores the draft; `ms` is how long extraction took. */
export function evaluateDocument(goldYaml: string, rawText: string, gazetteer: Gazetteer): { evaluation: Evaluation; ms: number; draft: Annotation } {
  const gold = readAnnotation(goldYaml);
  if (!gold.ok) throw new Error(`curated annotation is invalid: ${gold.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  const source = parseSourceText(rawText);
  const publishedOn = gold.annotation.document.publishedOn ?? source.publishedOn;
  const started = performance.now();
  const result = extractDraft(rawText, { publishedOn, gazetteer });
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(result.error);
  const day = new Date(`${publishedOn}T00:00:00.000Z`);
  return { evaluation: evaluateDraft(result.draft.annotation, gold.annotation, source.body, day), ms, draft: result.draft.annotation };
}
