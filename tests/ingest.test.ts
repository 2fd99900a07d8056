/** The pure ingest steps, without a database: source text, anchors, partial dates, validation. */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { parse } from "yaml";
import { resolveAnchor } from "../src/ingest/anchor.ts";
import { validateAnnotation } from "../src/ingest/format.ts";
import { planIngest, type KnownSlugs } from "../src/ingest/plan.ts";
import { paragraphAt, parseSourceText } from "../src/ingest/source-text.ts";
import { partialDate, parsePartialDate } from "../src/partial-date.ts";
import { projectRoot } from "../src/paths.ts";

const SEED = path.join(projectRoot, "corpus", "2023-05-29-science-technology-innovation");
const none = (): KnownSlugs => ({ themes: new Set(), people: new Set(), organizations: new Set(), events: new Set() });

describe("source text", () => {
  test("the date header is read and removed; the body starts at the first paragraph", () => {
    const { publishedOn, body } = parseSourceText(" date 2023-05-29 \n\n\n\nBEIJING — First.\n\nSecond.\n");
    assert.equal(publishedOn, "2023-05-29");
    assert.equal(body, "BEIJING — First.\n\nSecond.\n");
    assert.equal(paragraphAt(body, body.indexOf("Second")), 2);
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
    assert.deepEqual(partialDate(year.start, year.precision), { iso: "2004", precision: "YEAR", year: 2004, month: null, day: null, start: "2004-01-01", end: "2004-12-31" });
    assert.deepEqual(partialDate(month.start, month.precision).end, "2024-02-29", "leap February");
    assert.deepEqual(partialDate(day.start, day.precision), { iso: "2021-06-23", precision: "DAY", year: 2021, month: 6, day: 23, start: "2021-06-23", end: "2021-06-23" });
  });
  test("impossible or malformed dates are refused", () => {
    for (const bad of ["2023-02-30", "2023-13", "23", "2023/02/01", "June 2023"]) assert.equal(parsePartialDate(bad), null, bad);
  });
});

describe("annotation validation and planning", () => {
  test("the bundled annotation validates and resolves without problems", async () => {
    const raw = parse(await readFile(`${SEED}.yaml`, "utf8"));
    const validated = validateAnnotation(raw);
    assert.ok(validated.ok, JSON.stringify(!validated.ok && validated.problems));
    const { plan, problems } = planIngest(validated.annotation, parseSourceText(await readFile(`${SEED}.txt`, "utf8")), none());
    assert.deepEqual(problems, []);
    for (const q of plan.quotes) assert.equal(plan.document.text.slice(q.span.start, q.span.end), q.text, q.slug);
    assert.ok(plan.quotes.filter((q) => q.kind === "DIRECT").length >= 4);
  });

  test("every problem is reported at once, each with its path", () => {
    const result = validateAnnotation({
      document: { slug: "Bad Slug", title: "" },
      events: [{ slug: "e", title: "E", date: "2023-02" }],
      quotes: [{ slug: "q", kind: "SHOUTED", speaker: "p", evidence: {} }],
    });
    assert.ok(!result.ok);
    assert.deepEqual(result.problems, [
      { path: "document.slug", message: '"Bad Slug" is not a slug (lowercase words joined by -)' },
      { path: "document.title", message: "must be a non-empty string" },
      { path: "events[0].evidence", message: "needs at least one passage of the text" },
      { path: "quotes[0].kind", message: 'must be DIRECT or PARAPHRASE, got "SHOUTED"' },
      { path: "quotes[0].evidence.exact", message: "is required" },
    ]);
  });

  test("bad dates, missing anchors and unknown slugs are reported with their paths", () => {
    const result = validateAnnotation({
      document: { slug: "d", title: "D", publishedOn: "2023-05-29" },
      events: [{ slug: "e", title: "E", date: "2023-02-30", themes: ["nowhere"], evidence: [{ exact: "absent" }] }],
    });
    assert.ok(result.ok);
    const { problems } = planIngest(result.annotation, { body: "Some text." }, none());
    assert.deepEqual(problems, [
      { path: "events[0].themes[0]", message: 'refers to unknown theme "nowhere"' },
      { path: "events[0].date", message: '"2023-02-30" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD' },
      { path: "events[0].evidence[0].exact", message: '"absent" is not in the text' },
    ]);
  });
});
