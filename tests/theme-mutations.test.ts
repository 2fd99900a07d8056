/**
 * Theme writes: invalid inputs are refused with every bad field's path (before any SQL), slugs are
 * unique, unknown slugs are NOT_FOUND, and deleting a theme removes its links but not its events.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { writeToken, type Reply } from "./helpers/writes.ts";

const token = writeToken();
let t: TestApp;
before(async () => {
  t = await startTestApp("pglite", { env: token.env });
});
after(async () => t?.close());

const CREATE = `mutation ($input: CreateThemeInput!) { createTheme(input: $input) { slug name description aliases keywords } }`;
const UPDATE = `mutation ($slug: String!, $input: UpdateThemeInput!) { updateTheme(slug: $slug, input: $input) { slug name description aliases } }`;

function problem(res: Reply) {
  const error = res.body.errors?.[0];
  assert.equal(error?.extensions?.code, "BAD_USER_INPUT", JSON.stringify(res.body));
  return error!.extensions!;
}

describe("validation", () => {
  test("each bad field is named by its path, all at once, before any SQL", async () => {
    const res = await t.send(CREATE, { input: { slug: "Not A Slug", name: "  ", description: "d".repeat(2001), aliases: ["ok", ""], keywords: Array(51).fill("k") } }, token.bearer);
    assert.equal(res.statements, 0);
    const ext = problem(res);
    assert.equal(ext.field, "input.slug");
    assert.deepEqual(ext.problems.map((p: any) => p.field), ["input.slug", "input.name", "input.description", "input.aliases[1]", "input.keywords"]);
    assert.match(ext.problems[0].message, /kebab-case/);
    assert.match(ext.problems[2].message, /at most 2000 characters, got 2001/);
    assert.match(ext.problems[4].message, /at most 50 items, got 51/);
  });

  test("limits: slug 120, name 200, words 100", async () => {
    const fields = async (input: Record<string, unknown>) => problem(await t.send(CREATE, { input: { slug: "ok", name: "Ok", ...input } }, token.bearer)).problems.map((p: any) => p.field);
    assert.deepEqual(await fields({ slug: "a".repeat(121) }), ["input.slug"]);
    assert.deepEqual(await fields({ slug: "double--hyphen" }), ["input.slug"]);
    assert.deepEqual(await fields({ name: "n".repeat(201) }), ["input.name"]);
    assert.deepEqual(await fields({ keywords: ["fine", "w".repeat(101)] }), ["input.keywords[1]"]);
  });

  test("an update may not null what a theme must have", async () => {
    const res = await t.send(UPDATE, { slug: "space", input: { name: null, slug: "Bad Slug" } }, token.bearer);
    assert.deepEqual(problem(res).problems.map((p: any) => p.field), ["input.name", "input.slug"]);
    assert.equal(res.statements, 0);
  });

  test("a slug already taken is refused on input.slug, on create and on rename", async () => {
    assert.match(problem(await t.send(CREATE, { input: { slug: "space", name: "Again" } }, token.bearer)).problems[0].message, /already exists/);
    assert.equal(problem(await t.send(UPDATE, { slug: "talent", input: { slug: "space" } }, token.bearer)).field, "input.slug");
  });

  test("unknown slugs are NOT_FOUND, naming the argument", async () => {
    const update = await t.send(UPDATE, { slug: "no-such-theme", input: { name: "X" } }, token.bearer);
    assert.deepEqual(update.body.errors?.[0]?.extensions, { code: "NOT_FOUND", field: "slug" });
    const tag = await t.send(`mutation { tagEvent(event: "no-such-event", theme: "space") { slug } }`, undefined, token.bearer);
    assert.deepEqual(tag.body.errors?.[0]?.extensions, { code: "NOT_FOUND", field: "event" });
    const del = await t.send(`mutation { deleteTheme(slug: "no-such-theme") }`, undefined, token.bearer);
    assert.equal(del.body.errors?.[0]?.extensions?.code, "NOT_FOUND");
  });
});

describe("writes", () => {
  test("create trims and deduplicates; update changes only what it names", async () => {
    const created = await t.send(CREATE, { input: { slug: "robotics", name: " Robotics ", aliases: ["Robots", "Robots ", "Automation"] } }, token.bearer);
    assert.deepEqual(created.body.data?.createTheme, { slug: "robotics", name: "Robotics", description: null, aliases: ["Robots", "Automation"], keywords: [] });
    const updated = await t.send(UPDATE, { slug: "robotics", input: { slug: "robotics-and-automation", description: "Machines that work." } }, token.bearer);
    assert.deepEqual(updated.body.data?.updateTheme, { slug: "robotics-and-automation", name: "Robotics", description: "Machines that work.", aliases: ["Robots", "Automation"] });
    const cleared = await t.send(UPDATE, { slug: "robotics-and-automation", input: { description: null } }, token.bearer);
    assert.equal(cleared.body.data?.updateTheme.description, null);
  });

  test("deleting a theme removes its links to events and quotes, not the events or quotes", async () => {
    const before = (await t.send(`{ theme(slug: "space") { id events(first: 100) { nodes { slug } } } quotes(first: 100) { totalCount } events(first: 100) { totalCount } }`)).body.data;
    assert.ok(before.theme.events.nodes.length > 0);
    assert.ok((await t.app.db.prisma.quoteTheme.count({ where: { theme: { slug: "space" } } })) > 0, "quotes carry it too");
    const res = await t.send(`mutation { deleteTheme(slug: "space") }`, undefined, token.bearer);
    assert.equal(res.body.data?.deleteTheme, before.theme.id);
    const afterwards = (await t.send(`{ theme(slug: "space") { id } quotes(first: 100) { totalCount } events(first: 100) { totalCount }
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
    const once = (await t.send(tag, undefined, token.bearer)).body.data?.tagEvent.themes.totalCount;
    assert.equal((await t.send(tag, undefined, token.bearer)).body.data?.tagEvent.themes.totalCount, once);
    const untag = `mutation { untagEvent(event: "2004-change-program-established", theme: "innovation") { themes { totalCount } } }`;
    assert.equal((await t.send(untag, undefined, token.bearer)).body.data?.untagEvent.themes.totalCount, once);
  });

  test("a write counts its Prisma statements and its answer's reads; reads after it count as before", async () => {
    const read = `{ event(slug: "2004-change-program-established") { themes(first: 5) { nodes { slug } } } }`;
    const readBefore = (await t.send(read)).statements;
    assert.equal(readBefore, 1, "the planner's one statement");
    // A curator's claim (claims/curate.ts), in one transaction: two lookups by slug, the claims'
    // insert, then the event and theme derived again (redirects, claims, documents, rows, links:
    // measured 15 with the answer's themes, a raw read); bounded, whatever the graph's size.
    const tag = await t.send(`mutation { tagEvent(event: "2004-change-program-established", theme: "innovation") { themes(first: 5) { nodes { slug } } } }`, undefined, token.bearer);
    assert.ok(tag.body.data?.tagEvent.themes.nodes.some((n: any) => n.slug === "innovation"), JSON.stringify(tag.body));
    assert.ok(tag.statements >= 5 && tag.statements <= 16, `${tag.statements} statements`);
    assert.equal((await t.send(read)).statements, readBefore);
  });
});
