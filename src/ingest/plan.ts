/**
 * Turns a valid annotation and its text into exactly what to write: anchors resolved to spans,
 * written dates to partial dates, mentions found, references checked against the file and the
 * graph. Pure (the graph comes in as `Known`); every problem comes back with its path.
 */
import type { DatePrecision, QuoteKind } from "../generated/prisma/enums.ts";
import { resolveAnchor, type Span } from "./anchor.ts";
import { isoDay } from "../partial-date.ts";
import { resolveDate, type ResolvedDate } from "./dates.ts";
import type { Annotation, EventReference, TextQuote } from "./format.ts";
import { findMentions } from "./mentions.ts";
import { paragraphLocator } from "../paragraphs.ts";
import type { SourceText } from "./source-text.ts";

/** What the graph already holds, for checking references and refining dates. */
export interface Known {
  themes: Set<string>;
  people: Set<string>;
  organizations: Set<string>;
  events: Map<string, ResolvedDate>;
}

type Path = (string | number)[];
export interface PlanProblem {
  path: Path;
  message: string;
}

export interface PlannedEvent {
  slug: string;
  /** Fields for an event this document defines; absent for a reference. */
  definition?: { title: string; summary: string | null; kind: string | null; place: string | null };
  /** The date to store: always for a definition, only when it refines for a reference. */
  date?: ResolvedDate;
  themes: string[];
  people: string[];
  organizations: string[];
  evidence: Span[];
}

export interface Plan {
  document: { slug: string; title: string; publishedOn: Date; dateline: string | null; language: string; sourceName: string | null; url: string | null; text: string };
  themes: { slug: string; name: string; description: string | null; aliases: string[]; keywords: string[] }[];
  organizations: { slug: string; name: string; aliases: string[]; mentions: Span[] }[];
  people: { slug: string; name: string; aliases: string[]; roles: string[]; affiliations: { organization: string; role: string | null }[]; mentions: Span[] }[];
  events: PlannedEvent[];
  quotes: { slug: string; kind: QuoteKind; text: string; speaker: string; event: string | null; themes: string[]; span: Span }[];
}

const OPENING = new Set(["“", '"', "‘", "'", "«"]);
const CLOSING = new Set(["”", '"', "’", "'", "»"]);
/** `inner` is strictly more precise than `outer` and inside it. */
const within = (inner: ResolvedDate, outer: ResolvedDate) =>
  inner.start >= outer.start && inner.end <= outer.end && inner.end.getTime() - inner.start.getTime() < outer.end.getTime() - outer.start.getTime();
const isRef = (e: NonNullable<Annotation["events"]>[number]): e is EventReference => "ref" in e;

