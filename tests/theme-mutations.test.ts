/**
 * Theme writes: invalid inputs are refused with every bad field's path (before any SQL), slugs are
 * unique, unknown slugs are NOT_FOUND, and deleting a theme removes its links but not its events.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { send, writeToken, type Reply } from "./helpers/writes.ts";

const token = writeToken();
let t: TestApp;
before(async () => {
  t = await startTestApp("pglite", { env: token.env });
});
after(async () => t?.close());

const as = (query: string, variables?: Record<string, unknown>) => send(t.app.url, query, variables, token.bearer);
const CREATE = `mutation ($input: CreateThemeInput!) { createTheme(input: $input) { slug name description aliases keywords } }`;
const UPDATE = `mutation ($slug: String!, $input: UpdateThemeInput!) { updateTheme(slug: $slug, input: $input) { slug name description aliases } }`;

function problem(res: Reply) {
  const error = res.body.errors?.[0];
  assert.equal(error?.extensions?.code, "BAD_USER_INPUT", JSON.stringify(res.body));
  return error!.extensions!;
}

describe("validation", () => {
  test("each bad field is named by its path, all at once, before any SQL", async () => {
    const res = await as(CREATE, { input: { slug: "Not A Slug", name: "  ", description: "d".repeat(2001), aliases: ["ok", ""], keywords: Array(51).fill("k") } });
    assert.equal(res.statements, 0);
    const ext = problem(res);
    assert.equal(ext.field, "input.slug");
    assert.deepEqual(ext.problems.map((p: any) => p.field), ["input.slug", "input.name", "input.description", "input.aliases[1]", "input.keywords"]);
    assert.match(ext.problems[0].message, /kebab-case/);
    assert.match(ext.problems[2].message, /at most 2000 characters, got 2001/);
    assert.match(ext.problems[4].message, /at most 50 items, got 51/);
  });

  test("limits: slug 120, name 200, words 100", async () => {
    const fields = async (input: Record<string, unknown>) => problem(await as(CREATE, { input: { slug: "ok", name: "Ok", ...input } })).problems.map((p: any) => p.field);
    assert.deepEqual(await fields({ slug: "a".repeat(121) }), ["input.slug"]);
    assert.deepEqual(await fields({ slug: "double--hyphen" }), ["input.slug"]);
    assert.deepEqual(await fields({ name: "n".repeat(201) }), ["input.name"]);
    assert.deepEqual(await fields({ keywords: ["fine", "w".repeat(101)] }), ["input.keywords[1]"]);
  });

  test("an update may not null what a theme must have", async () => {
    const res = await as(UPDATE, { slug: "space", input: { name: null, slug: "Bad Slug" } });
    assert.deepEqual(problem(res).problems.map((p: any) => p.field), ["input.name", "input.slug"]);
    assert.equal(res.statements, 0);
  });

  test("a slug already taken is refused on input.slug, on create and on rename", async () => {
    assert.match(problem(await as(CREATE, { input: { slug: "space", name: "Again" } })).problems[0].message, /already exists/);
    assert.equal(problem(await as(UPDATE, { slug: "talent", input: { slug: "space" } })).field, "input.slug");
  });

  test("unknown slugs are NOT_FOUND, naming the argument", async () => {
    const update = await as(UPDATE, { slug: "no-such-theme", input: { name: "X" } });
    assert.deepEqual(update.body.errors?.[0]?.extensions, { code: "NOT_FOUND", field: "slug" });
    const tag = await as(`mutation { tagEvent(event: "no-such-event", theme: "space") { slug } }`);
    assert.deepEqual(tag.body.errors?.[0]?.extensions, { code: "NOT_FOUND", field: "event" });
    const del = await as(`mutation { deleteTheme(slug: "no-such-theme") }`);
    assert.equal(del.body.errors?.[0]?.extensions?.code, "NOT_FOUND");
  });
});

describe("writes", () => {
  test("create trims and deduplicates; update changes only what it names", async () => {
    const created = await as(CREATE, { input: { slug: "robotics", name: " Robotics ", aliases: ["Robots", "Robots ", "Automation"] } });
    assert.deepEqual(created.body.data?.createTheme, { slug: "robotics", name: "Robotics", description: null, aliases: ["Robots", "Automation"], keywords: [] });
    const updated = await as(UPDATE, { slug: "robotics", input: { slug: "robotics-and-automation", description: "Machines that work." } });
    assert.deepEqual(updated.body.data?.updateTheme, { slug: "robotics-and-automation", name: "Robotics", description: "Machines that work.", aliases: ["Robots", "Automation"] });
    const cleared = await as(UPDATE, { slug: "robotics-and-automation", input: { description: null } });
    assert.equal(cleared.body.data?.updateTheme.description, null);
  });

  test("deleting a theme removes its links to events and quotes, not the events or quotes", async () => {
    const before = (await send(t.app.url, `{ theme(slug: "space") { id events(first: 100) { nodes { slug } } } quotes(first: 100) { totalCount } events(first: 100) { totalCount } }`)).body.data;
    assert.ok(before.theme.events.nodes.length > 0);
    assert.ok((await t.app.db.prisma.quoteTheme.count({ where: { theme: { slug: "space" } } })) > 0, "quotes carry it too");
    const res = await as(`mutation { deleteTheme(slug: "space") }`);
    assert.equal(res.body.data?.deleteTheme, before.theme.id);
    const afterwards = (await send(t.app.url, `{ theme(slug: "space") { id } quotes(first: 100) { totalCount } events(first: 100) { totalCount }
      e: event(slug: "${before.theme.events.nodes[0].slug}") { themes { nodes { slug } } } }`)).body.data;
    assert.equal(afterwards.theme, null);
    assert.equal(afterwards.events.totalCount, before.events.totalCount);
    assert.equal(afterwards.quotes.totalCount, before.quotes.totalCount);
    assert.ok(!afterwards.e.themes.nodes.some((n: any) => n.slug === "space"));
    const themeId = Buffer.from(before.theme.id, "base64url").toString().split(":")[1];
    assert.equal(await t.app.db.prisma.eventTheme.count({ where: { themeId } }), 0);
    assert.equal(await t.app.db.prisma.quoteTheme.count({ where: { themeId } }), 0);
  });

  test("tagging twice is one link; untagging what is not there changes nothing", async () => {
    const tag = `mutation { tagEvent(event: "2004-change-program-established", theme: "talent") { themes { totalCount } } }`;
    const once = (await as(tag)).body.data?.tagEvent.themes.totalCount;
    assert.equal((await as(tag)).body.data?.tagEvent.themes.totalCount, once);
    const untag = `mutation { untagEvent(event: "2004-change-program-established", theme: "innovation") { themes { totalCount } } }`;
    assert.equal((await as(untag)).body.data?.untagEvent.themes.totalCount, once);
  });

  test("a write counts its Prisma statements and its answer's reads; reads after it count as before", async () => {
    const read = `{ event(slug: "2004-change-program-established") { themes(first: 5) { nodes { slug } } } }`;
    const readBefore = (await send(t.app.url, read)).statements;
    assert.equal(readBefore, 1, "the planner's one statement");
    // A curator's claim (claims/curate.ts), in one transaction: two lookups by slug, the claims'
    // insert, then the event and theme derived again (redirects, claims, documents, rows, links:
    // measured 15 with the answer's themes, a raw read); bounded, whatever the graph's size.
    const tag = await as(`mutation { tagEvent(event: "2004-change-program-established", theme: "innovation") { themes(first: 5) { nodes { slug } } } }`);
    assert.ok(tag.body.data?.tagEvent.themes.nodes.some((n: any) => n.slug === "innovation"), JSON.stringify(tag.body));
    assert.ok(tag.statements >= 5 && tag.statements <= 16, `${tag.statements} statements`);
    assert.equal((await send(t.app.url, read)).statements, readBefore);
  });
});
