/**
 * Draft extraction, events already in the graph (rule event.ref): a second report of a known event
 * becomes a `ref` to it, saying why in its comment; an incompatible date or an unrelated event of
 * the same day does not; quotes follow the ref; the draft passes ingest's checks. The texts are
 * fictional.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { renderDraft } from "../src/extract/draft-yaml.ts";
import { evaluateDraft } from "../src/extract/evaluate.ts";
import { gazetteerFromAnnotations, knownOf } from "../src/extract/gazetteer.ts";
import type { Annotation } from "../src/ingest/format.ts";
import { draftOf, ingestProblems } from "./fixtures/extract/drafts.ts";

const LAUNCH = "2026-01-12-aster-launches-corvid-probe";
const AGREEMENT = "2026-02-aster-kaldmark-data-agreement";

/** The first report, as curated: what the graph holds when the next reports come. */
const firstReport: Annotation = {
  document: { slug: "2026-01-12-corvid-launch", title: "Corvid probe launched", publishedOn: "2026-01-12" },
  organizations: [{ slug: "aster-space-agency", name: "Aster Space Agency", aliases: ["ASA"] }, { slug: "kaldmark-meteorological-institute", name: "Kaldmark Meteorological Institute" }],
  people: [{ slug: "dana-okafor", name: "Dana Okafor", aliases: ["Okafor"] }],
  events: [
    {
      slug: LAUNCH, title: "Aster Space Agency launches the Corvid probe", date: "on Monday",
      summary: "The Aster Space Agency launched the Corvid probe towards the comet Halvard from Tarrow Point.",
      people: ["dana-okafor"], organizations: ["aster-space-agency"], evidence: [{ exact: "The Aster Space Agency launched the Corvid probe on Monday." }],
    },
    {
      slug: AGREEMENT, title: "Aster Space Agency and the Kaldmark Meteorological Institute sign a data agreement", date: "2026-02",
      organizations: ["aster-space-agency", "kaldmark-meteorological-institute"], evidence: [{ exact: "The agreement will be signed in February." }],
    },
  ],
};
const gazetteer = gazetteerFromAnnotations([firstReport]);

const SECOND_REPORT = [
  "On January 12, the Aster Space Agency launched the Corvid probe towards the comet Halvard, mission director Dana Okafor said.",
  "“The probe is healthy and on its way,” Okafor said.",
].join("\n\n");

const refsOf = (a: Annotation) => (a.events ?? []).flatMap((e) => ("ref" in e ? [e.ref] : []));

describe("the gazetteer's events", () => {
  test("are built from event definitions, dated against their document's publication day, and known to ingest", () => {
    const launch = gazetteer.events!.find((e) => e.slug === LAUNCH)!;
    assert.deepEqual([launch.date, launch.precision, launch.people, launch.organizations], ["2026-01-12", "DAY", ["dana-okafor"], ["aster-space-agency"]]);
    assert.equal(knownOf(gazetteer).events.get(AGREEMENT)?.precision, "MONTH");
  });
});

describe("event.ref", () => {
  test("a second report of a known event refers to it, keeps its date words and links, and says why", () => {
    const d = draftOf(SECOND_REPORT, { publishedOn: "2026-01-14", gazetteer });
    const [event] = d.annotation.events!;
    assert.deepEqual(event, {
      ref: LAUNCH, date: "On January 12", people: ["dana-okafor"], organizations: ["aster-space-agency"],
      evidence: [{ exact: "On January 12, the Aster Space Agency launched the Corvid probe towards the comet Halvard, mission director Dana Okafor said." }],
    });
    const yaml = renderDraft(d);
    assert.match(yaml, new RegExp(String.raw`# proposed: rule=event\.ref confidence=0\.\d\d same event as ${LAUNCH} "Aster Space Agency launches the Corvid probe": dates 2026-01-12 = 2026-01-12, shares (aster-space-agency, dana-okafor|dana-okafor, aster-space-agency); words \d\.\d\d\n`));
    assert.match(yaml, /# proposed: rule=event\.ref .*\n(?:\s*#.*\n)*\s*- ref: 2026-01-12-aster-launches-corvid-probe\n/);
    assert.deepEqual(ingestProblems(d, SECOND_REPORT, knownOf(gazetteer)), []);
  });

  test("the quotes of the reported event point at the ref", () => {
    const d = draftOf(SECOND_REPORT, { publishedOn: "2026-01-14", gazetteer });
    assert.deepEqual(d.annotation.quotes!.map((q) => [q.speaker, q.event]), [["dana-okafor", LAUNCH]]);
  });

  test("a date inside the known event's (or containing it) is compatible, and is kept as the text writes it", () => {
    const text = "On February 9, the Aster Space Agency signed its data agreement with the Kaldmark Meteorological Institute.";
    const d = draftOf(text, { publishedOn: "2026-02-10", gazetteer });
    assert.deepEqual(refsOf(d.annotation), [AGREEMENT]);
    assert.equal(d.annotation.events![0]!.date, "On February 9");
    assert.match(d.notes.events[0]![0]!, /dates 2026-02-09 ⊂ 2026-02, shares aster-space-agency, kaldmark-meteorological-institute/);
    assert.deepEqual(ingestProblems(d, text, knownOf(gazetteer)), []);
  });

  test("an incompatible date excludes the known event, however alike the words", () => {
    const text = SECOND_REPORT.replace("On January 12", "On January 13");
    const d = draftOf(text, { publishedOn: "2026-01-14", gazetteer });
    assert.deepEqual(refsOf(d.annotation), []);
    assert.ok(d.notes.events.flat().every((line) => !line.includes("event.ref")));
  });

  test("an unrelated event on the same day, sharing no one and no words, is a new event", () => {
    const text = "On January 12, the Brenholm tram company opened a new line to the harbour district.";
    const d = draftOf(text, { publishedOn: "2026-01-13", gazetteer });
    assert.deepEqual(refsOf(d.annotation), []);
    assert.equal((d.annotation.events![0] as { slug: string }).slug, "2026-01-12-brenholm-tram-company-opened-new");
  });

  test("two candidates never refer to the same event: the better one does, the other stays new", () => {
    const text = [
      "In January, the Aster Space Agency launched the Corvid probe towards the comet Halvard.",
      "On January 12, the Aster Space Agency launched the Corvid probe from Tarrow Point, Dana Okafor said.",
    ].join("\n\n");
    // Alone, the month-dated report would refer to the launch too.
    assert.deepEqual(refsOf(draftOf(text.split("\n\n")[0]!, { publishedOn: "2026-02-02", gazetteer }).annotation), [LAUNCH]);
    const d = draftOf(text, { publishedOn: "2026-02-02", gazetteer });
    assert.deepEqual(d.annotation.events!.map((e) => ("ref" in e ? `ref ${e.ref}` : `new ${e.date}`)), ["new In January", `ref ${LAUNCH}`]);
    assert.deepEqual(ingestProblems(d, text, knownOf(gazetteer)), []);
  });

  test("the evaluation scores a ref as right when it names the curated ref's event", () => {
    const d = draftOf(SECOND_REPORT, { publishedOn: "2026-01-14", gazetteer });
    const gold: Annotation = { document: d.annotation.document, events: [{ ref: LAUNCH, evidence: [{ exact: "the Corvid probe" }] }] };
    const { refs } = evaluateDraft(d.annotation, gold, SECOND_REPORT, new Date("2026-01-14T00:00:00.000Z"));
    assert.deepEqual([refs.correct, refs.proposed, refs.found, refs.curated], [1, 1, 1, 1]);
  });
});