export function planIngest(a: Annotation, source: SourceText, known: Known): { plan: Plan; problems: PlanProblem[] } {
  const problems: PlanProblem[] = [];
  const fail = (path: Path, message: string) => problems.push({ path, message });
  const body = source.body;
  const paragraphAt = paragraphLocator(body); // every anchor and mention of this body

  const declared = a.document.publishedOn;
  if (declared && source.publishedOn && declared !== source.publishedOn) {
    fail(["document", "publishedOn"], `is ${declared} but the text's date line says ${source.publishedOn}`);
  }
  const published = declared ?? source.publishedOn;
  if (!published) fail(["document", "publishedOn"], "is required when the text has no `date YYYY-MM-DD` line");
  const publishedOn = new Date(`${published ?? "1970-01-01"}T00:00:00.000Z`);
  if (Number.isNaN(publishedOn.getTime())) fail(["document", "publishedOn"], `"${published}" is not a day`);

  const defined = { themes: new Set<string>(), people: new Set<string>(), organizations: new Set<string>(), events: new Set<string>(), quotes: new Set<string>() };
  const define = (kind: keyof typeof defined, slug: string, path: Path) => {
    if (defined[kind].has(slug)) fail([...path, "slug"], `"${slug}" is defined twice`);
    defined[kind].add(slug);
  };
  a.themes?.forEach((t, i) => define("themes", t.slug, ["themes", i]));
  a.people?.forEach((p, i) => define("people", p.slug, ["people", i]));
  a.organizations?.forEach((o, i) => define("organizations", o.slug, ["organizations", i]));
  a.events?.forEach((e, i) => !isRef(e) && define("events", e.slug, ["events", i]));

  const refer = (kind: "themes" | "people" | "organizations", slugs: string[] | undefined, path: Path) =>
    (slugs ?? []).forEach((slug, i) => {
      if (!defined[kind].has(slug) && !known[kind].has(slug)) fail([...path, i], `refers to unknown ${{ themes: "theme", people: "person", organizations: "organization" }[kind]} "${slug}"`);
    });
  const anchor = (q: TextQuote, path: Path): Span => {
    const span = resolveAnchor(body, q, paragraphAt);
    if ("error" in span) fail([...path, "exact"], span.error);
    return "error" in span ? { paragraph: 0, start: 0, end: 0 } : span;
  };
  const date = (written: string, path: Path): ResolvedDate | undefined => {
    const resolved = resolveDate(written, publishedOn);
    if ("error" in resolved) fail(path, resolved.error);
    return "error" in resolved ? undefined : resolved;
  };

  a.people?.forEach((p, i) => p.affiliations?.forEach((af, j) => refer("organizations", [af.organization], ["people", i, "affiliations", j, "organization"])));
  const events = (a.events ?? []).map((e, i): PlannedEvent => {
    const path: Path = ["events", i];
    refer("themes", e.themes, [...path, "themes"]);
    refer("people", e.people, [...path, "people"]);
    refer("organizations", e.organizations, [...path, "organizations"]);
    const links = { themes: e.themes ?? [], people: e.people ?? [], organizations: e.organizations ?? [], evidence: e.evidence.map((q, j) => anchor(q, [...path, "evidence", j])) };
    if (!isRef(e)) {
      const definition = { title: e.title, summary: e.summary ?? null, kind: e.kind ?? null, place: e.place ?? null };
      const written = date(e.date, [...path, "date"]);
      // A finer date that another document gave, within what this one says, stays.
      const existing = known.events.get(e.slug);
      const kept = written && existing && within(existing, written) ? { ...existing } : written;
      return { slug: e.slug, definition, date: kept, ...links };
    }
    const existing = known.events.get(e.ref);
    if (defined.events.has(e.ref)) fail([...path, "ref"], `"${e.ref}" is defined in this file: put the evidence there`);
    else if (!existing) fail([...path, "ref"], `refers to unknown event "${e.ref}"`);
    const written = e.date !== undefined ? date(e.date, [...path, "date"]) : undefined;
    let refined: ResolvedDate | undefined;
    if (written && existing) {
      if (written.start > existing.end || written.end < existing.start) {
        fail([...path, "date"], `${e.date} (${isoDay(written.start)}…${isoDay(written.end)}) contradicts the event's date ${isoDay(existing.start)}…${isoDay(existing.end)}`);
      } else if (within(written, existing)) {
        refined = written;
      }
    }
    return { slug: e.ref, date: refined, ...links };
  });

  const quotes = (a.quotes ?? []).map((q, i) => {
    const path: Path = ["quotes", i];
    if (defined.quotes.has(q.slug)) fail([...path, "slug"], `"${q.slug}" is defined twice`);
    defined.quotes.add(q.slug);
    if (!defined.people.has(q.speaker) && !known.people.has(q.speaker)) fail([...path, "speaker"], `refers to unknown person "${q.speaker}"`);
    refer("themes", q.themes, [...path, "themes"]);
    if (q.event && !defined.events.has(q.event) && !known.events.has(q.event)) fail([...path, "event"], `refers to unknown event "${q.event}"`);
    const span = anchor(q.evidence, [...path, "evidence"]);
    if (q.kind === "DIRECT" && span.end > 0 && !(OPENING.has(body[span.start - 1] ?? "") && CLOSING.has(body[span.end] ?? ""))) {
      fail([...path, "evidence", "exact"], "a DIRECT quote must be exactly the characters between quotation marks in the text (use PARAPHRASE for reported speech)");
    }
    return { slug: q.slug, kind: q.kind, text: q.evidence.exact, speaker: q.speaker, event: q.event ?? null, themes: q.themes ?? [], span };
  });

  const mentions = findMentions(body, [
    ...(a.people ?? []).map((e) => ({ slug: `person:${e.slug}`, names: [e.name, ...(e.aliases ?? [])] })),
    ...(a.organizations ?? []).map((e) => ({ slug: `organization:${e.slug}`, names: [e.name, ...(e.aliases ?? [])] })),
  ], paragraphAt);
  const d = a.document;
  return {
    plan: {
      document: { slug: d.slug, title: d.title, publishedOn, dateline: d.dateline ?? null, language: d.language ?? "en", sourceName: d.sourceName ?? null, url: d.url ?? null, text: body },
      themes: (a.themes ?? []).map((t) => ({ slug: t.slug, name: t.name, description: t.description ?? null, aliases: t.aliases ?? [], keywords: t.keywords ?? [] })),
      organizations: (a.organizations ?? []).map((o) => ({ slug: o.slug, name: o.name, aliases: o.aliases ?? [], mentions: mentions.get(`organization:${o.slug}`)! })),
      people: (a.people ?? []).map((p) => ({
        slug: p.slug, name: p.name, aliases: p.aliases ?? [], roles: p.roles ?? [],
        affiliations: (p.affiliations ?? []).map((af) => ({ organization: af.organization, role: af.role ?? null })),
        mentions: mentions.get(`person:${p.slug}`)!,
      })),
      events,
      quotes,
    },
    problems,
  };
}
