/**
 * Turns a validated annotation and its text into exactly the rows to write: anchors resolved to
 * spans, dates to partial dates, references checked against the file and the existing graph.
 * Pure: no database access, every problem reported with its path.
 */
import type { DatePrecision, QuoteKind } from "../generated/prisma/enums.ts";
import { parsePartialDate } from "../partial-date.ts";
import { resolveAnchor, type Span } from "./anchor.ts";
import type { Annotation, Problem } from "./format.ts";
import type { SourceText } from "./source-text.ts";

export type EntityKind = "themes" | "people" | "organizations" | "events";

/** Slugs already in the graph, which a file may refer to without defining them. */
export type KnownSlugs = Record<EntityKind, Set<string>>;

export interface Plan {
  document: Omit<Annotation["document"], "publishedOn" | "language"> & { publishedOn: Date; language: string; text: string };
  themes: Annotation["themes"];
  organizations: Annotation["organizations"];
  people: Annotation["people"];
  events: (Omit<Annotation["events"][number], "date" | "evidence"> & { dateStart: Date; dateEnd: Date; datePrecision: DatePrecision; evidence: Span[] })[];
  quotes: { slug: string; kind: QuoteKind; text: string; speaker: string; event?: string; themes: string[]; span: Span }[];
}

function publicationDate(annotation: Annotation, source: SourceText, problems: Problem[]): Date {
  const declared = annotation.document.publishedOn;
  if (declared && source.publishedOn && declared !== source.publishedOn) {
    problems.push({ path: "document.publishedOn", message: `is ${declared} but the text's date header says ${source.publishedOn}` });
  }
  const iso = declared ?? source.publishedOn;
  if (!iso) {
    problems.push({ path: "document.publishedOn", message: "is required when the text has no `date YYYY-MM-DD` header" });
    return new Date(0);
  }
  const parsed = parsePartialDate(iso);
  if (!parsed || parsed.precision !== "DAY") problems.push({ path: "document.publishedOn", message: `must be a day (YYYY-MM-DD), got "${iso}"` });
  return parsed?.start ?? new Date(0);
}

export function planIngest(annotation: Annotation, source: SourceText, known: KnownSlugs): { plan: Plan; problems: Problem[] } {
  const problems: Problem[] = [];
  const defined: KnownSlugs = {
    themes: new Set(), people: new Set(), organizations: new Set(), events: new Set(),
  };
  const define = (kind: EntityKind, list: { slug: string }[]) =>
    list.forEach(({ slug }, i) => {
      if (defined[kind].has(slug)) problems.push({ path: `${kind}[${i}].slug`, message: `"${slug}" is defined twice` });
      defined[kind].add(slug);
    });
  define("themes", annotation.themes);
  define("people", annotation.people);
  define("organizations", annotation.organizations);
  define("events", annotation.events);

  const refer = (kind: EntityKind, slug: string | undefined, path: string) => {
    if (slug && !defined[kind].has(slug) && !known[kind].has(slug)) {
      problems.push({ path, message: `refers to unknown ${kind === "people" ? "person" : kind.slice(0, -1)} "${slug}"` });
    }
  };
  const anchor = (quote: { exact: string; prefix?: string; suffix?: string }, path: string): Span => {
    const span = resolveAnchor(source.body, quote);
    if ("error" in span) {
      problems.push({ path, message: span.error });
      return { paragraph: 0, start: 0, end: 0 };
    }
    return span;
  };

  annotation.people.forEach((p, i) =>
    p.affiliations.forEach((a, j) => refer("organizations", a.organization, `people[${i}].affiliations[${j}].organization`)),
  );
  const events = annotation.events.map((e, i) => {
    const path = `events[${i}]`;
    e.themes.forEach((s, j) => refer("themes", s, `${path}.themes[${j}]`));
    e.people.forEach((s, j) => refer("people", s, `${path}.people[${j}]`));
    e.organizations.forEach((s, j) => refer("organizations", s, `${path}.organizations[${j}]`));
    const date = parsePartialDate(e.date);
    if (!date) problems.push({ path: `${path}.date`, message: `"${e.date}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD` });
    const { date: _written, evidence, ...rest } = e;
    return {
      ...rest,
      dateStart: date?.start ?? new Date(0),
      dateEnd: date?.end ?? new Date(0),
      datePrecision: date?.precision ?? "DAY",
      evidence: evidence.map((q, j) => anchor(q, `${path}.evidence[${j}].exact`)),
    };
  });
  const quoteSlugs = new Set<string>();
  const quotes = annotation.quotes.map((q, i) => {
    const path = `quotes[${i}]`;
    if (quoteSlugs.has(q.slug)) problems.push({ path: `${path}.slug`, message: `"${q.slug}" is defined twice` });
    quoteSlugs.add(q.slug);
    refer("people", q.speaker, `${path}.speaker`);
    refer("events", q.event, `${path}.event`);
    q.themes.forEach((s, j) => refer("themes", s, `${path}.themes[${j}]`));
    return { slug: q.slug, kind: q.kind, text: q.evidence.exact, speaker: q.speaker, event: q.event, themes: q.themes, span: anchor(q.evidence, `${path}.evidence.exact`) };
  });

  const publishedOn = publicationDate(annotation, source, problems);
  return {
    plan: {
      document: { ...annotation.document, publishedOn, language: annotation.document.language ?? "en", text: source.body },
      themes: annotation.themes,
      organizations: annotation.organizations,
      people: annotation.people,
      events,
      quotes,
    },
    problems,
  };
}
