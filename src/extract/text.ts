/**
 * The text as the other steps see it: compromise's terms with their character offsets and tags,
 * its sentences cut again at paragraph breaks (a heading or caption is never joined to the next
 * paragraph), and paragraph numbers as the ingest pipeline counts them.
 */
import nlp from "compromise";
import { paragraphsOf } from "../paragraphs.ts";

export interface Token {
  text: string;
  /** Offsets of `text` in the body; `pre`/`post` are the punctuation and spaces around it. */
  start: number;
  end: number;
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
}

export interface Sentence {
  start: number;
  end: number;
  /** 1-based, as in Span.paragraph. */
  paragraph: number;
}

export interface TextAnalysis {
  body: string;
  tokens: Token[];
  sentences: Sentence[];
  /** [start, end) of each paragraph, in order; paragraph n is paragraphs[n - 1]. */
  paragraphs: { start: number; end: number }[];
  /** The sentence around an offset. */
  sentenceAt(offset: number): Sentence | undefined;
  /** The token that covers an offset. */
  tokenAt(offset: number): Token | undefined;
}

/** How far past its expected place a word may be found (whitespace compromise collapsed). */
const SLACK = 16;
const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;

/** Whether compromise knows the word (its lexicon), i.e. it is not a name it has never seen. */
export const isKnownWord = (word: string) => Object.hasOwn(lexicon, word.toLowerCase());

/** The tags compromise's lexicon gives a word out of context ("google" -> Organization). */
export const lexiconTags = (word: string): string[] => isKnownWord(word) ? [lexicon[word.toLowerCase()]!].flat() : [];

/** Index of the last item whose `start` is <= offset (items sorted by start). */
function lastAtOrBefore<T extends { start: number }>(items: T[], offset: number): number {
  let lo = 0, hi = items.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start <= offset) (found = mid), (lo = mid + 1);
    else hi = mid - 1;
  }
  return found;
}

export function analyzeText(body: string): TextAnalysis {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  // The service's own split (src/paragraphs.ts), so that a draft's paragraph n is Document.paragraphs' n.
  const paragraphs = paragraphsOf(body).map(({ start, end }) => ({ start, end }));
  let offset = 0;
  for (const terms of nlp(body).docs) {
    const first = tokens.length;
    for (const term of terms) {
      // compromise keeps the text as it is (pre + text + post), but look each word up rather than
      // trust that: offsets must stay exact whatever it normalizes.
      const start = body.indexOf(term.text, offset);
      if (start < 0 || start > offset + term.pre.length + SLACK) continue;
      tokens.push({ text: term.text, start, end: start + term.text.length, pre: term.pre, post: term.post, tags: term.tags ?? new Set() });
      offset = start + term.text.length;
    }
    const head = tokens[first], tail = tokens[tokens.length - 1];
    if (!head || !tail) continue;
    // Punctuation around the words (opening quotes, the final period) belongs to the sentence.
    const start = head.start - head.pre.trimStart().length;
    const end = tail.end + tail.post.trimEnd().length;
    splitAtParagraphs(body, paragraphs, start, end, sentences);
  }
  return {
    body,
    tokens,
    sentences,
    paragraphs,
    sentenceAt: (at) => {
      const s = sentences[lastAtOrBefore(sentences, at)];
      return s && at < s.end ? s : undefined;
    },
    tokenAt: (at) => {
      const t = tokens[lastAtOrBefore(tokens, at)];
      return t && at < t.end ? t : undefined;
    },
  };
}

function splitAtParagraphs(body: string, paragraphs: { start: number; end: number }[], start: number, end: number, into: Sentence[]): void {
  for (const [i, p] of paragraphs.entries()) {
    const s = Math.max(start, p.start), e = Math.min(end, p.end);
    if (s >= e) continue;
    const piece = body.slice(s, e);
    const lead = piece.length - piece.trimStart().length, trail = piece.length - piece.trimEnd().length;
    if (e - trail > s + lead) into.push({ start: s + lead, end: e - trail, paragraph: i + 1 });
  }
}

