/**
 * Merging people and organizations keeps every piece of evidence (event links, quotes, mentions,
 * affiliations) on the kept row, and the merged row's names as aliases; the merged row is gone.
 * A row cannot be merged with itself.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { writeToken } from "./helpers/writes.ts";

const token = writeToken();
let t: TestApp;
before(async () => {
  t = await startTestApp("pglite", { env: token.env });
});
after(async () => t?.close());

const sorted = (items: string[]) => [...items].sort();

const PERSON = `name aliases roles events(first: 100) { nodes { slug } } quotes(first: 100) { totalCount }
  mentions(first: 100) { totalCount } organizations { nodes { role organization { slug } } }`;
const ORGANIZATION = `name aliases events(first: 100) { nodes { slug } } mentions(first: 100) { totalCount } people { nodes { role person { slug } } }`;
const slugs = (connection: { nodes: { slug: string }[] }) => connection.nodes.map((n) => n.slug);
const affiliations = (p: any) => sorted(p.organizations.nodes.map((n: any) => `${n.organization.slug}:${n.role}`));

describe("mergePeople", () => {
  test("quotes, events, mentions and affiliations move to the kept person, names become aliases", async () => {
    const { xi, hu } = await t.data(`{ xi: person(slug: "xi-jinping") { ${PERSON} } hu: person(slug: "hu-chenghuan") { ${PERSON} } }`);
    assert.ok(xi.quotes.totalCount > 0 && xi.mentions.totalCount > 0 && xi.organizations.nodes.length > 0, "the seed gives Xi evidence of every kind");
    const res = await t.send(`mutation { mergePeople(keep: "hu-chenghuan", merge: "xi-jinping") { ${PERSON} } }`, undefined, token.bearer);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    const kept = res.body.data.mergePeople;
    assert.equal(kept.name, "Hu Chenghuan");
    assert.deepEqual(kept.aliases, [...hu.aliases, "Xi Jinping", ...xi.aliases]);
    assert.deepEqual(sorted(kept.roles), sorted([...new Set([...hu.roles, ...xi.roles])]));
    assert.deepEqual(sorted(slugs(kept.events)), sorted([...new Set([...slugs(hu.events), ...slugs(xi.events)])]));
    assert.equal(kept.quotes.totalCount, hu.quotes.totalCount + xi.quotes.totalCount);
    assert.equal(kept.mentions.totalCount, hu.mentions.totalCount + xi.mentions.totalCount);
    assert.deepEqual(affiliations(kept), sorted([...affiliations(hu), ...affiliations(xi)]));

    const after = await t.data(`{ person(slug: "xi-jinping") { name } quote(slug: "xi-space-station-milestone") { speaker { slug } } }`);
    assert.equal(after.person, null, "the merged person is gone");
    assert.equal(after.quote.speaker.slug, "hu-chenghuan");
  });

  test("merging a person with itself is refused before any SQL", async () => {
    const res = await t.send(`mutation { mergePeople(keep: "hu-chenghuan", merge: "hu-chenghuan") { name } }`, undefined, token.bearer);
    assert.equal(res.statements, 0);
    assert.equal(res.body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.equal(res.body.errors?.[0]?.extensions?.field, "merge");
  });

  test("an unknown slug is NOT_FOUND, naming which", async () => {
    const res = await t.send(`mutation { mergePeople(keep: "nobody", merge: "hu-chenghuan") { name } }`, undefined, token.bearer);
    assert.deepEqual(res.body.errors?.[0]?.extensions, { code: "NOT_FOUND", field: "keep" });
    assert.ok(await t.data(`{ person(slug: "hu-chenghuan") { name } }`).then((d: any) => d.person));
  });
});

describe("mergeOrganizations", () => {
  test("events, members and mentions move; a member of both keeps the kept organization's role", async () => {
    const { ustb, cmc } = await t.data(`{ ustb: organization(slug: "ustb") { ${ORGANIZATION} } cmc: organization(slug: "central-military-commission") { ${ORGANIZATION} } }`);
    const members = (o: any) => o.people.nodes.map((n: any) => `${n.person.slug}:${n.role}`);
    assert.deepEqual(members(ustb), ["hu-chenghuan:professor"]);
    assert.deepEqual(members(cmc), ["hu-chenghuan:chairman"], "after the people merge, Hu is in both");
    const res = await t.send(`mutation { mergeOrganizations(keep: "ustb", merge: "central-military-commission") { ${ORGANIZATION} } }`, undefined, token.bearer);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    const kept = res.body.data.mergeOrganizations;
    assert.deepEqual(kept.aliases, ["USTB", "Central Military Commission"]);
    assert.deepEqual(members(kept), ["hu-chenghuan:professor"]);
    assert.deepEqual(sorted(slugs(kept.events)), sorted([...new Set([...slugs(ustb.events), ...slugs(cmc.events)])]));
    assert.equal(kept.mentions.totalCount, ustb.mentions.totalCount + cmc.mentions.totalCount);
    assert.equal((await t.data(`{ organization(slug: "central-military-commission") { name } }`)).organization, null);
    assert.equal(await t.app.db.prisma.affiliation.count({ where: { organization: { slug: "central-military-commission" } } }), 0);
  });

  test("merging an organization with itself is refused", async () => {
    const res = await t.send(`mutation { mergeOrganizations(keep: "ustb", merge: "ustb") { name } }`, undefined, token.bearer);
    assert.equal(res.body.errors?.[0]?.extensions?.field, "merge");
    assert.equal(res.statements, 0);
  });
});
