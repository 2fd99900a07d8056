/**
 * Variables are coerced once per request (src/graphql/variables.ts): the cost limit and the executor
 * share the result for the same raw variables and operation, and never across requests or operations.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildSchema, Kind, parse, type OperationDefinitionNode } from "graphql";
import { coerceVariables } from "../src/graphql/variables.ts";

const schema = buildSchema(`type Query { page(first: Int): [String] }`);
const operation = (source: string) => parse(source).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;

test("one request's variables are coerced once, with graphql-js's defaults and errors", () => {
  const op = operation(`query ($n: Int = 5, $m: Int!) { page(first: $n) }`);
  const raw = { m: 3 };
  const first = coerceVariables(schema, op, raw);
  assert.deepEqual(first.coerced, { n: 5, m: 3 });
  assert.equal(coerceVariables(schema, op, raw), first, "the second caller gets the same result");

  const bad = coerceVariables(schema, op, { m: "three" });
  assert.match(bad.errors?.[0]?.message ?? "", /\$m.*Int cannot represent/);
});

test("another request (a new raw object) or another operation coerces anew", () => {
  const op = operation(`query ($n: Int) { page(first: $n) }`);
  const raw = { n: 1 };
  const first = coerceVariables(schema, op, raw);
  assert.notEqual(coerceVariables(schema, op, { n: 1 }), first);
  const other = operation(`query ($n: Int = 7, $k: Int = 2) { page(first: $k) }`);
  assert.deepEqual(coerceVariables(schema, other, raw).coerced, { n: 1, k: 2 });
  assert.deepEqual(coerceVariables(schema, op, undefined).coerced, {});
});
