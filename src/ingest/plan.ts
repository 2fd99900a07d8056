/**
 * Turns a valid annotation and its text into exactly what to write: the document, the claims it
 * makes (src/claims/derive.ts turns claims into the graph), and the rows it owns (evidence and
 * quotes), with anchors resolved to spans and written dates to partial dates. Pure (what the graph
 * holds comes in as `Known`); every problem comes back with its path.
 *
 * Naming a slug no document has described yet is a claim like any other, not a problem: the
 * writer warns about it instead.
 */
import type { QuoteKind } from "../generated/prisma/enums.ts";
import { resolveAnchor, type Span } from "./anchor.ts";
import { isoDay, parsePartialDate } from "../partial-date.ts";
import { resolveDate, type ResolvedDate } from "./dates.ts";
import type { Annotation, EventReference, TextQuote } from "./format.ts";
import { paragraphLocator } from "../paragraphs.ts";
import type { SourceText } from "./source-text.ts";
import type { PlannedClaim } from "../claims/claim.ts";

/** What the graph already holds that a file's validity depends on. */
export interface Known {
  themes: Set<string>;
  people: Set<string>;
  organizations: Set<string>;
  events: Map<string, ResolvedDate>;
  /** Quote slug -> slug of the document that holds it (a quote is one document's span). */
  quoteOwners?: Map<string, string>;
}

type Path = (string | number)[];
export interface PlanProblem {
  path: Path;
  message: string;
}

export interface PlannedQuote {
  slug: string;
  kind: QuoteKind;
  text: string;
  /** The speaker's slug, naming a person or (speakerKind ORGANIZATION) an organization. */
  speaker: string;
  speakerKind: "PERSON" | "ORGANIZATION";
  event: string | null;
  utterance: string | null;
  themes: string[];
  span: Span;
  path: Path;
}

export interface Plan {
  document: {
    slug: string; title: string; publishedOn: Date; dateline: string | null; language: string; sourceName: string | null;
    url: string | null; text: string; derivedFrom: string | null;
  };
  claims: PlannedClaim[];
  /** Where this document reports each event (event slug -> passages). */
  evidence: { event: string; spans: Span[] }[];
  quotes: PlannedQuote[];
}

const OPENING = new Set(["“", '"', "‘", "'", "«"]);
const CLOSING = new Set(["”", '"', "’", "'", "»"]);
const isRef = (e: NonNullable<Annotation["events"]>[number]): e is EventReference => "ref" in e;

