/**
 * Documents in, facts out: the seed graph as the article says it, idempotent re-ingest, broken
 * files that change nothing, and a second document that refines an event's date.
 */
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { ingestFile, type IngestResult } from "../src/ingest/ingest.ts";
import { projectRoot } from "../src/paths.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { dumpDatabase } from "./helpers/dump.ts";
import { runService } from "./helpers/process.ts";

const SEED = "2023-05-29-science-technology-innovation";
const FOLLOW_UP = path.join(projectRoot, "tests", "fixtures", "2023-06-02-space-letter-follow-up.yaml");

let t: TestApp;
let scratch: string;
before(async () => {
  t = await startTestApp("pglite");
  scratch = await mkdtemp(path.join(os.tmpdir(), "themegraph-docs-"));
});
after(async () => {
  await t?.close();
  await rm(scratch, { recursive: true, force: true });
});

const data = (query: string) => t.data(query);

/** A copy of the seed annotation with `edit` applied, beside a copy of its text. */
async function brokenSeed(name: string, edit: (yaml: string) => string): Promise<string> {
  const base = path.join(scratch, name);
  await cp(path.join(projectRoot, "corpus", `${SEED}.txt`), `${base}.txt`);
  await writeFile(`${base}.yaml`, edit(await readFile(path.join(projectRoot, "corpus", `${SEED}.yaml`), "utf8")));
  return `${base}.yaml`;
}

