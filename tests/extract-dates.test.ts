/**
 * Draft extraction, dates and events: each form a news text dates things with, resolved against
 * the publication day (2023-05-29, a Monday) by the ingest pipeline's resolver, never more precise
 * than the words; expressions that date nothing are set aside; one event told twice is proposed once; paragraphs are numbered as the API numbers them.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { findDateMentions } from "../src/extract/date-mentions.ts";
import { analyzeText } from "../src/extract/text.ts";
import { paragraphsOf } from "../src/paragraphs.ts";
import { draftOf, eventDates } from "./fixtures/extract/drafts.ts";

const PUBLISHED = new Date("2023-05-29T00:00:00.000Z");

/** The one date mention of a sentence, as "value -> ISO (PRECISION) rule". */
function dated(sentence: string): string {
  const { mentions } = findDateMentions(analyzeText(sentence), PUBLISHED);
  assert.equal(mentions.length, 1, `one date in ${JSON.stringify(sentence)}, got ${mentions.map((m) => m.written).join(" | ")}`);
  const m = mentions[0]!;
  const iso = m.date.start.toISOString().slice(0, { YEAR: 4, MONTH: 7, DAY: 10 }[m.date.precision]);
  return `${m.value} -> ${iso} ${m.proposal.rule}`;
}

describe("date expressions", () => {
  test("a full date is a day, a month and year a month, a bare year a year", () => {
    assert.equal(dated("On June 23, 2021, Xi held a video call."), "On June 23, 2021 -> 2021-06-23 date.absolute");
    assert.equal(dated("In August 2022, Xi toured a factory."), "In August 2022 -> 2022-08 date.absolute");
    assert.equal(dated("The program was established in 2004."), "in 2004 -> 2004 date.absolute");
    assert.equal(dated("On 12 April 2023 the plant opened."), "On 12 April 2023 -> 2023-04-12 date.absolute");
  });

  test("a date without a year takes the publication year, at the precision the words give", () => {
    assert.equal(dated("On April 12, Xi visited the headquarters."), "On April 12 -> 2023-04-12 date.without-year");
    assert.equal(dated("The talks resumed in March."), "in March -> 2023-03 date.without-year");
  });

  test("relative dates count from the publication day", () => {
    assert.equal(dated("In February this year, the group met."), "In February this year -> 2023-02 date.relative");
    assert.equal(dated("The budget grew this year."), "this year -> 2023 date.relative");
    assert.equal(dated("Rates rose last month."), "last month -> 2023-04 date.relative");
    assert.equal(dated("The minister resigned on Tuesday."), "on Tuesday -> 2023-05-23 date.relative");
    assert.equal(dated("The team arrived yesterday."), "yesterday -> 2023-05-28 date.relative");
    assert.equal(dated("The firm was founded a year ago."), "a year ago -> 2022 date.relative");
  });

  test("a month with a relative year takes that year, and the words say so", () => {
    assert.equal(dated("In February last year, the bank cut rates."), "In February last year -> 2022-02 date.relative");
  });

  test("a week is no day: it is dated by the month (or year) that holds it", () => {
    assert.equal(dated("Two weeks ago, the bank raised rates."), "Two weeks ago -> 2023-05 date.relative");
    assert.equal(dated("The strike ended last week."), "last week -> 2023-05 date.relative");
  });

  test("a date after publication without a year is proposed with less confidence", () => {
    const { mentions } = findDateMentions(analyzeText("On November 3, the board meets."), PUBLISHED);
    assert.equal(mentions[0]!.proposal.confidence, 0.5);
    assert.match(mentions[0]!.proposal.note!, /after publication: check the year/);
  });

  test("durations, times of day and relative dates inside reported speech are set aside", () => {
    const { mentions, setAside } = findDateMentions(
      analyzeText("Within 20 years, the program grew. It was a long night. In his letter, Xi said that 50 years ago he was excited."),
      PUBLISHED,
    );
    assert.deepEqual(mentions, []);
    assert.deepEqual(setAside.map((s) => `${s.written}: ${s.reason.split(":")[0]}`), ["Within 20 years: date.duration", "50 years ago: date.reported-relative"]);
  });

  test("a span's limit, the time of writing and a stretch of past years are no event dates", () => {
    const { mentions, setAside } = findDateMentions(
      analyzeText("The road stays closed until June. Prices now stand higher. Output grew over the past five years. The plant opened on April 12."),
      PUBLISHED,
    );
    assert.deepEqual(mentions.map((m) => m.written), ["on April 12"]);
    assert.deepEqual(setAside.map((s) => s.reason.split(":")[0]).sort(), ["date.bound", "date.duration", "date.now"]);
  });
});

describe("event candidates", () => {
  test("each dated sentence proposes an event, its sentence as evidence and its date words as date", () => {
    const draft = draftOf("On April 12, Mr. Xi visited the headquarters of GAC Aion New Energy Vehicle Co., Ltd. in Guangzhou.");
    const [event] = draft.annotation.events ?? [];
    assert.ok(event && "slug" in event);
    assert.equal(event.date, "On April 12");
    assert.equal(event.slug, "2023-04-12-mr-xi-visited-headquarters-gac");
    assert.equal(event.title, "Mr. Xi visited the headquarters of GAC Aion New Energy Vehicle Co., Ltd. in Guangzhou");
    assert.deepEqual(event.evidence, [{ exact: "On April 12, Mr. Xi visited the headquarters of GAC Aion New Energy Vehicle Co., Ltd. in Guangzhou." }]);
    assert.deepEqual(event.organizations, ["gac-aion-new-energy-vehicle-co-ltd"]);
    assert.match(draft.notes.events[0]![0]!, /rule=event\.dated-sentence confidence=0\.80 date="On April 12" -> 2023-04-12 \(DAY\)/);
  });

  test("a photo caption repeating a report's date is the same event, proposed once with both sentences", () => {
    const draft = draftOf(
      "President Xi Jinping speaks with three astronauts via video link, June 23, 2021. CGTN\n\n" +
        "On June 23, 2021, President Xi held a video call with the crew of Shenzhou 12.",
    );
    assert.deepEqual(eventDates(draft), ["On June 23, 2021"]);
    const [event] = draft.annotation.events!;
    assert.equal(event!.evidence.length, 2);
    assert.equal("title" in event! && event.title, "President Xi held a video call with the crew of Shenzhou 12");
    assert.match(draft.notes.events[0]!.join("\n"), /rule=event\.same-date .* paragraphs 1, 2/);
  });

  test("two dates in a sentence are two events; the same sentence twice needs a prefix to anchor", () => {
    const draft = draftOf("The plan was adopted in May 2019 and revised this year. Nothing else.\n\nThe plan was adopted in May 2019 and revised this year.");
    assert.deepEqual(eventDates(draft), ["in May 2019", "this year"]);
    const evidence = draft.annotation.events![0]!.evidence;
    assert.equal(evidence.length, 2);
    assert.deepEqual(evidence[1], { exact: "The plan was adopted in May 2019 and revised this year.", prefix: "\n" });
  });
});

test("drafts number paragraphs as Document.paragraphs does, whitespace-only blocks included", () => {
  const body = "\n  \n\nFirst paragraph here.\n \t\n\nSecond paragraph here.\n\n   \n";
  const { sentences, paragraphs } = analyzeText(body);
  const api = paragraphsOf(body);
  assert.deepEqual(paragraphs, api.map(({ start, end }) => ({ start, end })));
  assert.deepEqual(sentences.map((s) => [s.paragraph, body.slice(s.start, s.end)]), [
    [1, "First paragraph here."],
    [2, "Second paragraph here."],
  ]);
});
