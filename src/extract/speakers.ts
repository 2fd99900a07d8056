/**
 * Who spoke. A name is looked up among the draft's and the gazetteer's people (a direct quote's
 * named speaker becomes a new person when it is none of them and not a place or an organization);
 * a pronoun goes to the speaker its paragraph introduced before it ("Liu Zhongmin, director of ...,
 * said ... “...,” he said": Liu, even when "Xi's speech" comes between), else to the nearest person
 * named before it, outside quotation marks; either way one whose gender (from "Mr."/"Ms." or
 * compromise's first-name lexicon, when known) fits "he" or "she".
 */
import type { Span } from "../ingest/anchor.ts";
import type { DraftEntity, Entities } from "./entities.ts";
import type { ReportedSpeech } from "./paraphrases.ts";
import type { Quotation } from "./quotes.ts";
import type { SpeakerRef } from "./speech.ts";
import type { TextAnalysis } from "./text.ts";

export interface Resolved {
  person: DraftEntity;
  /** How a pronoun was resolved, for the curator. */
  note?: string;
}

const NOT_PEOPLE = ["Place", "Country", "City", "Region", "Organization", "Demonym"];

/** A named speaker; `create` lets a direct quote's speaker become a new person. */
export function resolveNamed(ref: SpeakerRef, entities: Entities, text: TextAnalysis, create: boolean): Resolved | undefined {
  const person = entities.findPerson(ref.phrase) ?? trailingName(ref.phrase, entities);
  if (person) return { person };
  if (!create) return undefined;
  const token = text.tokenAt(ref.start + ref.phrase.lastIndexOf(" ") + 1);
  if (token && NOT_PEOPLE.some((tag) => token.tags.has(tag))) return undefined;
  if (entities.list("organization").some((o) => o.name === ref.phrase || o.aliases.has(ref.phrase))) return undefined;
  return { person: entities.addSpeaker(ref.phrase) };
}

/**
 * "Tuesday Science Minister Rosa Vell", "Science Petra Quist": a phrase with words before a person's
 * name (a title, a date) names the person its last words name, longest first.
 */
function trailingName(phrase: string, entities: Entities): DraftEntity | undefined {
  const words = phrase.split(/\s+/);
  for (let k = 1; k < words.length; k++) {
    const person = entities.findPerson(words.slice(k).join(" "));
    if (person) return person;
  }
  return undefined;
}

/** Resolves pronouns against where the text names each person (computed once all people are in). */
export class PronounResolver {
  private readonly mentions: { start: number; end: number; person: DraftEntity }[];

  /** `speakers`: where the text names a speaker (an attribution's name), and who it is. */
  constructor(entities: Entities, mentions: Map<string, Span[]>, quoted: { start: number; end: number }[], private readonly speakers: { start: number; end: number; person: DraftEntity }[] = []) {
    const inQuote = (s: Span) => quoted.some((q) => s.start >= q.start && s.end <= q.end);
    this.mentions = entities
      .list("person")
      .flatMap((person) => (mentions.get(person.slug) ?? []).filter((s) => !inQuote(s)).map((s) => ({ start: s.start, end: s.end, person })))
      .sort((a, b) => a.start - b.start);
  }

  resolve(ref: SpeakerRef, body: string): Resolved | undefined {
    const wanted = /^she$/i.test(ref.phrase) ? "female" : "male";
    const fits = (person: DraftEntity) => !person.gender || person.gender === wanted;
    const paragraphStart = body.lastIndexOf("\n\n", ref.start);
    const introduced = this.speakers.filter((s) => s.start > paragraphStart && s.end <= ref.start && fits(s.person)).at(-1);
    if (introduced) {
      return { person: introduced.person, note: `"${ref.phrase}" -> ${JSON.stringify(body.slice(introduced.start, introduced.end))}, the speaker this paragraph introduced before it` };
    }
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.end > ref.start || (m.person.gender && m.person.gender !== wanted)) continue;
      return { person: m.person, note: `"${ref.phrase}" -> ${JSON.stringify(body.slice(m.start, m.end))}, the nearest ${m.person.gender ?? "fitting"} person named before it` };
    }
    return undefined;
  }
}

const preview = (s: string) => JSON.stringify(s.length > 70 ? `${s.slice(0, 67)}...` : s);

/**
 * Every speaker of the text's quotes and reported speech: names first (a direct quote's may add a
 * person), then pronouns against the mentions of every person. Also returns those mentions, and
 * what has no speaker, for the draft's "seen but not proposed".
 */
export function resolveSpeakers(text: TextAnalysis, entities: Entities, quotations: Quotation[], reported: ReportedSpeech[]) {
  const speakers = new Map<SpeakerRef, Resolved | undefined>();
  for (const q of quotations) if (q.attribution && !q.attribution.speaker.pronoun) speakers.set(q.attribution.speaker, resolveNamed(q.attribution.speaker, entities, text, true));
  for (const r of reported) if (!r.speaker.pronoun) speakers.set(r.speaker, resolveNamed(r.speaker, entities, text, false));
  const mentions = entities.mentions();
  const named = [...speakers].flatMap(([ref, resolved]) => (resolved ? [{ start: ref.start, end: ref.start + ref.phrase.length, person: resolved.person }] : [])).sort((a, b) => a.start - b.start);
  const pronouns = new PronounResolver(entities, mentions, quotations, named);
  for (const ref of [...quotations.flatMap((q) => q.attribution?.speaker ?? []), ...reported.map((r) => r.speaker)]) {
    if (ref.pronoun && !speakers.has(ref)) speakers.set(ref, pronouns.resolve(ref, text.body));
  }
  const said = (start: number, end: number) => preview(text.body.slice(start, end));
  const unattributed = [
    ...quotations.filter((q) => !q.attribution || !speakers.get(q.attribution.speaker)).map((q) => `quote ${said(q.start, q.end)}: no speaker found (quote.unattributed)`),
    ...reported.filter((r) => !speakers.get(r.speaker)).map((r) => `reported speech ${said(r.start, r.end)}: "${r.speaker.phrase}" is no person of the draft (paraphrase.unknown-speaker)`),
  ];
  return { speakers, mentions, unattributed };
}
