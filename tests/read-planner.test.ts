/**
 * The planner (src/read/) against plain resolvers: three services on ONE PostgreSQL database (so
 * ids and cursors are the same rows): the planner with graphql-jit, and the resolvers alone
 * (READ_PLANNER=false) under graphql-jit and under graphql-js. Every example operation and a set of
 * shapes covering each field the catalogue declares (aliases, fragments, directives, pages forward
 * and backward, filters, missing slugs, refused arguments) must get the same answer from all three,
 * byte for byte after JSON parsing; and each operation the planner takes is one statement.
 */
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { ingestFile } from "../src/ingest/ingest.ts";
import { logger } from "../src/log.ts";
import { projectRoot } from "../src/paths.ts";
import { startTestApp, type GqlResponse, type TestApp } from "./helpers/app.ts";
import { createThrowawayDatabase, skipWithoutPostgres, type ThrowawayDatabase } from "./helpers/postgres.ts";
import { waitUntil } from "./helpers/wait.ts";

const skip = await skipWithoutPostgres();
let db: ThrowawayDatabase, planner: TestApp, jit: TestApp, graphqlJs: TestApp;

before(async () => {
  if (skip) return;
  db = await createThrowawayDatabase();
  // The whole bundled corpus (the seed and the Lumen reports), then every fixture.
  planner = await startTestApp("postgresql", { env: { DATABASE_URL: db.url, CORPUS: path.join(projectRoot, "corpus") } });
  for (const folder of ["fixtures/claims", "fixtures/speakers", "fixtures", "fixtures/devset/barrier", "fixtures/devset/consortium"]) {
    const dir = path.join(projectRoot, "tests", folder);
    for (const file of (await readdir(dir)).filter((f) => f.endsWith(".yaml")).sort()) {
      const result = await ingestFile(planner.app.db.prisma, path.join(dir, file));
      assert.ok(result.ok, `${file}: ${JSON.stringify(!result.ok && result.problems)}`);
    }
  }
  const resolvers = { DATABASE_URL: db.url, SEED: "false", READ_PLANNER: "false" };
  [jit, graphqlJs] = await Promise.all([startTestApp("postgresql", { env: resolvers }), startTestApp("postgresql", { env: { ...resolvers, GRAPHQL_JIT: "false" } })]);
});
after(async () => {
  await Promise.all([planner?.close(), jit?.close(), graphqlJs?.close()]);
  await db?.drop();
});

const PAGE = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { __typename } }";
const DATE = "date { iso precision year month day start end }";

