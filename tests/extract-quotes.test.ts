/**
 * Draft extraction, quotes: direct quotes in curly or straight marks with each attribution form,
 * pronouns resolved to the nearest fitting person, reported speech proposed as PARAPHRASE. Every
 * draft here must be accepted by the ingest pipeline as it is.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { draftOf, ingestProblems, quoteLines } from "./fixtures/extract/drafts.ts";

/** Drafts `text`, checks the pipeline accepts it, returns its quotes as "KIND speaker: words" and notes. */
function quotesOf(text: string): { lines: string[]; rules: string[]; setAside: string[] } {
  const draft = draftOf(text);
  assert.deepEqual(ingestProblems(draft, text), []);
  return { lines: quoteLines(draft), rules: draft.notes.quotes.map((n) => /rule=(\S+)/.exec(n[0]!)![1]!), setAside: draft.setAside };
}

describe("direct quotes", () => {
  test("curly marks, the speaker named after: the evidence is exactly the characters between the marks", () => {
    const q = quotesOf("“The station is a milestone,” Xi Jinping said on a video call.");
    assert.deepEqual(q.lines, ["DIRECT xi-jinping: The station is a milestone,"]);
    assert.deepEqual(q.rules, ["quote.said-after"]);
  });

  test("straight marks and the speaker named before, with a colon or inverted", () => {
    const q = quotesOf('John Brown said: "The deal is done." Later, said Mary Smith, "We will sign it soon."');
    assert.deepEqual(q.lines, ["DIRECT john-brown: The deal is done.", "DIRECT mary-smith: We will sign it soon."]);
    assert.deepEqual(q.rules, ["quote.said-before", "quote.said-before"]);
  });

  test("the speaker after the verb: “...,” said X", () => {
    const q = quotesOf("“We were moved by the letter,” said Zhang Wei, a researcher at the academy.");
    assert.deepEqual(q.lines, ["DIRECT zhang-wei: We were moved by the letter,"]);
    assert.deepEqual(q.rules, ["quote.said-inverted"]);
  });

  test("a quote split around “he said” keeps one speaker for both parts", () => {
    const q = quotesOf("John Brown spoke last. “It was a long night,” he said, “but worth it.”");
    assert.deepEqual(q.lines, ["DIRECT john-brown: It was a long night,", "DIRECT john-brown: but worth it."]);
    assert.deepEqual(q.rules, ["quote.pronoun", "quote.continued"]);
  });

  test("a second quote after “X said.” continues X; a quote opening the next paragraph too, less surely", () => {
    const q = quotesOf("“We should avoid drastic changes,” Xi Jinping said. “Education is very important.”\n\n“Talent is the key to the future.”");
    assert.deepEqual(q.rules, ["quote.said-after", "quote.continued", "quote.previous-paragraph"]);
    assert.ok(q.lines.every((l) => l.startsWith("DIRECT xi-jinping:")));
  });

  test("a word or two in quotation marks is a term, not a quote; a longer unattributed quote is set aside", () => {
    const q = quotesOf("China will solve the “bottleneck” problem. “Nobody knows who wrote this sentence here.”");
    assert.deepEqual(q.lines, []);
    assert.deepEqual(q.setAside, ['quote "Nobody knows who wrote this sentence here.": no speaker found (quote.unattributed)']);
  });

  test("a speaker compromise did not find becomes a person of the draft; a country does not", () => {
    assert.deepEqual(quotesOf("“The budget is balanced,” Kowalczyk said.").lines, ["DIRECT kowalczyk: The budget is balanced,"]);
    assert.deepEqual(quotesOf("“The budget is balanced,” China said.").lines, []);
  });
});

describe("speaker attribution by pronoun", () => {
  test("“she” goes to the nearest woman, “he” to the nearest man, by first name or title", () => {
    const q = quotesOf("Mary Smith met John Brown in Paris. “We agreed on everything,” she said. “It was close,” he said.");
    assert.deepEqual(q.lines, ["DIRECT mary-smith: We agreed on everything,", "DIRECT john-brown: It was close,"]);
  });

  test("the nearest person named before the pronoun wins when gender tells nothing", () => {
    const q = quotesOf("Nie Haisheng spoke first. Then Xi Jinping held a video call.\n\n“This is a milestone,” he said.");
    assert.deepEqual(q.lines, ["DIRECT xi-jinping: This is a milestone,"]);
  });

  test("a pronoun goes to the speaker its paragraph introduced, not to a name mentioned in between", () => {
    const q = quotesOf("Xi Jinping chaired the session.\n\nLiu Zhongmin, director of the institute, said the session had set clear goals. After Xi Jinping spoke, “We must train more young scientists,” he said.");
    assert.deepEqual(q.lines.filter((l) => l.startsWith("DIRECT")), ["DIRECT liu-zhongmin: We must train more young scientists,"]);
  });

  test("names inside quotation marks are not speakers", () => {
    const q = quotesOf("Mr. Hu Chenghuan opened the session. “I thank Zhang Wei for the report,” he said.");
    assert.deepEqual(q.lines, ["DIRECT hu-chenghuan: I thank Zhang Wei for the report,"]);
  });
});

describe("reported speech", () => {
  test("“X stressed that”, “X urged”, “He believes that” are paraphrases of the sentence", () => {
    const q = quotesOf("In the letter, Xi Jinping stressed that talent is urgently needed. Xi urged to strengthen support for research. He believes that the faculty is strong.");
    assert.deepEqual(q.lines, [
      "PARAPHRASE xi-jinping: In the letter, Xi Jinping stressed that talent is urgently needed.",
      "PARAPHRASE xi-jinping: Xi urged to strengthen support for research.",
      "PARAPHRASE xi-jinping: He believes that the faculty is strong.",
    ]);
    assert.deepEqual(q.rules, ["paraphrase.reporting-verb", "paraphrase.reporting-verb", "paraphrase.reporting-verb"]);
  });

  test("“..., he said.” at the end covers the unattributed sentences before it in the paragraph", () => {
    const q = quotesOf("Xi Jinping visited Guangdong.\n\nStrengthen the role of enterprises. Building is important. Influential, he said.");
    assert.deepEqual(q.lines, ["PARAPHRASE xi-jinping: Strengthen the role of enterprises. Building is important. Influential, he said."]);
    assert.deepEqual(q.rules, ["paraphrase.said-after"]);
  });

  test("“wrote to” reports a letter, not its words; an unknown subject is no speaker", () => {
    assert.deepEqual(quotesOf("Xi Jinping wrote to the scientists involved in historic missions.").lines, []);
    assert.deepEqual(quotesOf("The Ministry stressed that the budget was balanced.").lines, []);
  });
});
