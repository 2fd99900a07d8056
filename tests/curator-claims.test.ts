/**
 * Curators correct with claims of their own, through the API: a date settled over conflicting
 * reports and retracted again, an alias denied, a theme deleted (documents ingested later do not
 * bring it back, createTheme does), a merge that documents ingested later follow. PGlite and PostgreSQL.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { ingestFile, removeDocumentBySlug } from "../src/ingest/ingest.ts";
import { projectRoot } from "../src/paths.ts";
import { onEachBackend } from "./helpers/backends.ts";
import { dumpGraph } from "./helpers/dump.ts";

const DIR = path.join(projectRoot, "tests", "fixtures", "claims");
const DOCS = ["a-herald-lab-opening", "b-valley-post-lab", "c-wire-lab", "d-weekly-survey"];
const EVENT = "2024-03-riverside-lab-opening";
const ADD = `mutation ($input: ClaimInput!, $dryRun: Boolean) { addClaim(input: $input, dryRun: $dryRun) { id changes { kind added changed removed } dateChanges { event from to } } }`;
const RETRACT = `mutation ($id: ID!) { retractClaim(id: $id) { dateChanges { event from to } } }`;

onEachBackend("curator claims", ({ prisma, write: as, send }) => {
  /** The data alone: unlike the suite's `read`, GraphQL errors do not fail the test. */
  const read = async (query: string) => (await send(query)).body.data;
  const ingestAll = async () => {
    for (const slug of DOCS) assert.ok((await ingestFile(prisma(), path.join(DIR, `${slug}.yaml`))).ok);
  };
  const removeAll = async () => {
    for (const slug of DOCS) await removeDocumentBySlug(prisma(), slug);
  };

  test("a curator settles a conflicting date, with a reason the API shows; retracting it brings back what the documents say", async () => {
    await ingestAll();
    assert.deepEqual((await read(`{ event(slug: "${EVENT}") { date { iso } } }`)).event.date, { iso: "2024-03" });
    const input = { subject: "EVENT", slug: EVENT, property: "DATE", value: "2024-03-04", reason: "The institute's own notice gives Monday 4 March." };
    const dry = (await as(ADD, { input, dryRun: true })).addClaim;
    assert.equal(dry.id, null);
    assert.deepEqual((await read(`{ event(slug: "${EVENT}") { date { iso } } }`)).event.date, { iso: "2024-03" }, "a dry run writes nothing");
    const added = (await as(ADD, { input })).addClaim;
    assert.deepEqual(added.dateChanges, [{ event: EVENT, from: "2024-03", to: "2024-03-04" }]);
    assert.deepEqual(added.changes, dry.changes);
    const d = (await read(`{ event(slug: "${EVENT}") { date { iso } conflicts { property } claims(property: DATE) { nodes { id value curator reason document { slug } } } } }`)).event;
    assert.deepEqual(d.date, { iso: "2024-03-04" });
    assert.deepEqual(d.conflicts, [{ property: "DATE" }], "the documents still disagree; the curator's claim settles what is shown");
    const curated = d.claims.nodes.find((c: any) => c.document === null);
    assert.equal(curated.reason, input.reason);
    assert.match(curated.curator, /^token [0-9a-f]{8}$/);
    assert.equal(curated.id, added.id);

    const documentClaim = d.claims.nodes.find((c: any) => c.document !== null);
    const refused = await send(RETRACT, { id: documentClaim.id }, { token: true });
    assert.equal(refused.body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.match(refused.body.errors[0].message, /is a claim of document/);
    const retracted = (await as(RETRACT, { id: added.id })).retractClaim;
    assert.deepEqual(retracted.dateChanges, [{ event: EVENT, from: "2024-03-04", to: "2024-03" }]);
    await removeAll();
  });

  test("bad claims are refused before any SQL, every field named", async () => {
    const res = await send(ADD, { input: { subject: "THEME", slug: "Not A Slug", property: "DATE", value: "2023-02-30", reason: " " } }, { token: true });
    assert.equal(res.statements, 0);
    const fields = res.body.errors?.[0]?.extensions?.problems.map((p: any) => p.field);
    assert.deepEqual(fields, ["input.slug", "input.property", "input.value", "input.reason"]);
    const anonymous = await send(ADD, { input: { subject: "EVENT", slug: EVENT, property: "DATE", value: "2024", reason: "x" } });
    assert.equal(anonymous.body.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
  });

  test("an alias denied stays out when its document is ingested again; a deleted theme stays deleted until created again", async () => {
    await ingestAll();
    const graph = await dumpGraph(prisma());
    const denial = (await as(ADD, { input: { subject: "PERSON", slug: "lena-ortiz", property: "ALIAS", value: "Dr. Lena Ortiz", denied: true, reason: "A title, not a name." } })).addClaim;
    assert.deepEqual((await read(`{ person(slug: "lena-ortiz") { aliases } }`)).person.aliases, ["Ortiz"]);
    await removeDocumentBySlug(prisma(), "b-valley-post-lab");
    assert.ok((await ingestFile(prisma(), path.join(DIR, "b-valley-post-lab.yaml"))).ok);
    assert.deepEqual((await read(`{ person(slug: "lena-ortiz") { aliases } }`)).person.aliases, ["Ortiz"], "the document's claim is back, the denial still stands");
    await as(RETRACT, { id: denial.id });
    assert.deepEqual(await dumpGraph(prisma()), graph, "retracting the denial restores the graph exactly");

    await as(`mutation { deleteTheme(slug: "coastal-science") }`);
    assert.equal((await read(`{ theme(slug: "coastal-science") { name } }`)).theme, null);
    await removeDocumentBySlug(prisma(), "a-herald-lab-opening");
    assert.ok((await ingestFile(prisma(), path.join(DIR, "a-herald-lab-opening.yaml"))).ok);
    const after = await read(`{ theme(slug: "coastal-science") { name } quote(slug: "ortiz-patient-money") { themes { nodes { slug } } } event(slug: "${EVENT}") { themes { nodes { slug } } } }`);
    assert.equal(after.theme, null, "a document naming the deleted theme does not bring it back");
    assert.deepEqual(after.quote.themes.nodes, []);
    assert.deepEqual(after.event.themes.nodes, []);
    await as(`mutation { createTheme(input: { slug: "coastal-science", name: "Coastal research" }) { slug } }`);
    const back = await read(`{ theme(slug: "coastal-science") { name description } event(slug: "${EVENT}") { themes { nodes { slug } } } }`);
    assert.deepEqual(back.theme, { name: "Coastal research", description: "Research on shores, tides and sediment." }, "the curator's name, the document's description");
    assert.deepEqual(back.event.themes.nodes, [{ slug: "coastal-science" }], "the documents' links are back");
    await removeAll();
  });

  test("a merge holds for documents ingested after it", async () => {
    await ingestAll();
    await as(`mutation { mergePeople(keep: "lena-ortiz", merge: "tomas-reyes") { slug } }`);
    assert.equal((await read(`{ person(slug: "tomas-reyes") { name } }`)).person, null);
    const text = await readFile(path.join(DIR, "b-valley-post-lab.yaml"), "utf8");
    assert.ok(text.includes("tomas-reyes"));
    await removeDocumentBySlug(prisma(), "b-valley-post-lab");
    assert.ok((await ingestFile(prisma(), path.join(DIR, "b-valley-post-lab.yaml"))).ok);
    const d = await read(`{ person(slug: "lena-ortiz") { name aliases quotes { nodes { slug } } } reyes: person(slug: "tomas-reyes") { name } }`);
    assert.equal(d.reyes, null, "the document names tomas-reyes, which now counts for lena-ortiz");
    assert.equal(d.person.name, "Lena Ortiz");
    assert.ok(d.person.aliases.includes("Tomas Reyes"));
    assert.ok(d.person.quotes.nodes.some((q: any) => q.slug === "reyes-city-lives-with-sea"));
    await removeAll();
    assert.equal((await read(`{ person(slug: "lena-ortiz") { name } }`)).person?.name, "Lena Ortiz", "the curator's name claim keeps the kept person");
  });
});
