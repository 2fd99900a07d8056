/** The pure ingest steps, without a database: source text, anchors, partial dates, validation. */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { resolveAnchor } from "../src/ingest/anchor.ts";
import { resolveDate } from "../src/ingest/dates.ts";
import { readAnnotation } from "../src/ingest/format.ts";
import { findMentions } from "../src/ingest/mentions.ts";
import { planIngest, type Known } from "../src/ingest/plan.ts";
import { parseSourceText } from "../src/ingest/source-text.ts";
import { paragraphLocator, paragraphsOf } from "../src/paragraphs.ts";
import { partialDate, parsePartialDate, type PartialDateParts } from "../src/partial-date.ts";
import { projectRoot } from "../src/paths.ts";

/** A partial date's fields as a plain object (they are computed on read). */
const fields = ({ iso, precision, year, month, day, start, end }: PartialDateParts) => ({ iso, precision, year, month, day, start, end });

const SEED = path.join(projectRoot, "corpus", "2023-05-29-science-technology-innovation");
const none = (): Known => ({ themes: new Set(), people: new Set(), organizations: new Set(), events: new Map() });

describe("source text", () => {
  test("the date header is read and removed; the body starts at the first paragraph", () => {
    const { publishedOn, body } = parseSourceText(" date 2023-05-29 \n\n\n\nBEIJING — First.\n\nSecond.\n");
    assert.equal(publishedOn, "2023-05-29");
    assert.equal(body, "BEIJING — First.\n\nSecond.\n");
    const paragraphAt = paragraphLocator(body);
    assert.equal(paragraphAt(body.indexOf("Second")), 2);
    assert.equal(paragraphAt(0), 1);
    assert.deepEqual(paragraphsOf(body).map((p) => [p.number, p.text]), [[1, "BEIJING — First."], [2, "Second."]], "the API's paragraphs agree");
  });
});

describe("anchors", () => {
  const body = "He said “yes”. She said “yes”.";
  test("an excerpt that occurs once resolves to its span", () => {
    assert.deepEqual(resolveAnchor(body, { exact: "She said" }), { paragraph: 1, start: 15, end: 23 });
  });
  test("an ambiguous excerpt asks for a prefix or suffix, which then picks one", () => {
    assert.match((resolveAnchor(body, { exact: "yes" }) as { error: string }).error, /occurs 2 times/);
    assert.deepEqual(resolveAnchor(body, { exact: "yes", prefix: "She said “" }), { paragraph: 1, start: 25, end: 28 });
  });
  test("a missing excerpt says so, and notices quotation marks that differ", () => {
    assert.match((resolveAnchor(body, { exact: "no" }) as { error: string }).error, /is not in the text$/);
    assert.match((resolveAnchor(body, { exact: 'said "yes"' }) as { error: string }).error, /differs only in quotation marks/);
  });
});

describe("partial dates", () => {
  test("each precision parses and expands to its first and last day", () => {
    const year = parsePartialDate("2004")!, month = parsePartialDate("2024-02")!, day = parsePartialDate("2021-06-23")!;
    assert.deepEqual(fields(partialDate(year.start, year.precision)), { iso: "2004", precision: "YEAR", year: 2004, month: null, day: null, start: "2004-01-01", end: "2004-12-31" });
    assert.deepEqual(partialDate(month.start, month.precision).end, "2024-02-29", "leap February");
    assert.deepEqual(fields(partialDate(day.start, day.precision)), { iso: "2021-06-23", precision: "DAY", year: 2021, month: 6, day: 23, start: "2021-06-23", end: "2021-06-23" });
  });
  test("impossible or malformed dates are refused", () => {
    for (const bad of ["2023-02-30", "2023-13", "23", "2023/02/01", "June 2023"]) assert.equal(parsePartialDate(bad), null, bad);
  });
});

describe("dates as the text writes them", () => {
  const published = new Date("2023-05-29T00:00:00Z");
  const resolved = (written: string) => {
    const r = resolveDate(written, published);
    return "error" in r ? r.error : `${r.start.toISOString().slice(0, 10)} ${r.precision}`;
  };
  test("each form resolves against the publication day, never more precise than the words", () => {
    assert.equal(resolved("On April 12"), "2023-04-12 DAY");
    assert.equal(resolved("In February this year"), "2023-02-01 MONTH");
    assert.equal(resolved("in 2004"), "2004-01-01 YEAR");
    assert.equal(resolved("in the year 2019"), "2019-01-01 YEAR", "not a year from now");
    assert.equal(resolved("June 23, 2021"), "2021-06-23 DAY");
    assert.equal(resolved("August 2022"), "2022-08-01 MONTH");
    assert.equal(resolved("last month"), "2023-04-01 MONTH");
    assert.equal(resolved("on Tuesday"), "2023-05-23 DAY", "the latest Tuesday on or before publication");
    assert.equal(resolved("2023-02"), "2023-02-01 MONTH");
    assert.equal(resolved("in February last year"), "2022-02-01 MONTH");
    assert.equal(resolved("March next year"), "2024-03-01 MONTH");
    assert.equal(resolved("last week"), "2023-05-01 MONTH", "the week of May 22-28 lies in May");
    assert.equal(resolved("two weeks ago"), "2023-05-01 MONTH");
  });
  test("words that are not a date are refused", () => {
    assert.match(resolved("sometime soon"), /is not a date this reader understands/);
  });
});