export function planIngest(a: Annotation, source: SourceText, known: Known): { plan: Plan; problems: PlanProblem[] } {
  const problems: PlanProblem[] = [];
  const fail = (path: Path, message: string) => problems.push({ path, message });
  const body = source.body;
  const paragraphAt = paragraphLocator(body); // every anchor of this body

  const declared = a.document.publishedOn;
  if (declared && source.publishedOn && declared !== source.publishedOn) {
    fail(["document", "publishedOn"], `is ${declared} but the text's date line says ${source.publishedOn}`);
  }
  if (source.dateError) fail(["document", "publishedOn"], source.dateError);
  const published = declared ?? source.publishedOn;
  if (!published && !source.dateError) fail(["document", "publishedOn"], "is required when the text has no `date YYYY-MM-DD` line");
  const day = published ? parsePartialDate(published) : null;
  if (published && day?.precision !== "DAY") fail(["document", "publishedOn"], `"${published}" is not a day of the calendar`);
  const publishedOn = day?.start ?? new Date(0);

  const claims: PlannedClaim[] = [];
  const claim = (c: Omit<PlannedClaim, "position" | "span" | "note"> & Partial<PlannedClaim>) =>
    claims.push({ position: 0, note: null, span: null, ...c });
  const refer = (subject: PlannedClaim["subject"], slug: string, path: Path, span: Span | null = null) =>
    claim({ subject, slug, property: "REFERENCE", value: "", path, span });

  const defined = { themes: new Set<string>(), people: new Set<string>(), organizations: new Set<string>(), events: new Set<string>(), quotes: new Set<string>() };
  const define = (kind: keyof typeof defined, slug: string, path: Path) => {
    if (defined[kind].has(slug)) fail([...path, "slug"], `"${slug}" is described twice in this file`);
    defined[kind].add(slug);
  };
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
  const list = (subject: PlannedClaim["subject"], slug: string, property: PlannedClaim["property"], values: string[] | undefined, path: Path) =>
    values?.forEach((value, i) => claim({ subject, slug, property, value, position: i, path: [...path, i] }));

  a.themes?.forEach((t, i) => {
    const path: Path = ["themes", i];
    define("themes", t.slug, path);
    refer("THEME", t.slug, path);
    if (t.name !== undefined) claim({ subject: "THEME", slug: t.slug, property: "NAME", value: t.name, path: [...path, "name"] });
    if (t.description !== undefined) claim({ subject: "THEME", slug: t.slug, property: "DESCRIPTION", value: t.description, path: [...path, "description"] });
    list("THEME", t.slug, "ALIAS", t.aliases, [...path, "aliases"]);
    list("THEME", t.slug, "KEYWORD", t.keywords, [...path, "keywords"]);
  });
  a.organizations?.forEach((o, i) => {
    const path: Path = ["organizations", i];
    define("organizations", o.slug, path);
    refer("ORGANIZATION", o.slug, path);
    if (o.name !== undefined) claim({ subject: "ORGANIZATION", slug: o.slug, property: "NAME", value: o.name, path: [...path, "name"] });
    list("ORGANIZATION", o.slug, "ALIAS", o.aliases, [...path, "aliases"]);
  });
  a.people?.forEach((p, i) => {
    const path: Path = ["people", i];
    define("people", p.slug, path);
    refer("PERSON", p.slug, path);
    if (p.name !== undefined) claim({ subject: "PERSON", slug: p.slug, property: "NAME", value: p.name, path: [...path, "name"] });
    list("PERSON", p.slug, "ALIAS", p.aliases, [...path, "aliases"]);
    list("PERSON", p.slug, "ROLE", p.roles, [...path, "roles"]);
    p.affiliations?.forEach((af, j) => {
      const at: Path = [...path, "affiliations", j];
      refer("ORGANIZATION", af.organization, [...at, "organization"]);
      claim({ subject: "PERSON", slug: p.slug, property: "AFFILIATION", value: af.organization, note: af.role ?? null, position: j, path: at });
    });
  });

  a.events?.forEach((e, i) => !isRef(e) && define("events", e.slug, ["events", i]));
  const evidence = (a.events ?? []).map((e, i) => {
    const path: Path = ["events", i];
    const slug = isRef(e) ? e.ref : e.slug;
    if (isRef(e) && defined.events.has(e.ref)) fail([...path, "ref"], `"${e.ref}" is described in this file: put the evidence there`);
    const spans = e.evidence.map((q, j) => anchor(q, [...path, "evidence", j]));
    const span = spans[0] ?? null;
    refer("EVENT", slug, path, span);
    const field = (property: PlannedClaim["property"], value: string | undefined, name: string) => {
      if (value !== undefined) claim({ subject: "EVENT", slug, property, value, path: [...path, name], span });
    };
    if (!isRef(e)) field("TITLE", e.title, "title");
    field("SUMMARY", e.summary, "summary");
    field("KIND", e.kind, "kind");
    field("PLACE", e.place, "place");
    if (e.date !== undefined) {
      const resolved = date(e.date, [...path, "date"]);
      if (resolved) {
        const iso = isoDay(resolved.start).slice(0, { YEAR: 4, MONTH: 7, DAY: 10 }[resolved.precision]);
        claim({ subject: "EVENT", slug, property: "DATE", value: iso, note: e.date, path: [...path, "date"], span });
      }
    }
    const links = [["themes", "THEME"], ["people", "PERSON"], ["organizations", "ORGANIZATION"]] as const;
    for (const [field, subject] of links) {
      e[field]?.forEach((target, j) => {
        refer(subject, target, [...path, field, j]);
        claim({ subject: "EVENT", slug, property: subject, value: target, position: j, path: [...path, field, j], span });
      });
    }
    return { event: slug, spans };
  });

  const quotes = (a.quotes ?? []).map((q, i): PlannedQuote => {
    const path: Path = ["quotes", i];
    if (defined.quotes.has(q.slug)) fail([...path, "slug"], `"${q.slug}" is described twice in this file`);
    defined.quotes.add(q.slug);
    const owner = known.quoteOwners?.get(q.slug);
    if (owner && owner !== a.document.slug) {
      fail([...path, "slug"], `"${q.slug}" is a quote of document "${owner}": a quote is one document's span, so give this one its own slug (and \`utterance: ${q.slug}\` if it is the same utterance)`);
    }
    const speakerKind = q.speakerKind === "organization" ? "ORGANIZATION" : "PERSON";
    refer(speakerKind, q.speaker, [...path, "speaker"]);
    if (q.event) refer("EVENT", q.event, [...path, "event"]);
    q.themes?.forEach((t, j) => refer("THEME", t, [...path, "themes", j]));
    const span = anchor(q.evidence, [...path, "evidence"]);
    if (q.kind === "DIRECT" && span.end > 0 && !(OPENING.has(body[span.start - 1] ?? "") && CLOSING.has(body[span.end] ?? ""))) {
      fail([...path, "evidence", "exact"], "a DIRECT quote must be exactly the characters between quotation marks in the text (use PARAPHRASE for reported speech)");
    }
    return { slug: q.slug, kind: q.kind, text: q.evidence.exact, speaker: q.speaker, speakerKind, event: q.event ?? null, utterance: q.utterance ?? null, themes: q.themes ?? [], span, path };
  });

  const d = a.document;
  return {
    plan: {
      document: {
        slug: d.slug, title: d.title, publishedOn, dateline: d.dateline ?? null, language: d.language ?? "en", sourceName: d.sourceName ?? null,
        url: d.url ?? null, text: body, derivedFrom: d.derivedFrom ?? null,
      },
      claims,
      evidence,
      quotes,
    },
    problems,
  };
}
