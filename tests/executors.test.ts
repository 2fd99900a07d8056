/**
 * GRAPHQL_JIT=false runs the resolvers with graphql-js instead of graphql-jit (src/read/execute.ts).
 * Both must answer alike: the resolvers (and the pass that calls them directly,
 * src/graphql/direct-resolvers.ts) serve both executors, and they differ in how they read
 * properties and wait for promises. The example operations and a few more shapes are asked of both.
 */
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { projectRoot } from "../src/paths.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";

let jit: TestApp, graphqlJs: TestApp;
before(async () => {
  // The planner off: every field runs its resolver, which is what the two executors differ in.
  [jit, graphqlJs] = await Promise.all([startTestApp("pglite", { env: { READ_PLANNER: "false" } }), startTestApp("pglite", { env: { READ_PLANNER: "false", GRAPHQL_JIT: "false" } })]);
});
after(async () => Promise.all([jit?.close(), graphqlJs?.close()]));

const OTHERS = {
  // Ids and cursors hold row ids, which differ between the two databases: not asked.
  "pages and counts": `{ quotes(first: 3) { totalCount pageInfo { hasNextPage hasPreviousPage }
    edges { node { slug text kind date { iso precision year month day start end } evidence { start end paragraph } } } } }`,
  "people and organizations under events, through a fragment": `{ events(first: 4) { nodes { ...Who themes { totalCount nodes { slug } } } } }
    fragment Who on Event { slug people { nodes { slug name roles organizations { nodes { role organization { slug aliases } } } } }
      organizations { totalCount nodes { slug name } } }`,
  "aggregates": `{ theme(slug: "space") { relatedThemes { nodes { sharedEvents theme { slug } } } timeline(granularity: YEAR) { period count } }
    person(slug: "xi-jinping") { coSpeakers { totalCount } quotes(first: 2) { nodes { slug event { slug } } } } }`,
  "a bad argument, reported on its field": `{ quotes(first: 500) { totalCount } }`,
};

test("graphql-jit and graphql-js give the same answers", async () => {
  const examples = path.join(projectRoot, "examples", "queries");
  const operations: Record<string, string> = { ...OTHERS };
  for (const file of await readdir(examples)) operations[file] = await readFile(path.join(examples, file), "utf8");
  for (const [name, query] of Object.entries(operations)) {
    const [a, b] = await Promise.all([jit.gql(query), graphqlJs.gql(query)]);
    assert.equal(a.status, b.status, name);
    if (name.startsWith("a bad argument")) {
      assert.equal(a.body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT", JSON.stringify(a.body));
    } else {
      assert.equal(a.body.errors, undefined, `${name}: ${JSON.stringify(a.body.errors)}`);
    }
    // Error objects differ in what each executor adds (locations of merged fields); compare data and codes.
    assert.deepEqual(JSON.parse(JSON.stringify(b.body.data ?? null)), JSON.parse(JSON.stringify(a.body.data ?? null)), name);
    assert.deepEqual(b.body.errors?.map((e: any) => [e.path, e.extensions?.code]), a.body.errors?.map((e: any) => [e.path, e.extensions?.code]), name);
  }
});
