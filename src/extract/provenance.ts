/**
 * Why the extractor proposes an item: the rule that produced it and how sure it is. The annotation
 * schema admits no extra fields, so this travels as a YAML comment above the item
 * (`# proposed: rule=quote.said-after confidence=0.90 ...`), which the ingest parser ignores.
 */
export interface Proposal {
  /** Dotted rule name, e.g. `event.dated-sentence`; docs/extraction.md lists them. */
  rule: string;
  /** 0..1: how often this rule was right on curated text, roughly. */
  confidence: number;
  /** Free text for the curator: the words a date came from, how a pronoun was resolved. */
  note?: string;
}

export const proposal = (rule: string, confidence: number, note?: string): Proposal =>
  note ? { rule, confidence: round(confidence), note } : { rule, confidence: round(confidence) };

const round = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 100) / 100;

/** One comment line (without the `#`). */
export const describeProposal = (p: Proposal): string =>
  ` proposed: rule=${p.rule} confidence=${p.confidence.toFixed(2)}${p.note ? ` ${p.note}` : ""}`;
