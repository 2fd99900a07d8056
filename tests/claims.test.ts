/**
 * Documents own their facts: four reports of one (fictional) laboratory opening, ingested, removed,
 * replaced and reordered, on PGlite and PostgreSQL. The graph is compared whole (every table, ids
 * aside) with the graph the same documents give in another order, or without the removed one.
 */
import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile, cp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ingestFile, removeDocumentBySlug, type IngestResult } from "../src/ingest/ingest.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import { projectRoot } from "../src/paths.ts";
import { onEachBackend } from "./helpers/backends.ts";
import { dumpGraph } from "./helpers/dump.ts";

const DIR = path.join(projectRoot, "tests", "fixtures", "claims");
const A = "a-herald-lab-opening", B = "b-valley-post-lab", C = "c-wire-lab", D = "d-weekly-survey";
const EVENT = "2024-03-riverside-lab-opening";
const file = (slug: string) => path.join(DIR, `${slug}.yaml`);

async function ingested(prisma: PrismaClient, slug: string, target = file(slug)): Promise<Extract<IngestResult, { ok: true }>> {
  const result = await ingestFile(prisma, target);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
  return result;
}

async function removed(prisma: PrismaClient, slug: string) {
  const result = await removeDocumentBySlug(prisma, slug);
  assert.ok(result.ok, JSON.stringify(result));
  return result;
}

/** A copy of a fixture with its annotation edited, in a scratch folder. */
async function edited(slug: string, edit: (yaml: string) => string, name = slug): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "themegraph-claims-"));
  await cp(path.join(DIR, `${slug}.txt`), path.join(dir, `${name}.txt`));
  await writeFile(path.join(dir, `${name}.yaml`), edit(await readFile(file(slug), "utf8")));
  return path.join(dir, `${name}.yaml`);
}

const eventQuery = `{ event(slug: "${EVENT}") { title place kind date { iso precision } people { nodes { slug } } organizations { nodes { slug } }
  quotes { nodes { slug date { iso } } } evidence { nodes { document { slug } } } } person(slug: "lena-ortiz") { name aliases roles } }`;

