/**
 * Rule `event.ref`: an event candidate that reports an event the graph already holds (a second
 * report of a launch, a meeting) becomes a `ref` to it instead of a new definition. Each candidate
 * is compared with each known event of the gazetteer on:
 * - dates: they must be compatible, the same partial date or one containing the other (2026-01
 *   contains 2026-01-12); any other pair is excluded outright;
 * - people and organizations: the gazetteer's entities the evidence names that the event links;
 * - words: the content words the evidence shares with the event's title and summary.
 * A compatible date alone never reaches the threshold: two events on one day are common.
 */
import type { DatePrecision } from "../generated/prisma/enums.ts";
import type { ResolvedDate } from "../ingest/dates.ts";
import { partialDate, parsePartialDate } from "../partial-date.ts";
import type { KnownEvent } from "./gazetteer.ts";
import { proposal, type Proposal } from "./provenance.ts";

export interface RefCandidate {
  date: ResolvedDate;
  /** The evidence sentences. */
  text: string;
  /** Slugs of the gazetteer's people and organizations the evidence names. */
  entities: string[];
}

export interface EventRef {
  event: KnownEvent;
  proposal: Proposal;
}

// Function words, reporting verbs and date words: dates are compared on their own, and "said" or
// "on Monday" in two sentences says nothing about their being one event.
const STOP = new Set(`about after also among and are around been before being but can could did does during for from had has
have her hers him his its into just last more most next not now once one only other our out over said says such than that the
their them then there these they this those through told under until upon very was were what when where which while who will
with within would yet year years month months week weeks day days today yesterday tomorrow ago january february march april may
june july august september october november december monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/));

/** "Opening", "opened", "opens" -> "open", "satellites" -> "satellit": enough to meet a title's word in a sentence's. */
const stem = (w: string) => w.replace(/([^s])s$/, "$1").replace(/(?:ing|ed|e)$/, (suffix: string, at: number) => (at >= 4 ? "" : suffix));

/** The content words of a text, stemmed and unique: what two descriptions of one event share. */
export function similarityWords(text: string): string[] {
  const words = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/['’]s\b/g, "").split(/[^a-z0-9]+/);
  return [...new Set(words.filter((w) => w.length >= 3 && !/^\d+$/.test(w) && !STOP.has(w)).map(stem))];
}

/** Share of the smaller word set found in the other (overlap coefficient); at least MIN_WORDS count, so one word is never all. */
const MIN_WORDS = 3;
function overlap(text: Set<string>, words: string[]): number {
  const shared = words.filter((w) => text.has(w)).length;
  return shared / Math.max(MIN_WORDS, Math.min(text.size, words.length));
}

/**
 * The better of two: how much of the event's title the evidence repeats (a second report names the
 * event much as its title does: "Port Halden's tidal flood barrier open" for "Port Halden opens its
 * tidal flood barrier"), and its overlap with title and summary together (a longer retelling).
 */
const wordSimilarity = (text: Set<string>, event: KnownEvent) => Math.max(overlap(text, event.titleWords), overlap(text, event.words));

type Range = { start: Date; end: Date; precision: DatePrecision };
const within = (a: Range, b: Range) => a.start >= b.start && a.end <= b.end;

/** How the candidate's date stands to the event's: equal counts most, a coarser candidate least; disjoint excludes. */
function dateFit(c: Range, e: Range): { relation: "=" | "⊂" | "⊃"; score: number } | undefined {
  if (c.precision === e.precision && c.start.getTime() === e.start.getTime()) return { relation: "=", score: 1 };
  if (within(c, e)) return { relation: "⊂", score: 0.6 };
  if (within(e, c)) return { relation: "⊃", score: 0.4 };
  return undefined;
}

/** Weights of the three comparisons and the score a ref needs (tuned on the development set, docs/extraction.md). */
const WEIGHT = { date: 0.2, entities: 0.35, words: 0.45 };
export const REF_THRESHOLD = 0.35;

/** How well a candidate fits a known event; undefined when their dates exclude it. */
function scoreAgainst(c: RefCandidate, text: Set<string>, event: KnownEvent, range: Range) {
  const fit = dateFit(c.date, range);
  if (!fit) return undefined;
  const shared = c.entities.filter((s) => event.people.includes(s) || event.organizations.includes(s));
  const words = wordSimilarity(text, event);
  const score = WEIGHT.date * fit.score + WEIGHT.entities * (shared.length / (shared.length + 1)) + WEIGHT.words * words;
  return { fit, shared, words, score };
}

/**
 * The known event each candidate reports, by candidate index. One-to-one, best score first: two
 * candidates of one text are two events (proposeEvents already merged those dated the same).
 */
export function matchKnownEvents(candidates: RefCandidate[], known: KnownEvent[]): Map<number, EventRef> {
  const dated = known.flatMap((event) => {
    const range = parsePartialDate(event.date);
    return range ? [{ event, range }] : [];
  });
  const pairs = candidates.flatMap((c, index) => {
    const text = new Set(similarityWords(c.text));
    return dated.flatMap(({ event, range }) => {
      const pair = scoreAgainst(c, text, event, range);
      return pair && pair.score >= REF_THRESHOLD ? [{ index, c, event, ...pair }] : [];
    });
  });
  const refs = new Map<number, EventRef>();
  const taken = new Set<string>();
  for (const p of pairs.sort((a, b) => b.score - a.score)) {
    if (refs.has(p.index) || taken.has(p.event.slug)) continue;
    taken.add(p.event.slug);
    const dates = `dates ${partialDate(p.c.date.start, p.c.date.precision).iso} ${p.fit.relation} ${p.event.date}`;
    const note = `same event as ${p.event.slug} ${JSON.stringify(p.event.title)}: ${dates}, ${p.shared.length ? `shares ${p.shared.join(", ")}` : "no shared people or organizations"}; words ${p.words.toFixed(2)}`;
    // 0.65 at the threshold up to 0.90: every ref on the development set was right, but the weights were tuned there.
    refs.set(p.index, { event: p.event, proposal: proposal("event.ref", Math.min(0.9, 0.3 + p.score), note) });
  }
  return refs;
}