describe("mentions", () => {
  test("every whole-word occurrence of a name or alias, the longest name winning overlaps", () => {
    const body = "President Xi Jinping met Xi's team. Xiamen is not Xi. USTB (Beijing University of Science and Technology)";
    const found = findMentions(body, [
      { slug: "xi", names: ["Xi Jinping", "Xi", "President Xi Jinping"] },
      { slug: "ustb", names: ["Beijing University of Science and Technology", "USTB"] },
    ]);
    assert.deepEqual(found.get("xi")!.map((m) => body.slice(m.start, m.end)), ["President Xi Jinping", "Xi", "Xi"]);
    assert.deepEqual(found.get("ustb")!.map((m) => body.slice(m.start, m.end)), ["USTB", "Beijing University of Science and Technology"]);
  });
});

describe("annotation validation and planning", () => {
  test("the bundled annotation validates and resolves without problems", async () => {
    const read = readAnnotation(await readFile(`${SEED}.yaml`, "utf8"));
    assert.ok(read.ok, JSON.stringify(!read.ok && read.problems));
    const { plan, problems } = planIngest(read.annotation, parseSourceText(await readFile(`${SEED}.txt`, "utf8")), none());
    assert.deepEqual(problems, []);
    for (const q of plan.quotes) assert.equal(plan.document.text.slice(q.span.start, q.span.end), q.text, q.slug);
    assert.ok(plan.quotes.filter((q) => q.kind === "DIRECT").length >= 4);
  });

  test("schema problems are all reported at once, with path and YAML line", () => {
    const read = readAnnotation(["document:", "  slug: Bad Slug", "  title: ''", "events:", "  - slug: e", "    title: E", "    date: 2023-02", "quotes:", "  - slug: q", "    kind: SHOUTED", "    speaker: p", "    evidence: {}", "    colour: red"].join("\n"));
    assert.ok(!read.ok);
    const shown = read.problems.map((p) => `${p.line}: ${p.path}: ${p.message}`).sort();
    assert.deepEqual(shown, [
      "10: quotes[0].kind: must be one of DIRECT, PARAPHRASE",
      "12: quotes[0].evidence.exact: is required",
      "13: quotes[0].colour: is not a field of the format",
      "2: document.slug: must be a slug (lowercase words joined by -)",
      "3: document.title: must not be empty",
      "5: events[0].evidence: is required",
    ].sort());
  });

  test("YAML that does not parse names its line", () => {
    const read = readAnnotation("document:\n  slug: x\n  title: [unclosed\n");
    assert.ok(!read.ok);
    assert.equal(read.problems[0]!.path, "(yaml)");
    assert.ok(read.problems[0]!.line! >= 3);
  });

  test("bad dates, missing anchors and unquoted DIRECT quotes are reported with their paths; unknown slugs are claims, not problems", () => {
    const read = readAnnotation(JSON.stringify({
      document: { slug: "d", title: "D", publishedOn: "2023-05-29" },
      events: [{ slug: "e", title: "E", date: "sometime", themes: ["nowhere"], evidence: [{ exact: "absent" }] }],
      quotes: [{ slug: "q", kind: "DIRECT", speaker: "p", evidence: { exact: "Some text" } }],
    }));
    assert.ok(read.ok);
    const { plan, problems } = planIngest(read.annotation, { body: "Some text." }, none());
    assert.deepEqual(problems.map((p) => [p.path.join("."), p.message]), [
      ["events.0.evidence.0.exact", '"absent" is not in the text'],
      ["events.0.date", '"sometime" is not a date this reader understands (try "April 12, 2023", "February 2023" or "2023-02")'],
      ["quotes.0.evidence.exact", "a DIRECT quote must be exactly the characters between quotation marks in the text (use PARAPHRASE for reported speech)"],
    ]);
    const references = plan.claims.filter((c) => c.property === "REFERENCE").map((c) => `${c.subject}:${c.slug}`);
    assert.deepEqual(references, ["EVENT:e", "THEME:nowhere", "PERSON:p"], "every slug named is a reference claim");
    assert.deepEqual(plan.claims.filter((c) => c.property === "THEME").map((c) => [c.slug, c.value]), [["e", "nowhere"]]);
  });

  test("impossible calendar days are refused wherever a date is written", () => {
    const annotation = (publishedOn: string) => readAnnotation(JSON.stringify({ document: { slug: "d", title: "D", publishedOn }, events: [{ slug: "e", title: "E", date: "February 30, 2023", evidence: [{ exact: "Some" }] }] }));
    const read = annotation("2023-02-30");
    assert.ok(read.ok);
    const problems = planIngest(read.annotation, { body: "Some text." }, none()).problems.map((p) => `${p.path.join(".")}: ${p.message}`);
    assert.ok(problems.includes('document.publishedOn: "2023-02-30" is not a day of the calendar'), problems.join("\n"));
    assert.ok(problems.some((p) => p.startsWith('events.0.date: "February 30, 2023" is not a day of the calendar')), problems.join("\n"));
    const line = planIngest((annotation("2023-03-01") as any).annotation, parseSourceText("date 2023-02-29\n\nSome text."), none()).problems.map((p) => p.message);
    assert.ok(line.some((m) => /the date line "date 2023-02-29" is not a day of the calendar/.test(m)), line.join("\n"));
  });
});