/** Operations and the statements the planner sends for them (undefined: the resolvers answer). */
const OPERATIONS: Record<string, { query: string; variables?: Record<string, unknown>; statements?: number }> = {
  "theme, events, quotes, speakers": {
    query: `query($slug: String!) { theme(slug: $slug) { __typename id slug name description aliases keywords
      events(first: 3) { ${PAGE} nodes { id slug title summary kind place ${DATE}
        people { nodes { id slug name aliases roles } } organizations(first: 2) { ${PAGE} nodes { slug name aliases } }
        themes { totalCount nodes { slug } } quotes(first: 2) { nodes { slug text kind utterance ${DATE} speaker { slug } speakerOrganization { slug } } } } } } }`,
    variables: { slug: "space" },
    statements: 1,
  },
  "every root list with its pages": {
    query: `{ themes(first: 2) { ${PAGE} } events(first: 2, orderBy: EARLIEST_FIRST) { ${PAGE} } people(first: 2) { ${PAGE} }
      organizations(first: 2) { ${PAGE} } quotes(first: 2, orderBy: DOCUMENT_ORDER) { ${PAGE} } documents(first: 2) { ${PAGE} } }`,
    statements: 1,
  },
  "aliases, fragments, directives and __typename": {
    query: `query($yes: Boolean = true, $no: Boolean = false) { __typename
      a: theme(slug: "space") { ...T b: name c: events(first: 1) { nodes { slug } } d: events(first: 2, orderBy: EARLIEST_FIRST) { nodes { ...E } } }
      none: theme(slug: "no-such-theme") { name }
      people(first: 3) { nodes { ... on Person { slug } ... on Node { id } name @include(if: $yes) roles @skip(if: $yes) aliases @include(if: $no) } } }
      fragment T on Theme { __typename slug events(first: 1) { nodes { title } } }
      fragment E on Event { slug ... on Event { title __typename } }`,
    statements: 1,
  },
  "pages backward, filters": {
    query: `{ last: events(last: 2) { ${PAGE} } quotes(filter: { kind: DIRECT, from: "2021" }, first: 3) { ${PAGE} nodes { slug } }
      found: events(filter: { theme: "space", from: "2020", to: "2023-06" }) { totalCount nodes { slug } }
      named: people(filter: { namePrefix: "x" }) { totalCount nodes { slug } } orgs: organizations(filter: { namePrefix: "c" }, last: 1) { ${PAGE} } }`,
    statements: 1,
  },
  "people and organizations with their lists": {
    query: `{ person(slug: "xi-jinping") { slug events(first: 2) { nodes { slug } } quotes(first: 2) { ${PAGE} nodes { slug event { slug } themes { nodes { slug } } } }
        organizations { nodes { role organization { slug } } } mentions(first: 2) { ${PAGE} nodes { paragraph start end document { slug publishedOn } } }
        coSpeakers { totalCount nodes { sharedEvents person { slug } } } }
      organization(slug: "harbor-port-authority") { slug quotes { nodes { slug speaker { slug } speakerOrganization { slug name } } } people { nodes { role person { slug } } }
        events { nodes { slug } } mentions { totalCount } relatedOrganizations { nodes { sharedEvents organization { slug } } } } }`,
    statements: 1,
  },
  "quotes with their versions, evidence and documents": {
    query: `{ quote(slug: "calder-bridge-promise-courier") { slug utterance evidence { paragraph start end document { slug title sourceName url dateline language publishedOn derivedFromSlug derivedFrom { slug } } }
        versions { ${PAGE} nodes { slug evidence { document { slug } } } } }
      event(slug: "2025-04-northgate-lanes-reopen") { evidence { ${PAGE} nodes { paragraph start end } } quotes(orderBy: LATEST_FIRST) { nodes { slug } } }
      documents { nodes { slug title publishedOn } } }`,
    statements: 1,
  },
  "related themes": {
    query: `{ theme(slug: "space") { relatedThemes(first: 3) { ${PAGE} nodes { sharedEvents theme { slug name } } } } }`,
    statements: 1,
  },
  "a document's text": { query: `{ document(slug: "a-herald-lab-opening") { slug text } }`, statements: 1 },
  "aggregates: timelines and source counts": {
    query: `{ theme(slug: "space") { y: timeline { __typename period precision start count } m: timeline(granularity: MONTH) { period precision start count }
        d: timeline(granularity: YEAR, count: DOCUMENTS) { period count } dm: timeline(granularity: MONTH, count: DOCUMENTS) { period start count } }
      events(first: 30) { nodes { slug sources { __typename documents independent } } } }`,
    statements: 1,
  },
  "search, with every kind of item": {
    query: `query($q: String!) { search(query: $q, first: 30) { ${PAGE} nodes { rank snippet item { __typename ... on Node { id }
        ... on Event { slug date { iso } } ... on Quote { slug speaker { slug } } ... on Person { name } ... on Organization { name } ... on Theme { name } ... on Document { title } } } }
      one: search(query: "bridge", types: [Quote, Document], first: 2) { totalCount nodes { rank item { ... on Quote { slug } ... on Document { slug } } } } }`,
    variables: { q: "space station" },
  },
  "one search": {
    query: `{ search(query: "bridge", types: [Quote, Document, Person], last: 3) { ${PAGE} nodes { rank snippet item { __typename ... on Quote { slug } ... on Document { slug } ... on Person { slug } } } } }`,
    statements: 1,
  },
  "bad search": { query: `{ search(query: "  ") { totalCount } }` },
  "fields that need JavaScript, run on what the statement fetched": {
    query: `{ quotes(first: 3) { nodes { slug evidence { text document { slug } } } } document(slug: "a-herald-lab-opening") { paragraphs(first: 2) { number start end text } }
      event(slug: "2024-03-riverside-lab-opening") { title evidence(first: 2) { nodes { text } } } }`,
    statements: 2,
  },
  "claims and conflicts": {
    query: `{ event(slug: "2024-03-riverside-lab-opening") { slug date { iso } claims { totalCount nodes { id property value date { iso precision } written role
        document { slug } passage { paragraph start end text } curator reason denied } } conflicts { property values shown } }
      person(slug: "lena-ortiz") { claims(property: NAME) { ${PAGE} nodes { value } } conflicts { property values shown } }
      organization(slug: "riverside-institute") { conflicts { property } claims(first: 1) { nodes { property } } }
      theme(slug: "coastal-science") { conflicts { property values shown } claims { totalCount } } }`,
    statements: 2, // the planner's, then the documents whose text the passages cite
  },
  "a document's claims and annotation": {
    query: `{ document(slug: "a-herald-lab-opening") { annotation claims(first: 5, subject: EVENT) { ${PAGE} nodes { subject slug property value document { slug } } }
        people: claims(subject: PERSON, property: NAME, last: 2) { totalCount nodes { slug value } } } }`,
    statements: 1,
  },
  "a refused argument": { query: `{ quotes(first: 500) { totalCount } }` },
  "a cursor of another list": { query: `{ theme(slug: "space") { events(after: "WyJuYW1lIiwiYSIsImIiXQ") { totalCount } } }` },
};