describe("the seed graph says what the article says", () => {
  test("counts and dated events with their precision", async () => {
    const d = await data(`{ themes { totalCount } people { totalCount } organizations { totalCount } documents { totalCount }
      quotes { totalCount } direct: quotes(filter: { kind: DIRECT }) { totalCount }
      events(first: 100, orderBy: EARLIEST_FIRST) { totalCount nodes { slug kind date { iso precision } evidence { totalCount } } } }`);
    assert.deepEqual([d.themes.totalCount, d.people.totalCount, d.organizations.totalCount, d.documents.totalCount], [6, 5, 7, 1]);
    assert.deepEqual([d.quotes.totalCount, d.direct.totalCount], [15, 4]);
    assert.deepEqual(d.events.nodes.map((e: any) => `${e.date.iso} ${e.date.precision} ${e.kind}`), [
      "1970-04-24 DAY launch", "2004 YEAR establishment", "2020 YEAR letter", "2021-02-22 DAY meeting", "2021-06-23 DAY video call",
      "2022-04-21 DAY letter", "2022-08 MONTH inspection tour", "2023-02 MONTH study session", "2023-04-12 DAY visit",
    ]);
    const call = d.events.nodes.find((e: any) => e.slug === "2021-06-23-xi-video-call-shenzhou-12-crew");
    assert.equal(call.evidence.totalCount, 2, "the photo caption and the paragraph: one event, two passages");
  });

  test("every DIRECT quote is the document's text at its offsets, between quotation marks", async () => {
    const d = await data(`{ document(slug: "${SEED}") { text publishedOn dateline paragraphs(first: 3) { number text } }
      quotes(first: 100, filter: { kind: DIRECT }) { nodes { text speaker { slug } event { slug } evidence { start end paragraph text } } } }`);
    const text: string = d.document.text;
    assert.equal(d.document.publishedOn, "2023-05-29");
    assert.equal(d.document.dateline, "BEIJING");
    assert.ok(d.document.paragraphs[0].text.startsWith("BEIJING — President Xi Jinping"));
    for (const q of d.quotes.nodes) {
      assert.equal(text.slice(q.evidence.start, q.evidence.end), q.text);
      assert.match(text[q.evidence.start - 1]!, /[“"]/);
      assert.match(text[q.evidence.end]!, /[”"]/);
      assert.equal(q.speaker.slug, "xi-jinping");
      assert.ok(q.event, "every direct quote of the article has its event");
    }
  });

  test("documents read without their text (lists, search hits, evidence) still give the whole text when asked", async () => {
    const whole: string = (await data(`{ document(slug: "${SEED}") { text } }`)).document.text;
    const d = await data(`{ documents(first: 5) { nodes { slug text paragraphs(first: 1) { text } } }
      search(query: "technicians", types: [Document]) { nodes { item { ... on Document { slug text } } } }
      quotes(first: 1, filter: { kind: DIRECT }) { nodes { evidence { document { text } } } } }`);
    const listed = d.documents.nodes.find((n: any) => n.slug === SEED);
    assert.equal(listed.text, whole);
    assert.ok(whole.startsWith(listed.paragraphs[0].text));
    assert.equal(d.search.nodes[0].item.text, whole);
    assert.equal(d.quotes.nodes[0].evidence.document.text, whole);
  });

  test("people with the roles the text gives, organizations with aliases, mentions in the text", async () => {
    const d = await data(`{ person(slug: "xi-jinping") { roles mentions(first: 100) { totalCount nodes { text } } }
      organization(slug: "ustb") { aliases mentions { nodes { text paragraph } } } }`);
    assert.ok(d.person.roles.includes("President"));
    assert.ok(d.person.mentions.totalCount >= 20);
    assert.ok(d.person.mentions.nodes.every((m: any) => /Xi/.test(m.text)));
    assert.deepEqual(d.organization.aliases, ["USTB"]);
    assert.deepEqual(d.organization.mentions.nodes.map((m: any) => m.text), ["Beijing University of Science and Technology", "USTB", "USTB"]);
  });
});

describe("ingest", () => {
  test("the same file twice leaves every row as it was", async () => {
    const before = await dumpDatabase(t.app.db.prisma);
    const result = await ingestFile(t.app.db.prisma, path.join(projectRoot, "corpus", `${SEED}.yaml`));
    assert.ok(result.ok);
    assert.deepEqual(await dumpDatabase(t.app.db.prisma), before);
  });

  const broken: [string, (yaml: string) => string, string][] = [
    ["bad-date", (y) => y.replace('date: "On April 12"', 'date: "On Aprilish"'), 'events[8].date: "On Aprilish" is not a date'],
    ["missing-anchor", (y) => y.replace("On April 12, Mr. Xi visited", "On April 12, Mr. Xi toured"), "events[8].evidence[0].exact: \"On April 12, Mr. Xi toured"],
    ["twice-described", (y) => y.replace("  - slug: space\n", "  - slug: space\n    name: Space\n  - slug: space\n"), 'themes[2].slug: "space" is described twice in this file'],
    ["wrong-yaml", (y) => y.replace("  - slug: space\n", "  - slug: space\n   oops: [\n"), "(yaml): "],
  ];
  for (const [name, edit, expected] of broken) {
    test(`a broken file (${name}) is refused precisely and changes nothing`, async () => {
      const before = await dumpDatabase(t.app.db.prisma);
      const result = (await ingestFile(t.app.db.prisma, await brokenSeed(name, edit))) as Extract<IngestResult, { ok: false }>;
      assert.equal(result.ok, false);
      const lines = result.problems.map((p) => `${p.path}: ${p.message}`);
      assert.ok(lines.some((l) => l.startsWith(expected)), `expected a problem starting with ${expected}, got:\n${lines.join("\n")}`);
      assert.ok(result.problems.every((p) => typeof p.line === "number"), "every problem has its line");
      assert.deepEqual(await dumpDatabase(t.app.db.prisma), before, "the database is unchanged");
    });
  }

  test("the CLI prints file:line: path: message and exits 1 for a broken file", async () => {
    const file = await brokenSeed("cli-bad-date", (y) => y.replace('date: "On April 12"', 'date: "On Aprilish"'));
    const { code, stdout, stderr } = await runService("ingest/cli.js", { DATA_DIR: path.join(scratch, "cli-db") });
    assert.equal(code, 2, "no arguments: usage");
    assert.match(stderr, /usage: npm run ingest/);
    void stdout;
    const run = await runServiceWithArgs(file, path.join(scratch, "cli-db"));
    assert.equal(run.code, 1);
    assert.match(run.stderr, new RegExp(`${file.replace(/[.]/g, "\\.")}:\\d+: events\\[8\\]\\.date: "On Aprilish" is not a date`));
    assert.match(run.stdout, /\[1\/1\] .*: 1 problem\(s\), nothing written/);
  });
});

describe("a second document about the same event", () => {
  test("refines the event's date, keeps both evidences, adds people and organizations", async () => {
    const result = await ingestFile(t.app.db.prisma, FOLLOW_UP);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    const d = await data(`{ event(slug: "2020-xi-letter-to-space-scientists") {
      date { iso precision } evidence { nodes { document { slug } text } } people { nodes { slug } } organizations { nodes { slug } }
      quotes { nodes { text date { iso } speaker { slug } } } }
      person(slug: "xi-jinping") { roles coSpeakers { nodes { person { slug } sharedEvents } } }
      organization(slug: "cast") { relatedOrganizations { nodes { organization { slug } sharedEvents } } } }`);
    assert.deepEqual(d.event.date, { iso: "2020-04-24", precision: "DAY" });
    assert.deepEqual(d.event.evidence.nodes.map((e: any) => e.document.slug).sort(), [SEED, "2023-06-02-space-letter-follow-up"].sort());
    assert.deepEqual(d.event.people.nodes.map((p: any) => p.slug), ["xi-jinping", "zhang-wei"]);
    assert.deepEqual(d.event.organizations.nodes.map((o: any) => o.slug), ["cast", "cnsa"]);
    assert.ok(d.event.quotes.nodes.every((q: any) => q.date.iso === "2020-04-24"), "quotes take the refined date");
    assert.ok(d.person.roles.includes("President"), "a second definition adds to, not replaces, roles");
    assert.deepEqual(d.person.coSpeakers.nodes, [{ person: { slug: "zhang-wei" }, sharedEvents: 1 }]);
    assert.deepEqual(d.organization.relatedOrganizations.nodes, [{ organization: { slug: "cnsa" }, sharedEvents: 1 }]);
  });

  test("re-ingesting the first document keeps what the second one added", async () => {
    const before = await dumpDatabase(t.app.db.prisma);
    assert.ok((await ingestFile(t.app.db.prisma, path.join(projectRoot, "corpus", `${SEED}.yaml`))).ok);
    assert.deepEqual(await dumpDatabase(t.app.db.prisma), before);
  });

  test("a quote can name an event another document reported, without listing it: it is linked and dated by it", async () => {
    const base = path.join(scratch, "quote-of-known-event");
    await cp(FOLLOW_UP.replace(/\.yaml$/, ".txt"), `${base}.txt`);
    const yaml = (await readFile(FOLLOW_UP, "utf8"))
      .replace("slug: 2023-06-02-space-letter-follow-up", "slug: 2023-06-02-quotes-only")
      .replace(/\nevents:\n[\s\S]*?\nquotes:/, "\nevents: []\nquotes:")
      .replaceAll("slug: xi-spirit-belongs-to-nation", "slug: xi-spirit-again").replaceAll("slug: zhang-we-were-moved", "slug: zhang-moved-again");
    await writeFile(`${base}.yaml`, yaml);
    const result = await ingestFile(t.app.db.prisma, `${base}.yaml`);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    const d = await data(`{ quote(slug: "xi-spirit-again") { event { slug } date { iso } } }`);
    assert.deepEqual(d.quote, { event: { slug: "2020-xi-letter-to-space-scientists" }, date: { iso: "2020-04-24" } });
  });

  test("a date that contradicts the event is kept as a conflicting claim: the event shows what all claims share, and ingest warns", async () => {
    const base = path.join(scratch, "contradiction");
    await cp(FOLLOW_UP.replace(/\.yaml$/, ".txt"), `${base}.txt`);
    await writeFile(`${base}.yaml`, (await readFile(FOLLOW_UP, "utf8")).replace("slug: 2023-06-02-space-letter-follow-up", "slug: 2023-06-03-wrong-year")
      .replace('date: "On April 24, 2020"', 'date: "2019"').replaceAll("slug: xi-spirit-belongs-to-nation", "slug: xi-spirit-2").replaceAll("slug: zhang-we-were-moved", "slug: zhang-moved-2"));
    const result = (await ingestFile(t.app.db.prisma, `${base}.yaml`)) as Extract<IngestResult, { ok: true }>;
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.warnings.map((w) => `${w.path}: ${w.message}`), [
      `events[0].date: "2019" differs from "2020" (document "${SEED}"), "2020-04-24" (document "2023-06-02-space-letter-follow-up") for event "2020-xi-letter-to-space-scientists": both claims are kept, and the graph shows "2020"`,
    ]);
    assert.deepEqual((await data(`{ event(slug: "2020-xi-letter-to-space-scientists") { date { iso } } }`)).event.date, { iso: "2020" });
  });
});

function runServiceWithArgs(file: string, dataDir: string) {
  return runService("ingest/cli.js", { DATA_DIR: dataDir }, 30_000, [file]);
}