onEachBackend("claims", ({ prisma, read, write, send }) => {
  test("two documents sharing an event, a person and an organization: removing either, in either order, leaves exactly the other's graph", async () => {
    const empty = await dumpGraph(prisma());
    await ingested(prisma(), A);
    const onlyA = await dumpGraph(prisma());
    const b = await ingested(prisma(), B);
    assert.deepEqual(b.dateChanges, [{ event: EVENT, from: "2024-03", to: "2024-03-04" }], "B refines the month to the day");
    const both = await dumpGraph(prisma());
    const d = await read(eventQuery);
    assert.deepEqual(d.event.date, { iso: "2024-03-04", precision: "DAY" });
    assert.equal(d.event.place, "Harbor City", "a ref's place is a claim like any other");
    assert.equal(d.event.title, "Riverside Institute opens a tidal research laboratory");
    assert.deepEqual(d.event.people.nodes.map((p: any) => p.slug).sort(), ["lena-ortiz", "tomas-reyes"]);
    assert.equal(d.person.name, "Lena Ortiz", "the earliest report's name stands");
    assert.deepEqual(d.person.aliases, ["Ortiz", "Dr. Lena Ortiz"], "the other document's name is kept as an alias");
    assert.deepEqual(d.event.quotes.nodes.map((q: any) => q.date.iso), ["2024-03-04", "2024-03-04"], "quotes of both take the refined date");

    await removed(prisma(), B);
    assert.deepEqual(await dumpGraph(prisma()), onlyA, "removing the later document restores the graph before it");
    await removed(prisma(), A);
    assert.deepEqual(await dumpGraph(prisma()), empty, "removing the only report leaves nothing of it");

    await ingested(prisma(), B);
    const onlyB = await dumpGraph(prisma());
    const alone = await read(eventQuery);
    assert.equal(alone.event.title, EVENT, "an event no document describes shows its slug");
    assert.deepEqual(alone.event.date, { iso: "2024-03-04", precision: "DAY" });
    await ingested(prisma(), A);
    assert.deepEqual(await dumpGraph(prisma()), both, "the same two documents in the other order give the same graph");
    await removed(prisma(), A);
    assert.deepEqual(await dumpGraph(prisma()), onlyB, "removing the earlier document leaves exactly the later one's graph");
    await removed(prisma(), B);
    assert.deepEqual(await dumpGraph(prisma()), empty);
  });

  test("four documents in several orders give one graph; conflicting dates fall back to what they share", async () => {
    const empty = await dumpGraph(prisma());
    const orders = [[A, B, C, D], [D, C, B, A], [B, D, A, C], [C, A, D, B]];
    let first: unknown;
    for (const order of orders) {
      for (const slug of order) await ingested(prisma(), slug);
      const dump = await dumpGraph(prisma());
      if (first === undefined) {
        first = dump;
        const d = await read(eventQuery);
        assert.deepEqual(d.event.date, { iso: "2024-03", precision: "MONTH" }, "March 4 (two reports) against March 5 (one): the month they share");
        assert.deepEqual(d.event.evidence.nodes.map((e: any) => e.document.slug).sort(), [A, B, C, D]);
        const mentions = await read(`{ person(slug: "lena-ortiz") { mentions(first: 100) { nodes { document { slug } text } } } }`);
        const inD = mentions.person.mentions.nodes.filter((m: any) => m.document.slug === D).map((m: any) => m.text);
        assert.deepEqual(inD, ["Lena Ortiz"], "a document that names a person by slug only records where its text names them");
      } else assert.deepEqual(dump, first, `order ${order.join(", ")}`);
      for (const slug of order) await removed(prisma(), slug);
      assert.deepEqual(await dumpGraph(prisma()), empty);
    }
  });

  test("a link a file drops is gone when the file is ingested again, unless another document claims it", async () => {
    await ingested(prisma(), A);
    await ingested(prisma(), B);
    const people = async () => (await read(eventQuery)).event.people.nodes.map((p: any) => p.slug).sort();
    assert.deepEqual(await people(), ["lena-ortiz", "tomas-reyes"]);
    const dropped = await edited(B, (y) => y.replace("people: [lena-ortiz, tomas-reyes]", "people: [lena-ortiz]"));
    await ingested(prisma(), B, dropped);
    assert.deepEqual(await people(), ["lena-ortiz"], "tomas-reyes was B's link alone");
    const droppedBoth = await edited(B, (y) => y.replace("people: [lena-ortiz, tomas-reyes]", "people: []"));
    await ingested(prisma(), B, droppedBoth);
    assert.deepEqual(await people(), ["lena-ortiz"], "lena-ortiz is A's link too");
    for (const slug of [A, B]) await removed(prisma(), slug);
  });

  test("a wrong early refinement is corrected by fixing its file; conflicts are warnings naming the other document", async () => {
    const wrong = await edited(D, (y) => y.replace("date: March 5", "date: March 6"), D);
    await ingested(prisma(), A);
    const early = await ingested(prisma(), D, wrong);
    assert.deepEqual(early.dateChanges, [{ event: EVENT, from: "2024-03", to: "2024-03-06" }]);
    const b = await ingested(prisma(), B);
    assert.deepEqual(b.dateChanges, [{ event: EVENT, from: "2024-03-06", to: "2024-03" }], "the correct report is accepted, and the conflict shown");
    const warning = b.warnings.find((w) => w.path === "events[0].date");
    assert.ok(warning, JSON.stringify(b.warnings));
    assert.match(warning.message, /"2024-03-04" differs from "2024-03-06" \(document "d-weekly-survey"\).*shows "2024-03"/);
    assert.equal(typeof warning.line, "number");
    const fixed = await edited(D, (y) => y.replace("date: March 5", "date: March 4"), D);
    const corrected = await ingested(prisma(), D, fixed);
    assert.equal(corrected.status, "ingested");
    assert.deepEqual(corrected.dateChanges, [{ event: EVENT, from: "2024-03", to: "2024-03-04" }]);
    assert.deepEqual((await read(eventQuery)).event.date, { iso: "2024-03-04", precision: "DAY" });
    assert.equal((await ingested(prisma(), D, fixed)).status, "unchanged", "the same file again writes nothing");
    for (const slug of [A, B, D]) await removed(prisma(), slug);
  });

  test("takeover attempts leave every claim of the other document in place, warned and named; removing the intruder restores the graph", async () => {
    await ingested(prisma(), A);
    const before = await dumpGraph(prisma());
    const intruder = await edited(A, (y) => y
      .replace("slug: a-herald-lab-opening", "slug: e-intruder")
      .replace("name: Coastal science", "name: Shore studies").replace("description: Research on shores, tides and sediment.", "description: Something else.")
      .replace("name: Riverside Institute", "name: Riverside Research Institute")
      .replace("name: Lena Ortiz", "name: Helena Ortiz")
      .replace("title: Riverside Institute opens a tidal research laboratory", "title: A different title")
      .replace("date: in March", "date: 2023-11")
      .replace("slug: ortiz-patient-money", "slug: ortiz-patient-money-e")
      .replace("date 2024-03-05", "date 2024-04-01"), "e-intruder");
    await writeFile(intruder.replace(/yaml$/, "txt"), (await readFile(intruder.replace(/yaml$/, "txt"), "utf8")).replace("date 2024-03-05", "date 2024-04-01"));
    const e = await ingested(prisma(), "e-intruder", intruder);
    const warned = e.warnings.map((w) => w.path).sort();
    assert.deepEqual(warned, ["events[0].date", "events[0].title", "organizations[0].name", "people[0].name", "themes[0].description", "themes[0].name"]);
    for (const w of e.warnings) assert.match(w.message, /document "a-herald-lab-opening"/, w.message);
    const d = await read(`${eventQuery.slice(0, -1)} theme(slug: "coastal-science") { name description } organization(slug: "riverside-institute") { name aliases } }`);
    assert.equal(d.event.title, "Riverside Institute opens a tidal research laboratory", "the earlier document's title stands");
    assert.equal(d.theme.name, "Coastal science");
    assert.equal(d.theme.description, "Research on shores, tides and sediment.");
    assert.equal(d.organization.name, "Riverside Institute");
    assert.deepEqual(d.organization.aliases, ["Riverside Research Institute"]);
    assert.equal(d.person.name, "Lena Ortiz");
    assert.deepEqual(d.event.date, { iso: "2024", precision: "YEAR" }, "2023-11 and 2024-03 share nothing: the year of the earlier document, no finer");

    const stolen = await edited(A, (y) => y.replace("slug: a-herald-lab-opening", "slug: f-quote-thief"), "f-quote-thief");
    const refused = await ingestFile(prisma(), stolen);
    assert.equal(refused.ok, false);
    assert.match((refused as any).problems[0].message, /"ortiz-patient-money" is a quote of document "a-herald-lab-opening"/);

    await removed(prisma(), "e-intruder");
    assert.deepEqual(await dumpGraph(prisma()), before, "removing the intruder restores the graph exactly");
    await removed(prisma(), A);
  });

  test("a dry run reports exactly what the real run then does, and writes nothing", async () => {
    for (const slug of [A, B, D]) {
      const dumped = await dumpGraph(prisma());
      const dry = await ingestFile(prisma(), file(slug), { dryRun: true });
      assert.ok(dry.ok && dry.status === "dry-run");
      assert.deepEqual(await dumpGraph(prisma()), dumped, "a dry run writes nothing");
      const real = await ingested(prisma(), slug);
      assert.deepEqual({ changes: dry.changes, dates: dry.dateChanges, warnings: dry.warnings }, { changes: real.changes, dates: real.dateChanges, warnings: real.warnings });
    }
    const dryRemove = await removeDocumentBySlug(prisma(), B, { dryRun: true });
    const realRemove = await removed(prisma(), B);
    assert.ok(dryRemove.ok);
    assert.deepEqual(dryRemove.changes, realRemove.changes);
    assert.deepEqual(dryRemove.dateChanges, [{ event: EVENT, from: "2024-03", to: "2024-03-05" }]);
    const unchanged = await ingestFile(prisma(), file(A), { dryRun: true });
    assert.ok(unchanged.ok && unchanged.status === "unchanged");
    for (const slug of [A, D]) await removed(prisma(), slug);
  });

  test("the API: ingestDocument (dry run, for real, unchanged), who claims what, conflicts, removeDocument", async () => {
    const source = async (slug: string) => ({ annotation: await readFile(file(slug), "utf8"), text: await readFile(file(slug).replace(/yaml$/, "txt"), "utf8") });
    const INGEST = `mutation ($annotation: String!, $text: String!, $dryRun: Boolean) { ingestDocument(annotation: $annotation, text: $text, dryRun: $dryRun) {
      status document { slug } problems { path message } changes { kind added changed removed } dateChanges { event from to } warnings { path line message } } }`;
    const ingest = async (slug: string, dryRun = false) => (await write(INGEST, { ...(await source(slug)), dryRun })).ingestDocument;
    const dry = await ingest(A, true);
    assert.equal(dry.status, "DRY_RUN");
    assert.equal(dry.document, null, "a dry run of a new document has no document");
    assert.deepEqual(dry.changes.find((c: any) => c.kind === "events"), { kind: "events", added: 1, changed: 0, removed: 0 });
    assert.equal((await read(`{ document(slug: "${A}") { slug } }`)).document, null, "nothing written");
    const real = await ingest(A);
    assert.equal(real.status, "INGESTED");
    assert.deepEqual(real.changes, dry.changes);
    assert.equal((await ingest(A)).status, "UNCHANGED");
    const b = await ingest(B);
    assert.deepEqual(b.warnings.map((w: any) => [w.path, w.line]), [["people[0].name", 9]]);
    assert.match(b.warnings[0].message, /document "a-herald-lab-opening"/);
    await ingest(C);
    await ingest(D);

    const d = await read(`{ event(slug: "${EVENT}") { date { iso } conflicts { property values shown }
      claims(property: DATE) { totalCount nodes { value written date { iso precision } document { slug } passage { paragraph text } curator } } }
      person(slug: "lena-ortiz") { conflicts { property values shown } claims(property: NAME) { nodes { value document { slug } } } } }`);
    assert.deepEqual(d.event.conflicts, [{ property: "DATE", values: ["2024-03-04", "2024-03-05"], shown: "2024-03" }]);
    const dates = d.event.claims.nodes.map((c: any) => `${c.document.slug}: ${c.value} (${c.written}) ${c.date.precision}`).sort();
    assert.deepEqual(dates, [`${A}: 2024-03 (in March) MONTH`, `${B}: 2024-03-04 (on Monday) DAY`, `${C}: 2024-03-04 (March 4) DAY`, `${D}: 2024-03-05 (March 5) DAY`]);
    const byB = d.event.claims.nodes.find((c: any) => c.document.slug === B);
    assert.deepEqual(byB.passage, { paragraph: 1, text: "The tidal laboratory of the Riverside Institute opened on Monday in Harbor City." });
    assert.equal(byB.curator, null);
    assert.deepEqual(d.person.conflicts, [{ property: "NAME", values: ["Dr. Lena Ortiz", "Lena Ortiz"], shown: "Lena Ortiz" }]);
    assert.deepEqual(d.person.claims.nodes.map((c: any) => c.document.slug).sort(), [A, B]);

    const REMOVE = `mutation ($slug: String!, $dryRun: Boolean) { removeDocument(slug: $slug, dryRun: $dryRun) { slug status changes { kind removed } dateChanges { event from to } } }`;
    const anonymous = await send(REMOVE, { slug: D });
    assert.equal(anonymous.body.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
    const unknown = await send(REMOVE, { slug: "no-such-document" }, { token: true });
    assert.equal(unknown.body.errors?.[0]?.extensions?.code, "NOT_FOUND");
    const dryRemove = (await send(REMOVE, { slug: D, dryRun: true }, { token: true })).body.data.removeDocument;
    assert.equal(dryRemove.status, "DRY_RUN");
    const removal = (await send(REMOVE, { slug: D }, { token: true })).body.data.removeDocument;
    assert.equal(removal.status, "REMOVED");
    assert.deepEqual(removal.dateChanges, [{ event: EVENT, from: "2024-03", to: "2024-03-04" }]);
    assert.deepEqual(removal.changes, dryRemove.changes);
    assert.deepEqual((await read(`{ event(slug: "${EVENT}") { conflicts { property } } }`)).event.conflicts, []);
    for (const slug of [A, B, C]) await removed(prisma(), slug);
  });
});
