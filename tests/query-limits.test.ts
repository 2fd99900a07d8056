/**
 * Hostile queries: each is refused before it executes (no SQL at all) with the code of the limit it
 * breaks, while the heaviest legitimate queries (the deep traversal, introspection) still run.
 * Limits are the defaults, except tokens: raised so that 1,000 aliases meet the alias limit rather
 * than the token limit first.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, getIntrospectionQuery, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { operationTally } from "../src/graphql/cost.ts";
import { projectRoot } from "../src/paths.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp("pglite", { env: { QUERY_MAX_TOKENS: "20000" } });
});
after(async () => t?.close());

/** The refusal of `query`: one error, no data, and not a single SQL statement sent. */
async function refusal(query: string, variables?: Record<string, unknown>) {
  const res = await t.gql(query, variables);
  assert.equal(res.statements, 0, "a refused query sends no SQL");
  assert.equal(res.body.data, undefined, "nothing executed");
  assert.equal(res.body.errors?.length, 1, JSON.stringify(res.body.errors));
  return res.body.errors[0]!;
}

const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(" ");

/** `levels` fragments, each spreading the next twice: 2^levels fields once expanded. */
const bomb = (levels: number) =>
  `{ theme(slug: "space") { ...G0 } } ${repeat(levels, (i) => `fragment G${i} on Theme { name ...G${i + 1} ...G${i + 1} }`)} fragment G${levels} on Theme { slug }`;

/** The service's schema, as committed (schema.graphql is checked against the code elsewhere). */
const schema = buildSchema(readFileSync(path.join(projectRoot, "schema.graphql"), "utf8"));

/** themes -> events -> themes -> … `levels` connections deep, one item each (cheap, only deep). */
function nested(levels: number): string {
  let inner = "slug";
  for (let i = levels - 1; i >= 0; i--) inner = `${i % 2 ? "events" : "themes"}(first: 1) { nodes { ${inner} } }`;
  return `{ ${inner} }`;
}

describe("refused before execution", () => {
  test("depth 50", async () => {
    const error = await refusal(nested(25));
    assert.equal(error.extensions?.code, "MAX_DEPTH_EXCEEDED");
    assert.equal(error.extensions?.max, 10);
    assert.match(error.message, /depth limit of 10 exceeded, found 51/);
  });

  test("1,000 aliases", async () => {
    const error = await refusal(`{ theme(slug: "space") { ${repeat(1000, (i) => `a${i}: name`)} } }`);
    assert.equal(error.extensions?.code, "MAX_ALIASES_EXCEEDED");
    assert.equal(error.extensions?.found, 1000);
  });

  test("a cost bomb of nested connections, with literal sizes, variables or the default size", async () => {
    const bomb = "themes(first: 100) { nodes { events(first: 100) { nodes { people(first: 100) { nodes { events(first: 100) { nodes { slug } } } } } } } }";
    const error = await refusal(`{ ${bomb} }`);
    assert.equal(error.extensions?.code, "MAX_COST_EXCEEDED");
    assert.ok((error.extensions?.found as number) > 100 ** 4, `cost ${error.extensions?.found}`);
    const viaVariables = await refusal(`query ($n: Int) { ${bomb.replaceAll("first: 100", "first: $n")} }`, { n: 100 });
    assert.equal(viaVariables.extensions?.code, "MAX_COST_EXCEEDED");
    const byDefault = await refusal(`{ ${bomb.replaceAll("(first: 100)", "")} }`);
    assert.equal(byDefault.extensions?.code, "MAX_COST_EXCEEDED", "no `first` means 20 each, not 1");
  });

  test("deeply nested fragments", async () => {
    const fragments = repeat(20, (i) => `fragment F${i} on Theme { events(first: 1) { nodes { themes(first: 1) { nodes { ...F${i + 1} } } } } }`);
    const error = await refusal(`{ themes(first: 1) { nodes { ...F0 } } } ${fragments} fragment F20 on Theme { slug }`);
    assert.equal(error.extensions?.code, "MAX_DEPTH_EXCEEDED");
  });

  test("too many root fields", async () => {
    const error = await refusal(`{ ${repeat(25, (i) => `t${i}: theme(slug: "space") { name }`)} }`);
    assert.equal(error.extensions?.code, "MAX_ROOT_FIELDS_EXCEEDED");
    assert.equal(error.extensions?.max, 20);
  });

  test("too many directives", async () => {
    const error = await refusal(`{ theme(slug: "space") { ${repeat(25, () => "name @include(if: true)")} } }`);
    assert.equal(error.extensions?.code, "MAX_DIRECTIVES_EXCEEDED");
  });

  test("too many tokens: parsing stops at the limit", async () => {
    const error = await refusal(`{ theme(slug: "space") { ${repeat(21_000, () => "name")} } }`);
    assert.equal(error.extensions?.code, "MAX_TOKENS_EXCEEDED");
    assert.match(error.message, /more than 20000 tokens/);
  });

  test("too many characters, even in a comment (comments are not tokens)", async () => {
    const error = await refusal(`{ __typename } # ${"x".repeat(60_000)}`);
    assert.equal(error.extensions?.code, "MAX_CHARACTERS_EXCEEDED");
  });

  // 20 levels (a million fields) are refused as surely as 60, and cost little even if a regression
  // expanded them: the next test, not this one, shows they are not.
  test("a few fragments spreading each other twice: a million fields once expanded", async () => {
    const error = await refusal(bomb(20));
    assert.equal(error.extensions?.code, "MAX_FIELDS_EXCEEDED");
    assert.ok((error.extensions?.found as number) > 2 ** 20);
  });

  test("… counted without expanding them: each fragment is looked up once, not once per spread", () => {
    const document = parse(bomb(60));
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const byName = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
    // A lookup per spread would be 2^60 of them: the count of work replaces a stopwatch, and stops such a walk early.
    let lookups = 0;
    const fragments = new Proxy(byName, {
      get(target, name) {
        if (++lookups > 2 * Object.keys(target).length) throw new Error(`fragments looked up ${lookups} times: the walk expands spreads`);
        return target[name as string];
      },
    });
    const tally = operationTally(schema, operation, fragments, {});
    assert.ok(tally && tally.fields > 2 ** 60, JSON.stringify(tally));
    assert.ok(lookups <= 61, `${lookups} lookups for 61 fragments`);
  });
});

describe("legitimate queries still run", () => {
  test("the deep traversal at page size 50", async () => {
    const res = await t.gql(`{ theme(slug: "space") { events(first: 50) { nodes { slug people(first: 50) { nodes { name } }
      organizations(first: 50) { nodes { name } } quotes(first: 5) { nodes { text speaker { name } } } } } } }`);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    assert.ok(res.body.data.theme.events.nodes.length > 0);
  });

  test("the IDE's introspection query", async () => {
    const res = await t.gql(getIntrospectionQuery({ descriptions: true, directiveIsRepeatable: true, specifiedByUrl: true }));
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    assert.equal(res.body.data.__schema.queryType.name, "Query");
  });
});
