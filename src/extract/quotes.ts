/**
 * Direct quotes: the characters between curly or straight quotation marks, each with the words
 * that attribute it: "..., Xi said" after, "said Xi" inverted, "Xi said: ..." or "said Xi, ..."
 * before. A quote
 * split around its attribution ("“A,” he said. “B.”") continues the speaker of its first part; a
 * quote that opens a paragraph continues the speaker of the previous paragraph's quote. One or two
 * words in quotation marks with no attribution (“bottleneck”) are a term, not a quote.
 */
import { APPOSITION, LOWER_ROLE, QUOTE_VERBS, ROLE_BEFORE, SPEAKER, speakerOf, type SpeakerRef } from "./speech.ts";
import type { TextAnalysis } from "./text.ts";

export interface Quotation {
  /** The characters between the marks. */
  start: number;
  end: number;
  paragraph: number;
  attribution?: { rule: string; confidence: number; speaker: SpeakerRef };
}

const PAIRS: Record<string, string> = { "“": "”", '"': '"', "«": "»" };
const AFTER = new RegExp(String.raw`^[\s,]*${SPEAKER}\s+(?:has\s+|had\s+)?${QUOTE_VERBS}\b`, "u");
/** "..., Nadia Ferrante, dean of the institute, told the Observer": the apposition is skipped. */
const AFTER_APPOSITION = new RegExp(String.raw`^[\s,]*${SPEAKER}${APPOSITION}\s+(?:has\s+|had\s+)?${QUOTE_VERBS}\b`, "u");
/** "..., Solberg's deputy, Marten Ilves, said": the name after the role speaks, not the possessor. */
const AFTER_ROLE = new RegExp(String.raw`^[\s,]*${ROLE_BEFORE}${SPEAKER},?\s+(?:has\s+|had\s+)?${QUOTE_VERBS}\b`, "u");
/** "..., ASA chief engineer Dana Okafor told Meridian" / "..., said Brightwater project director Tomas Reiner". */
const AFTER_TITLE = new RegExp(String.raw`^[\s,]*${LOWER_ROLE}${SPEAKER}\s+(?:has\s+|had\s+)?${QUOTE_VERBS}\b`, "u");
const INVERTED_TITLE = new RegExp(String.raw`^[\s,]*(?:has\s+|had\s+)?${QUOTE_VERBS}\s+${LOWER_ROLE}${SPEAKER}`, "u");
const INVERTED = new RegExp(String.raw`^[\s,]*${QUOTE_VERBS}\s+${SPEAKER}`, "u");
/** "..., said Solberg's deputy, Marten Ilves." */
const INVERTED_ROLE = new RegExp(String.raw`^[\s,]*${QUOTE_VERBS}\s+${ROLE_BEFORE}${SPEAKER}`, "u");
const BEFORE = new RegExp(String.raw`${SPEAKER}\s+(?:has\s+|had\s+)?${QUOTE_VERBS}\s*[:,]?\s*$`, "u");
/** "Okafor put it plainly: “...”": a sentence that opens with a name and ends with a colon. */
const COLON = new RegExp(String.raw`(?:^|[.!?]["”]?\s+)${SPEAKER}\s+(?:[\p{Ll}’'-]+\s+){0,5}[\p{Ll}’'-]+\s*:\s*$`, "u");
const BEFORE_INVERTED = new RegExp(String.raw`${QUOTE_VERBS}\s+${SPEAKER}\s*[:,]?\s*$`, "u");
const ACCORDING = new RegExp(String.raw`according to\s+${SPEAKER},?\s*$`, "u");
const WINDOW = 120;

/** Pairs of quotation marks inside each paragraph. */
function pairs(text: TextAnalysis): { open: number; close: number; paragraph: number }[] {
  const found: { open: number; close: number; paragraph: number }[] = [];
  for (const [i, p] of text.paragraphs.entries()) {
    let open = -1;
    for (let at = p.start; at < p.end; at++) {
      const c = text.body[at]!;
      if (open >= 0 && c === PAIRS[text.body[open]!]) {
        if (at > open + 1) found.push({ open, close: at, paragraph: i + 1 });
        open = -1;
      } else if (c in PAIRS && (open < 0 || c !== '"')) open = at;
    }
  }
  return found;
}

function attribute(body: string, paragraph: { start: number; end: number }, open: number, close: number): Quotation["attribution"] {
  const afterStart = close + 1;
  const after = body.slice(afterStart, Math.min(paragraph.end, afterStart + WINDOW));
  const patterns = [
    [AFTER_ROLE, "quote.role-apposition", 0.85], [AFTER, "quote.said-after", 0.9], [AFTER_APPOSITION, "quote.apposition", 0.85],
    [AFTER_TITLE, "quote.role-title", 0.8], [INVERTED_ROLE, "quote.role-apposition", 0.85], [INVERTED_TITLE, "quote.role-title", 0.8],
    [INVERTED, "quote.said-inverted", 0.85],
  ] as const;
  for (const [pattern, rule, confidence] of patterns) {
    const m = pattern.exec(after);
    const speaker = m && speakerOf(m, afterStart);
    if (speaker) return { rule: speaker.pronoun ? "quote.pronoun" : rule, confidence: speaker.pronoun ? confidence - 0.15 : confidence, speaker };
  }
  const beforeStart = Math.max(paragraph.start, open - WINDOW);
  const before = body.slice(beforeStart, open);
  const m = BEFORE.exec(before) ?? BEFORE_INVERTED.exec(before) ?? ACCORDING.exec(before);
  const speaker = m && speakerOf(m, beforeStart + m.index);
  if (speaker) return { rule: speaker.pronoun ? "quote.pronoun" : "quote.said-before", confidence: speaker.pronoun ? 0.7 : 0.85, speaker };
  const colon = COLON.exec(before);
  // At the window's start, "^" is a sentence start only if the paragraph starts there too.
  const opens = colon && (colon.index > 0 || colon[0].length > 0 && beforeStart === paragraph.start);
  const introduced = opens ? speakerOf(colon, beforeStart + colon.index) : undefined;
  return introduced ? { rule: introduced.pronoun ? "quote.pronoun" : "quote.colon", confidence: introduced.pronoun ? 0.6 : 0.7, speaker: introduced } : undefined;
}

export function findQuotations(text: TextAnalysis): Quotation[] {
  const { body } = text;
  const result: Quotation[] = [];
  for (const { open, close, paragraph } of pairs(text)) {
    const paragraphStart = text.paragraphs[paragraph - 1]!.start;
    let attribution = attribute(body, text.paragraphs[paragraph - 1]!, open, close);
    const previous = result[result.length - 1];
    // "“A,” he said, “B.”": the words between attribute both; B continues A.
    const shared = attribution && previous?.attribution && attribution.speaker.start === previous.attribution.speaker.start;
    if (shared) attribution = { ...previous.attribution!, rule: "quote.continued", confidence: 0.8 };
    if (!attribution && previous?.attribution) {
      const gap = body.slice(previous.end + 1, open);
      if (previous.paragraph === paragraph && gap.length <= WINDOW) {
        attribution = { ...previous.attribution, rule: "quote.continued", confidence: 0.8 };
      } else if (previous.paragraph === paragraph - 1 && body.slice(paragraphStart, open).trim() === "") {
        attribution = { ...previous.attribution, rule: "quote.previous-paragraph", confidence: 0.5 };
      }
    }
    const words = body.slice(open + 1, close).trim().split(/\s+/).length;
    if (!attribution && words < 3) continue;
    result.push({ start: open + 1, end: close, paragraph, ...(attribution ? { attribution } : {}) });
  }
  return result;
}
