/**
 * Reported speech, proposed as PARAPHRASE: a sentence whose subject is a person and whose verb
 * reports speech or a stance ("Xi stressed that ...", "He believes that ...", "Xi urged ..."), or
 * that ends with its attribution (", he said.", ", said X, who ..."). A trailing attribution covers the sentences
 * before it in its paragraph that nothing else attributes (up to three), as such paragraphs do.
 */
import { APPOSITION, REPORTING_VERBS, SPEAKER, speakerOf, type SpeakerRef } from "./speech.ts";
import type { Sentence, TextAnalysis } from "./text.ts";

export interface ReportedSpeech {
  start: number;
  end: number;
  paragraph: number;
  rule: string;
  confidence: number;
  speaker: SpeakerRef;
}

/**
 * The subject comes first, or after an opening phrase and its comma ("In the letter, Xi stressed"),
 * maybe with an apposition ("Liu Zhongmin, director of the institute, said that ...").
 */
const SUBJECT = new RegExp(String.raw`(?:^|,\s+)${SPEAKER}${APPOSITION}\s+(?:has\s+|had\s+|also\s+)?${REPORTING_VERBS}\b`, "u");
/** ", he said." at the end of a sentence. */
const TRAILING = new RegExp(String.raw`,\s*${SPEAKER}\s+${REPORTING_VERBS}\s*[.!]?$`, "u");
/** ", said Amara Diallo." or ", said Amara Diallo, who heads the council." at the end of a sentence. */
const INVERTED = new RegExp(String.raw`,\s*(?:said|says|added)\s+${SPEAKER}(?:,\s+(?:who|a|an|the)\b[^“”"]*)?\s*[.!]?$`, "u");
const SUBJECT_WITHIN = 80;
const COVERED_BEFORE = 3;
const QUOTATION_MARK = /[“”"«»]/;

export function findReportedSpeech(text: TextAnalysis): ReportedSpeech[] {
  const { body, sentences } = text;
  const found: ReportedSpeech[] = [];
  const attributed = new Set<Sentence>();
  sentences.forEach((sentence, i) => {
    const words = body.slice(sentence.start, sentence.end);
    if (QUOTATION_MARK.test(words)) return attributed.add(sentence);
    // ", he said." at the end attributes the whole stretch before it, even when it is short.
    const trailing = TRAILING.exec(words) ?? INVERTED.exec(words);
    const trailingSpeaker = trailing && speakerOf(trailing, sentence.start + trailing.index);
    if (trailingSpeaker) {
      let first = i;
      while (first > i - COVERED_BEFORE && first > 0) {
        const previous = sentences[first - 1]!;
        if (previous.paragraph !== sentence.paragraph || attributed.has(previous)) break;
        first--;
      }
      attributed.add(sentence);
      found.push({ start: sentences[first]!.start, end: sentence.end, paragraph: sentence.paragraph, rule: "paraphrase.said-after", confidence: trailingSpeaker.pronoun ? 0.55 : 0.6, speaker: trailingSpeaker });
      return;
    }
    const subject = SUBJECT.exec(words);
    const speaker = subject && subject.index <= SUBJECT_WITHIN ? speakerOf(subject, sentence.start + subject.index) : undefined;
    if (!speaker) return;
    attributed.add(sentence);
    found.push({ ...sentence, rule: "paraphrase.reporting-verb", confidence: speaker.pronoun ? 0.55 : 0.65, speaker });
  });
  return found;
}