/** What must be the same: data, and each error's path and code (messages' locations differ between executors). */
const comparable = (r: GqlResponse<unknown>) => ({
  status: r.status,
  data: r.body.data ?? null,
  errors: r.body.errors?.map((e: any) => [e.path, e.extensions?.code]),
});

async function askAll(query: string, variables?: Record<string, unknown>) {
  const [p, j, g] = await Promise.all([planner.gql(query, variables), jit.gql(query, variables), graphqlJs.gql(query, variables)]);
  return { p, j, g };
}

test("the planner answers as the resolvers do, under graphql-jit and graphql-js", { skip }, async () => {
  const examples = path.join(projectRoot, "examples", "queries");
  const operations = { ...OPERATIONS };
  for (const file of await readdir(examples)) operations[file] = { query: await readFile(path.join(examples, file), "utf8") };
  for (const [name, { query, variables, statements }] of Object.entries(operations)) {
    const { p, j, g } = await askAll(query, variables);
    assert.deepEqual(comparable(p), comparable(j), `${name}: planner and resolvers (graphql-jit)`);
    assert.deepEqual(comparable(g), comparable(j), `${name}: graphql-js and graphql-jit`);
    if (statements !== undefined) {
      assert.equal(p.body.errors, undefined, `${name}: ${JSON.stringify(p.body.errors)}`);
      assert.equal(p.statements, statements, `${name}: statements`);
    }
  }
});

test("Query.node finds every kind of node by the global ids the planner writes, and null for others", { skip }, async () => {
  const ids = (await planner.gql(`{ themes(first: 1) { nodes { id } } events(first: 1) { nodes { id } } people(first: 1) { nodes { id } }
    organizations(first: 1) { nodes { id } } quotes(first: 1) { nodes { id } } documents(first: 1) { nodes { id } } }`)).body.data as any;
  const all = Object.values(ids).map((list: any) => list.nodes[0].id as string);
  all.push(Buffer.from("Theme:no-such-row").toString("base64url"), Buffer.from("Paragraph:1").toString("base64url"), "not-an-id");
  for (const id of all) {
    const query = `query($id: ID!) { node(id: $id) { __typename id ... on Theme { slug } ... on Event { title } ... on Person { name } ... on Organization { name }
      ... on Quote { text speaker { slug } } ... on Document { title } } }`;
    const { p, j, g } = await askAll(query, { id });
    assert.deepEqual(comparable(p), comparable(j), id);
    assert.deepEqual(comparable(g), comparable(j), id);
    assert.equal(p.statements, 1, id);
  }
});

test("cursors the planner writes page on, forward and backward, as the resolvers' do", { skip }, async () => {
  const page = (args: string) => `{ events(${args}) { ${PAGE} nodes { slug } } quotes(${args.replace("first", "first").replace("last", "last")}, orderBy: EARLIEST_FIRST) { ${PAGE} } }`;
  const first = await askAll(page("first: 3"));
  const { events, quotes } = first.p.body.data as any;
  assert.ok(events.pageInfo.hasNextPage && quotes.pageInfo.hasNextPage);
  for (const args of [`first: 3, after: "${events.pageInfo.endCursor}"`, `last: 2, before: "${events.pageInfo.endCursor}"`]) {
    const { p, j } = await askAll(`{ events(${args}) { ${PAGE} nodes { slug } } }`);
    assert.deepEqual(comparable(p), comparable(j), args);
  }
  const { p, j } = await askAll(`{ quotes(first: 2, after: "${quotes.pageInfo.endCursor}", orderBy: EARLIEST_FIRST) { ${PAGE} } }`);
  assert.deepEqual(comparable(p), comparable(j));
});

test("what the planner does not take is answered by the resolvers, and the debug log says why", { skip }, async () => {
  const level = logger.level;
  const write = process.stderr.write;
  let log = "";
  logger.level = "debug";
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    log += chunk.toString();
    return write.call(process.stderr, chunk, ...rest);
  }) as typeof process.stderr.write;
  try {
    const twice = await planner.gql(`{ a: search(query: "bridge") { totalCount } b: search(query: "lab") { totalCount } }`);
    assert.equal(twice.body.errors, undefined);
    const refused = await planner.gql(`{ quotes(first: 500) { totalCount } }`);
    assert.equal(refused.body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    // Debug lines are written in batches (log.ts): wait for the second.
    await waitUntil("the second debug line", () => log.split("answered by the resolvers").length > 2);
  } finally {
    process.stderr.write = write;
    logger.level = level;
  }
  const lines = log.split("\n").filter((line) => line.includes("answered by the resolvers")).map((line) => JSON.parse(line));
  assert.deepEqual(lines.map((l) => l.reason), ["an operation with two searches", "an argument is refused: first must be between 0 and 100, got 500"]);
});
