/**
 * The draft's lists: people, organizations, events and quotes as the annotation format writes
 * them, each with its comment lines. Events and quotes link what their evidence names: the people
 * and organizations mentioned in it, the themes suggested for its paragraphs, and for a quote the
 * event whose dated sentence comes last before it, at most two paragraphs back. An event the graph
 * already holds is proposed as a `ref` to it (event-refs.ts), and its quotes point at that event.
 */
import type { Span } from "../ingest/anchor.ts";
import type { Annotation } from "../ingest/format.ts";
import type { DraftEntity, Entities } from "./entities.ts";
import { matchKnownEvents } from "./event-refs.ts";
import type { EventCandidate } from "./events.ts";
import { excerpt } from "./excerpt.ts";
import type { KnownEvent } from "./gazetteer.ts";
import type { ReportedSpeech } from "./paraphrases.ts";
import { describeProposal, proposal, type Proposal } from "./provenance.ts";
import type { Quotation } from "./quotes.ts";
import { contentWords, type SlugPool } from "./slugs.ts";
import type { Resolved } from "./speakers.ts";
import type { SpeakerRef } from "./speech.ts";
import type { TextAnalysis } from "./text.ts";
import { strongestPerTheme, type ThemeSuggestion } from "./themes.ts";
import type { DraftNotes } from "./draft.ts";
import { partialDate } from "../partial-date.ts";

export interface ItemInputs {
  text: TextAnalysis;
  entities: Entities;
  mentions: Map<string, Span[]>;
  events: EventCandidate[];
  quotations: Quotation[];
  reported: ReportedSpeech[];
  speakers: Map<SpeakerRef, Resolved | undefined>;
  /** Per paragraph (index = paragraph - 1). */
  themes: ThemeSuggestion[][];
  slugs: SlugPool;
  /** The graph's events, which a candidate may report again (event-refs.ts). */
  knownEvents: KnownEvent[];
}

const EVENT_REACH = 2;
/** An event item's slug: its own, or the known event's it refers to. */
const slugOf = (item: { slug: string } | { ref: string }) => ("ref" in item ? item.ref : item.slug);
const iso = (e: EventCandidate) => partialDate(e.date.start, e.date.precision).iso;
const list = <T>(values: Iterable<T>): T[] | undefined => {
  const items = [...values];
  return items.length ? items : undefined;
};
const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The themes of some paragraphs, strongest suggestion per theme. */
const themesOf = (themes: ThemeSuggestion[][], paragraphs: number[]) => strongestPerTheme(paragraphs.flatMap((p) => themes[p - 1] ?? []));

function linksLine(themes: ThemeSuggestion[], extra?: string): string[] {
  const parts = themes.map((t) => `${t.slug} (${t.proposal.rule} ${t.proposal.confidence.toFixed(2)}${t.proposal.note ? `, ${t.proposal.note}` : ""})`);
  const line = [extra, parts.length ? `themes: ${parts.join("; ")}` : undefined].filter(Boolean).join("; ");
  return line ? [` links: ${line}`] : [];
}

const entityItem = (e: DraftEntity) => compact({ slug: e.slug, name: e.name, aliases: list(e.aliases), ...(e.kind === "person" ? { roles: list(e.roles) } : {}) });

