/**
 * Event candidates: each dated sentence proposes the event it reports, dated as the text dates it.
 * Sentences that give the same date (a photo caption repeating the report's "June 23, 2021") are
 * taken as one event reported twice: one candidate with both sentences as evidence.
 */
import type { ResolvedDate } from "../ingest/dates.ts";
import type { DateMention } from "./date-mentions.ts";
import { proposal, type Proposal } from "./provenance.ts";
import { shorten } from "./slugs.ts";
import type { Sentence, TextAnalysis } from "./text.ts";

export interface EventCandidate {
  date: ResolvedDate;
  /** The `date` field: the words of the leading mention (or ISO, see DateMention.value). */
  value: string;
  title: string;
  /** Evidence sentences, in text order. */
  sentences: Sentence[];
  proposals: Proposal[];
}

const TITLE_LENGTH = 90;

/** The sentence without its date words: "On April 12, Mr. Xi visited ..." -> "Mr. Xi visited ...". */
function titleOf(body: string, sentence: Sentence, mention: DateMention): string {
  const before = body.slice(sentence.start, mention.start).replace(/[\s,]+$/, "");
  const after = body.slice(mention.end, sentence.end).replace(/^[\s,]+/, "");
  const words = `${before} ${after}`.replace(/\s+/g, " ").replace(/^[\s,;:—–-]+|[\s.,;:]+$/g, "").replace(/^[“"]|[”"]$/g, "");
  return shorten(words.charAt(0).toUpperCase() + words.slice(1), TITLE_LENGTH);
}

const keyOf = (d: ResolvedDate) => `${d.start.toISOString()}|${d.precision}`;

export function proposeEvents(text: TextAnalysis, mentions: DateMention[]): EventCandidate[] {
  const byDate = new Map<string, { mentions: DateMention[]; sentences: Sentence[] }>();
  for (const m of mentions) {
    const sentence = text.sentenceAt(m.start);
    if (!sentence) continue;
    const group = byDate.get(keyOf(m.date)) ?? byDate.set(keyOf(m.date), { mentions: [], sentences: [] }).get(keyOf(m.date))!;
    group.mentions.push(m);
    if (!group.sentences.includes(sentence)) group.sentences.push(sentence);
  }
  return [...byDate.values()].map(({ mentions: group, sentences }) => {
    // A report opens with its date ("On June 23, 2021, President Xi held ..."); a caption ends with it.
    const lead = group.find((m) => text.sentenceAt(m.start)!.start === m.start) ?? group[0]!;
    const proposals = [proposal("event.dated-sentence", lead.proposal.confidence, lead.proposal.note)];
    if (sentences.length > 1) {
      const where = sentences.map((s) => s.paragraph).join(", ");
      proposals.push(proposal("event.same-date", Math.min(0.95, lead.proposal.confidence + 0.05), `one event, dated the same in paragraphs ${where}`));
    }
    return { date: lead.date, value: lead.value, title: titleOf(text.body, text.sentenceAt(lead.start)!, lead), sentences, proposals };
  });
}
