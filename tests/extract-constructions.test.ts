/**
 * Draft extraction, constructions of real reports that earlier drafts missed: a possessive before an
 * apposition, attributions with "told", "was quoted as saying" or a colon, titles glued to names,
 * datelines and bylines, words that only look like dates, weekdays of planned events, organizations
 * of one word or written around an acronym, photo credits. Every text here is written for the test;
 * every draft must be accepted by the ingest pipeline as it is.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Draft } from "../src/extract/draft.ts";
import { draftOf, ingestProblems, quoteLines } from "./fixtures/extract/drafts.ts";

/** Drafts `text` (published on `publishedOn`), checking the pipeline accepts the draft. */
function drafted(text: string, publishedOn = "2026-03-16"): Draft {
  const draft = draftOf(text, { publishedOn });
  assert.deepEqual(ingestProblems(draft, text), []);
  return draft;
}
const rulesOf = (notes: string[][]) => notes.map((n) => /rule=(\S+)/.exec(n[0]!)![1]!);
const names = (d: Draft, kind: "people" | "organizations") => (d.annotation[kind] ?? []).map((e) => e.name);

describe("who spoke", () => {
  test("a possessive before an apposition: the name after the role speaks, not the possessor", () => {
    const d = drafted('"We have waited six years for this," said Solberg\'s deputy, Marten Ilves.\n\n"The funding is secure," Solberg\'s deputy, Marten Ilves, said.');
    assert.deepEqual(quoteLines(d), ["DIRECT marten-ilves: We have waited six years for this,", "DIRECT marten-ilves: The funding is secure,"]);
    assert.deepEqual(rulesOf(d.notes.quotes), ["quote.role-apposition", "quote.role-apposition"]);
    assert.deepEqual(names(d, "people"), ["Marten Ilves"]);
  });

  test("“...,” X, an apposition, told an outlet: X speaks; the outlet is an organization at most", () => {
    const d = drafted("“The lenses arrived a month late,” Nadia Ferrante, dean of the Institute of Applied Optics, told the Valmora Observer.");
    assert.deepEqual(quoteLines(d), ["DIRECT nadia-ferrante: The lenses arrived a month late,"]);
    assert.deepEqual(rulesOf(d.notes.quotes), ["quote.apposition"]);
    assert.deepEqual(names(d, "people"), ["Nadia Ferrante"]);
    assert.deepEqual(names(d, "organizations").sort(), ["Institute of Applied Optics", "Valmora Observer"]);
  });

  test("told reporters, was quoted as saying, and a colon after a sentence opening with the name", () => {
    const d = drafted("“We expect results soon,” Pieter Vos told reporters.\n\nAmara Okafor was quoted as saying “the grid cannot wait for us.”\n\nOkafor put it plainly: “Nobody will pay for a half-built bridge.”");
    assert.deepEqual(quoteLines(d), [
      "DIRECT pieter-vos: We expect results soon,",
      "DIRECT amara-okafor: the grid cannot wait for us.",
      "DIRECT amara-okafor: Nobody will pay for a half-built bridge.",
    ]);
    assert.deepEqual(rulesOf(d.notes.quotes), ["quote.said-after", "quote.said-before", "quote.colon"]);
  });

  test("a colon after something that is no sentence about a speaker attributes nothing", () => {
    const d = drafted("The sign on the gate read: “Closed until the storm has passed.”");
    assert.deepEqual(quoteLines(d), []);
  });
});
