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
import { draftOf, eventDates, ingestProblems, quoteLines } from "./fixtures/extract/drafts.ts";

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

describe("titles glued to names", () => {
  test("the words up to the last title word are a role, not part of the name; quotes go to the person", () => {
    const d = drafted([
      "State Councilor Wang Lian toured the plant. “The plant must run safely,” Wang said.",
      "Chinese Premier Li Hao met the delegation. “Trade should grow,” Li said.",
      "“We are ready,” said U.S. Commerce Secretary Jane Doe.",
      "“Science needs patience,” Science Minister Rosa Vell said.",
    ].join("\n\n"));
    const people = (d.annotation.people ?? []).map((p) => `${p.name} (${(p.roles ?? []).join(", ")})`);
    assert.deepEqual(people, ["Wang Lian (State Councilor)", "Li Hao (Chinese Premier)", "Jane Doe (U.S. Commerce Secretary)", "Rosa Vell (Science Minister)"]);
    assert.deepEqual(quoteLines(d).map((l) => l.split(":")[0]), ["DIRECT wang-lian", "DIRECT li-hao", "DIRECT jane-doe", "DIRECT rosa-vell"]);
    assert.ok(d.notes.people.every((n) => n[0]!.includes("rule=person.glued-title")));
  });

  test("a role in lower case before the name, with or without its organization, is skipped", () => {
    const d = drafted("“The arrays are open,” Kestrel chief engineer Dana Okafor told reporters.\n\n“Trusting it is harder,” said Brightwater project director Tomas Reiner.");
    assert.deepEqual(quoteLines(d), ["DIRECT dana-okafor: The arrays are open,", "DIRECT tomas-reiner: Trusting it is harder,"]);
    assert.deepEqual(rulesOf(d.notes.quotes), ["quote.role-title", "quote.role-title"]);
    assert.deepEqual(names(d, "people"), ["Dana Okafor", "Tomas Reiner"]);
  });

  test("a title after “the” still makes a person; a name after “the” without one does not", () => {
    const d = drafted("The Minister Rosa Vell visited the Kestrel Works. She met the Valmora Harriers later.");
    assert.deepEqual(names(d, "people"), ["Rosa Vell"]);
  });
});

describe("datelines and bylines", () => {
  test("the dateline's date is the day of filing, set aside; its place is the dateline, its agency the source", () => {
    const d = drafted("TARROW, March 10 (Meridian) -- The Kestrel Space Agency launched a weather satellite.", "2026-03-12");
    assert.deepEqual(eventDates(d), []);
    assert.deepEqual(d.setAside, [`date "March 10": date.dateline: the day the report was filed, not an event's date`]);
    assert.equal(d.annotation.document.dateline, "TARROW");
    assert.equal(d.annotation.document.sourceName, "Meridian");
    assert.equal(d.annotation.document.title, "The Kestrel Space Agency launched a weather satellite.");
  });

  test("an abbreviated month, a headline before it: still the dateline; the event keeps its own date", () => {
    const d = drafted("Council Passes Budget\n\nBEIJING, Feb. 2 (Xinhua) -- The council met on Monday to pass the budget.", "2026-02-02");
    assert.deepEqual(eventDates(d), ["on Monday"]);
    assert.equal(d.annotation.document.dateline, "BEIJING");
  });

  test("byline timestamps and a note on where the story appears date no event", () => {
    const d = drafted("The plant opened on Tuesday.\n\nUpdated: 2026-01-12 09:14\n\nNorth Wire | January 13, 2026, 08:00 CET\n\nThe story appears on page 4 of the March 12 print edition.", "2026-03-12");
    assert.deepEqual(eventDates(d), ["on Tuesday"]);
    assert.deepEqual(d.setAside.map((s) => s.split(": ")[1]!.split(":")[0]), ["date.byline", "date.byline", "date.publication-note"]);
  });
});

describe("words that only look like dates", () => {
  test("a month in a model's or a person's name is no date; a month after a weekday or opening a sentence is", () => {
    const d = drafted("The probe rode a Long March-2F rocket. A Corvid-4 drone filmed the Long March 4 stage.\n\nEngineer Zhang Jun checked the valves.\n\nEarly March 2026 was cold. The crew left on Tuesday, March 3.");
    assert.deepEqual(eventDates(d), ["March 2026", "on Tuesday, March 3"]);
    assert.deepEqual(d.setAside.filter((s) => s.includes("date.name-part")).map((s) => s.split(":")[0]), ['date "March-2"', 'date "March 4"']);
  });

  test("“in the year 2008” is 2008, not “in the year” read as a year from now", () => {
    const d = drafted("The first plant opened in the year 2008.");
    assert.deepEqual(eventDates(d), ["in the year 2008"]);
    assert.match(d.notes.events[0]![0]!, /-> 2008 \(YEAR\)/);
  });

  test("a date's words keep no trailing comma", () => {
    const d = drafted("In January, the board approved the plan.\n\nThe board met again on Monday, and signed it.");
    assert.deepEqual(eventDates(d), ["In January", "on Monday"]);
  });
});

describe("weekdays of planned events", () => {
  test("a weekday in a sentence about what is planned is the next one; in the past tense the last one", () => {
    // Published on Monday 2026-03-16.
    const d = drafted("Engineers are preparing for Thursday's launch of the probe.\n\nThe rocket is scheduled to lift off on Friday.\n\nThe test stand failed on Wednesday, engineers said.");
    assert.deepEqual(eventDates(d), ["2026-03-19", "2026-03-20", "on Wednesday"]);
    assert.deepEqual(d.notes.events.map((n) => /date="[^"]+" -> (\S+)/.exec(n[0]!)![1]), ["2026-03-19", "2026-03-20", "2026-03-11"]);
    assert.match(d.notes.events[0]![0]!, /a planned event/);
  });
});

describe("photo credits", () => {
  test("the names of a photo credit are no person and no organization", () => {
    const d = drafted("Mayor Elsa Brandt opened the barrier.\n\nPhoto: Marta Lind /For Northline\n\nA view of the harbour gates. Li Wen /For China Daily");
    assert.deepEqual(names(d, "people"), ["Elsa Brandt"]);
    assert.deepEqual(names(d, "organizations"), []);
  });
});