export function assembleItems(i: ItemInputs): { annotation: Omit<Annotation, "document">; notes: Omit<DraftNotes, "document">; setAside: string[] } {
  const { body } = i.text;
  const people = i.entities.list("person"), organizations = i.entities.list("organization");
  const namedIn = (entities: DraftEntity[], spans: { start: number; end: number }[]) =>
    list(entities.filter((e) => (i.mentions.get(e.slug) ?? []).some((m) => spans.some((s) => m.start >= s.start && m.end <= s.end))).map((e) => e.slug));

  const setAside: string[] = [];
  const drafted = i.events.flatMap((e) => {
    // A sentence repeated word for word with the same surroundings cannot be anchored: it goes.
    const anchored = e.sentences.flatMap((s) => {
      const quote = excerpt(body, s.start, s.end);
      return quote ? [{ s, quote }] : [];
    });
    if (anchored.length === 0) return setAside.push(`event ${JSON.stringify(e.title)}: its sentences repeat with the same surroundings (no anchor)`), [];
    const themes = themesOf(i.themes, anchored.map(({ s }) => s.paragraph));
    return [{ candidate: e, anchored, themes, people: namedIn(people, e.sentences), organizations: namedIn(organizations, e.sentences) }];
  });
  const known = new Set([...people, ...organizations].filter((e) => e.known).map((e) => e.slug));
  const refs = matchKnownEvents(drafted.map((d) => ({
    date: d.candidate.date,
    text: d.candidate.sentences.map((s) => body.slice(s.start, s.end)).join(" "),
    entities: [...(d.people ?? []), ...(d.organizations ?? [])].filter((slug) => known.has(slug)),
  })), i.knownEvents);
  const events = drafted.map((d, n) => {
    const e = d.candidate, ref = refs.get(n);
    const links = { themes: list(d.themes.map((t) => t.slug)), people: d.people, organizations: d.organizations, evidence: d.anchored.map(({ quote }) => quote) };
    // A ref carries no title (the format refuses one). Its date words stay even when coarser than the
    // event's date: they are what the text says, and a coarser compatible claim never moves the
    // event's date (claims/derive.ts keeps the finest date all claims agree with). A slug is only
    // taken for a new definition, so that a ref leaves the slug pool as it was.
    const item = ref
      ? compact({ ref: ref.event.slug, date: e.value, ...links })
      : compact({ slug: i.slugs.take(`${iso(e)}-${contentWords(e.title, 5)}`), title: e.title, date: e.value, ...links });
    const named = item.people || item.organizations ? "people and organizations named in the evidence" : undefined;
    return { item, candidate: e, notes: [...(ref ? [describeProposal(ref.proposal)] : []), ...e.proposals.map(describeProposal), ...linksLine(d.themes, named)] };
  });

  /** The event whose dated sentence comes last before `start`, within reach. */
  const eventBefore = (start: number, paragraph: number) => {
    const before = events.flatMap((e) => e.candidate.sentences.filter((s) => s.start <= start && s.paragraph >= paragraph - EVENT_REACH).map((s) => ({ e, at: s.start })));
    return before.sort((a, b) => b.at - a.at)[0]?.e;
  };
  const spoken = [
    ...i.quotations.flatMap((q) => (q.attribution ? [{ ...q, kind: "DIRECT" as const, rule: q.attribution.rule, confidence: q.attribution.confidence, ref: q.attribution.speaker }] : [])),
    ...i.reported.map((r) => ({ ...r, kind: "PARAPHRASE" as const, ref: r.speaker })),
  ].sort((a, b) => a.start - b.start);
  const quotes = spoken.flatMap((q) => {
    const speaker = i.speakers.get(q.ref);
    if (!speaker) return [];
    const evidence = excerpt(body, q.start, q.end);
    if (!evidence) return setAside.push(`quote ${JSON.stringify(body.slice(q.start, q.end))}: repeats with the same surroundings (no anchor)`), [];
    const themes = themesOf(i.themes, [q.paragraph]);
    const event = eventBefore(q.start, q.paragraph);
    const words = body.slice(q.start, q.end);
    const item = compact({
      slug: i.slugs.take(`${speaker.person.slug}-${contentWords(words, 4)}`),
      kind: q.kind,
      speaker: speaker.person.slug,
      event: event && slugOf(event.item),
      themes: list(themes.map((t) => t.slug)),
      evidence,
    });
    const why: Proposal = proposal(q.rule, q.confidence, [`speaker ${JSON.stringify(q.ref.phrase)}`, speaker.note].filter(Boolean).join(": "));
    return [{ item, notes: [describeProposal(why), ...linksLine(themes, event ? `event: the last dated sentence before it (quote.event-nearest)` : undefined)] }];
  });

  return {
    annotation: compact({
      organizations: list(organizations.map(entityItem)),
      people: list(people.map(entityItem)),
      events: list(events.map((e) => e.item)),
      quotes: list(quotes.map((q) => q.item)),
    }),
    notes: {
      organizations: organizations.map((e) => e.proposals.map(describeProposal)),
      people: people.map((e) => e.proposals.map(describeProposal)),
      events: events.map((e) => e.notes),
      quotes: quotes.map((q) => q.notes),
    },
    setAside,
  };
}
