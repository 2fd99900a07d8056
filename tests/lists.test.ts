/**
 * The list API on the seed graph: cursor walks, filters on partial dates, search, aggregates, and
 * the SQL budget of the deep query.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { useTestApp } from "./helpers/app.ts";
import { walkPages } from "./helpers/pages.ts";

const app = useTestApp("pglite");
const data = (query: string, variables?: Record<string, unknown>) => app.t.data(query, variables);

async function errorOf(query: string): Promise<any> {
  const res = await app.t.gql(query);
  assert.equal(res.statements, 0, "a refused request sends no SQL");
  return res.body.errors?.[0];
}

describe("cursor pagination", () => {
  const QUOTES = `query ($first: Int, $after: String, $last: Int, $before: String) {
    quotes(first: $first, after: $after, last: $last, before: $before) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { slug date { start } } } } }`;

  test("walking forward page by page visits every quote once, in a stable order with ties", async () => {
    const all = (await data(QUOTES, { first: 100 })).quotes;
    assert.equal(all.totalCount, all.edges.length);
    assert.ok(all.edges.length >= 15);
    const dates = all.edges.map((e: any) => e.node.date.start);
    assert.deepEqual(dates, [...dates].sort().reverse(), "latest first");
    assert.ok(new Set(dates).size < dates.length, "the seed has quotes with equal dates (ties)");
    const { nodes: walked, pages } = await walkPages(async (after) => {
      const page = (await data(QUOTES, { first: 4, after })).quotes;
      assert.equal(page.pageInfo.hasPreviousPage, after !== null);
      return { nodes: page.edges.map((e: any) => e.node.slug), pageInfo: page.pageInfo };
    });
    assert.deepEqual(walked, all.edges.map((e: any) => e.node.slug), "no duplicates, no gaps");
    assert.equal(pages, Math.ceil(all.edges.length / 4));
  });

  test("walking backward with last/before gives the same list", async () => {
    const all = (await data(QUOTES, { first: 100 })).quotes.edges.map((e: any) => e.node.slug);
    const { nodes: walked } = await walkPages(async (before) => {
      const page = (await data(QUOTES, { last: 5, before })).quotes;
      return { nodes: page.edges.map((e: any) => e.node.slug), pageInfo: page.pageInfo };
    }, { backward: true });
    assert.deepEqual(walked, all);
  });

  test("without first or last, a list gives its first 20 items, and the 20 before a cursor with before alone", async () => {
    // The seed has fewer than 21 of everything: 25 more themes for this test, taken out after it.
    const prisma = app.t.app.db.prisma;
    const extra = Array.from({ length: 25 }, (_, i) => ({ slug: `page-size-${String(i).padStart(2, "0")}`, name: `Page size ${i}` }));
    await prisma.theme.createMany({ data: extra });
    try {
      const all = (await data(`{ themes(first: 100) { totalCount edges { cursor node { slug } } } }`)).themes;
      assert.ok(all.totalCount >= 26, `${all.totalCount} themes`);
      const slugs = all.edges.map((e: any) => e.node.slug);
      const page = (await data(`{ themes { nodes { slug } pageInfo { hasNextPage } } }`)).themes;
      assert.deepEqual(page.nodes.map((n: any) => n.slug), slugs.slice(0, 20));
      assert.equal(page.pageInfo.hasNextPage, true);
      const before = (await data(`query ($before: String) { themes(before: $before) { nodes { slug } } }`, { before: all.edges.at(-1).cursor })).themes;
      assert.deepEqual(before.nodes.map((n: any) => n.slug), slugs.slice(-21, -1));
    } finally {
      await prisma.theme.deleteMany({ where: { slug: { in: extra.map((e) => e.slug) } } });
    }
  });

  test("nested lists page the same way (events of a theme)", async () => {
    const q = `query ($after: String) { theme(slug: "space") { events(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { slug } } } }`;
    const { nodes } = await walkPages(async (after) => {
      const events = (await data(q, { after })).theme.events;
      assert.equal(events.totalCount, 5);
      return events;
    });
    const slugs = nodes.map((n: any) => n.slug);
    assert.equal(slugs.length, 5);
    assert.equal(new Set(slugs).size, 5);
  });

  test("a list under each parent follows each request's own variables, also when requests overlap", async () => {
    const q = `query ($n: Int) { events(first: 10) { nodes { slug quotes(first: $n) { totalCount nodes { slug } } } } }`;
    const sizes = (events: any) => events.nodes.map((e: any) => e.quotes.nodes.length);
    const expected = (n: number, events: any) => events.nodes.map((e: any) => Math.min(n, e.quotes.totalCount));
    const [one, three, again] = await Promise.all([data(q, { n: 1 }), data(q, { n: 3 }), data(q, { n: 1 })]);
    assert.ok(three.events.nodes.some((e: any) => e.quotes.totalCount > 1), "some event has several quotes");
    assert.deepEqual(sizes(one.events), expected(1, one.events));
    assert.deepEqual(sizes(three.events), expected(3, three.events));
    assert.deepEqual(again, one);
    // The same with the variable read only inside a fragment the list's items spread.
    const viaFragment = `query ($n: Int) { events(first: 10) { nodes { ...Said } } } fragment Said on Event { slug quotes(first: $n) { totalCount nodes { slug } } }`;
    const [fragmentOne, fragmentThree] = [await data(viaFragment, { n: 1 }), await data(viaFragment, { n: 3 })];
    assert.deepEqual(fragmentOne, one);
    assert.deepEqual(fragmentThree, three);
  });

  test("bad paging arguments are refused with the argument named, before any SQL", async () => {
    assert.deepEqual(await errorOf(`{ themes(first: 101) { nodes { slug } } }`), {
      message: "first must be between 0 and 100, got 101", locations: [{ line: 1, column: 3 }], path: ["themes"],
      extensions: { code: "BAD_USER_INPUT", argument: "first" },
    });
    assert.equal((await errorOf(`{ themes(first: 2, last: 2) { nodes { slug } } }`)).message, "pass either first or last, not both");
    assert.equal((await errorOf(`{ themes(after: "bm9wZQ") { nodes { slug } } }`)).message, "after is not a cursor of this list");
    const eventCursor = (await data(`{ events(first: 1) { pageInfo { endCursor } } }`)).events.pageInfo.endCursor;
    assert.equal((await errorOf(`{ themes(after: "${eventCursor}") { nodes { slug } } }`)).extensions.argument, "after", "a cursor of another list");
  });
});

describe("filters", () => {
  const events = async (filter: string, orderBy = "EARLIEST_FIRST") =>
    (await data(`{ events(first: 100, orderBy: ${orderBy}, filter: ${filter}) { nodes { date { iso } } } }`)).events.nodes.map((n: any) => n.date.iso);

  test("date ranges overlap partial dates at month and year boundaries", async () => {
    assert.deepEqual(await events(`{ from: "2021-02", to: "2021-02" }`), ["2021-02-22"]);
    assert.deepEqual(await events(`{ from: "2023-02-28" }`), ["2023-02", "2023-04-12"], "the month 2023-02 ends on the 28th");
    assert.deepEqual(await events(`{ from: "2023-03-01" }`), ["2023-04-12"]);
    assert.deepEqual(await events(`{ from: "2004-06", to: "2004-06" }`), ["2004"], "a year-only event overlaps each of its months");
    assert.deepEqual(await events(`{ to: "2004" }`), ["1970-04-24", "2004"]);
    assert.deepEqual(await events(`{ from: "2020-12-31", to: "2020-12-31" }`), ["2020"]);
  });

  test("events by theme, person, organization, place and kind-free text", async () => {
    assert.deepEqual(await events(`{ theme: "basic-research" }`), ["2022-04-21", "2023-02"]);
    assert.deepEqual(await events(`{ person: "hu-chenghuan" }`), ["2022-04-21"]);
    assert.deepEqual(await events(`{ organization: "siasun" }`), ["2022-08"]);
    assert.deepEqual(await events(`{ place: "guangdong" }`), ["2023-04-12"]);
    assert.deepEqual(await events(`{ person: "xi-jinping", from: "2022" }`), ["2022-04-21", "2022-08", "2023-02", "2023-04-12"]);
  });

  test("quotes by speaker, theme, event, kind and date", async () => {
    const quotes = async (filter: string) =>
      (await data(`{ quotes(first: 100, filter: ${filter}) { totalCount nodes { kind } } }`)).quotes;
    assert.equal((await quotes(`{ kind: DIRECT }`)).totalCount, 4);
    assert.equal((await quotes(`{ kind: DIRECT, from: "2023" }`)).totalCount, 2);
    assert.equal((await quotes(`{ event: "2021-02-22-xi-meets-change-5-mission-representatives" }`)).totalCount, 2);
    assert.equal((await quotes(`{ speaker: "hu-chenghuan" }`)).totalCount, 0);
    assert.ok((await quotes(`{ theme: "space", speaker: "xi-jinping" }`)).nodes.length >= 2);
  });

  test("people and organizations by name or alias prefix, ignoring case", async () => {
    const d = await data(`{ a: people(filter: { namePrefix: "ni" }) { nodes { slug } } b: organizations(filter: { namePrefix: "ustb" }) { nodes { slug } } c: people(filter: { namePrefix: "%" }) { nodes { slug } } }`);
    assert.deepEqual(d.a.nodes, [{ slug: "nie-haisheng" }]);
    assert.deepEqual(d.b.nodes, [{ slug: "ustb" }]);
    assert.deepEqual(d.c.nodes, [], "% is matched literally");
  });

  test("a malformed date in a filter names the field", async () => {
    const error = await errorOf(`{ events(filter: { from: "2023-13" }) { nodes { slug } } }`);
    assert.equal(error.message, 'filter.from must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got "2023-13"');
    assert.equal(error.extensions.code, "BAD_USER_INPUT");
  });
});

describe("search", () => {
  test("ranked hits of every kind, best first, with marked snippets", async () => {
    const hits = (await data(`{ search(query: "Shenzhou crew", first: 10) { totalCount nodes { rank snippet item { __typename ... on Event { slug } } } } }`)).search;
    const ranks = hits.nodes.map((n: any) => n.rank);
    assert.deepEqual(ranks, [...ranks].sort((a, b) => b - a));
    const event = hits.nodes.find((n: any) => n.item.__typename === "Event");
    assert.equal(event.item.slug, "2021-06-23-xi-video-call-shenzhou-12-crew");
    assert.match(event.snippet, /<mark>Shenzhou<\/mark>/);
  });

  test("types narrow the search; aliases are searched", async () => {
    const d = await data(`{ search(query: "USTB", types: [Organization, Person]) { nodes { item { __typename ... on Organization { slug } } } } }`);
    assert.deepEqual(d.search.nodes, [{ item: { __typename: "Organization", slug: "ustb" } }]);
  });

  test("a document's snippet marks a match far into its text, with the words around it", async () => {
    // "technician" appears once, ~6,400 characters into the seed article: the snippet is cut around it.
    const d = await data(`{ search(query: "technicians", types: [Document]) { nodes { snippet } } }`);
    assert.equal(d.search.nodes.length, 1);
    assert.match(d.search.nodes[0].snippet, /speak with a <mark>technician<\/mark> who was testing/);
  });

  test("a phrase whose first word appears earlier alone still gets a marked snippet", async () => {
    // "space" appears alone long before "space station" in the seed article.
    const d = await data(`{ search(query: "\\"space station\\"", types: [Document]) { nodes { snippet } } }`);
    assert.equal(d.search.nodes.length, 1);
    assert.match(d.search.nodes[0].snippet, /<mark>space<\/mark> <mark>station<\/mark>/);
  });

  test("an empty query is refused", async () => {
    assert.equal((await errorOf(`{ search(query: "  ") { nodes { rank } } }`)).message, "query must not be empty");
  });
});

describe("aggregates", () => {
  test("timeline by year and by month (year-only events keep their year)", async () => {
    const d = await data(`{ theme(slug: "space") { y: timeline { period count } m: timeline(granularity: MONTH) { period precision count } } }`);
    assert.deepEqual(d.theme.y, [{ period: "1970", count: 1 }, { period: "2004", count: 1 }, { period: "2020", count: 1 }, { period: "2021", count: 2 }]);
    assert.deepEqual(d.theme.m.map((b: any) => `${b.period}:${b.precision}:${b.count}`), ["1970-04:MONTH:1", "2004:YEAR:1", "2020:YEAR:1", "2021-02:MONTH:1", "2021-06:MONTH:1"]);
  });

  test("related themes count shared events (hand-counted on the seed)", async () => {
    const d = await data(`{ theme(slug: "basic-research") { relatedThemes { nodes { theme { slug } sharedEvents } } } }`);
    assert.deepEqual(d.theme.relatedThemes.nodes, [
      { theme: { slug: "talent" }, sharedEvents: 2 },
      { theme: { slug: "innovation" }, sharedEvents: 1 },
    ]);
  });

  test("co-speakers and related organizations (the seed quotes only Xi; its events name one organization each)", async () => {
    const d = await data(`{ person(slug: "xi-jinping") { coSpeakers { totalCount } } organization(slug: "ustb") { relatedOrganizations { totalCount } } }`);
    assert.deepEqual(d, { person: { coSpeakers: { totalCount: 0 } }, organization: { relatedOrganizations: { totalCount: 0 } } });
  });
});

test("the deep query sends the same few statements for page sizes 5 and 50", async () => {
  const deep = (n: number) => `{ theme(slug: "space") { name events(first: ${n}) { nodes { slug title date { iso }
    people(first: ${n}) { nodes { slug name } } organizations(first: ${n}) { nodes { slug name } }
    quotes(first: 5) { nodes { text kind speaker { slug name } } } } } } }`;
  const five = await app.t.gql(deep(5));
  const fifty = await app.t.gql(deep(50));
  assert.equal(fifty.body.errors, undefined);
  assert.equal(five.statements, fifty.statements);
  assert.ok(fifty.statements <= 4, `deep query sent ${fifty.statements} statements`);
  assert.equal(fifty.statements, 1, "the planner's one statement (src/read/plan.ts)");
});
