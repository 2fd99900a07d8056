/**
 * SQL snapshots (as Grafast's `__tests__/queries/*.sql`): the statement the planner sends for each
 * example operation and each benchmark query, checked in under tests/sql/. A change to what the
 * planner writes shows in review as a diff of these files; `UPDATE_SQL_SNAPSHOTS=1 npm test` (or
 * the single file) rewrites them. Each operation is also asked of a running service, which must
 * answer it without errors in that one statement.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { getVariableValues, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { DEEP, LATEST_QUOTES } from "../bench/queries.ts";
import { projectRoot } from "../src/paths.ts";
import { catalogue } from "../src/read/index.ts";
import { planOperation } from "../src/read/plan.ts";
import { buildAppSchema } from "../src/schema.ts";
import { useTestApp } from "./helpers/app.ts";

const SNAPSHOTS = path.join(projectRoot, "tests", "sql");
const update = process.env.UPDATE_SQL_SNAPSHOTS === "1";
const app = useTestApp("pglite");

/** One clause per line, indented by nesting, so that a diff shows what changed. */
function layout(text: string): string {
  let depth = 0;
  let out = "";
  for (const part of text.replace(/\s+/g, " ").split(/(?=\(SELECT )|(?= FROM )|(?= WHERE )|(?= ORDER BY )/)) {
    out += `${out ? "\n" : ""}${"  ".repeat(depth)}${part.trim()}`;
    for (const c of part) depth += c === "(" ? 1 : c === ")" ? -1 : 0;
    depth = Math.max(depth, 0);
  }
  return `${out}\n`;
}

async function operations(): Promise<Record<string, { query: string; variables?: Record<string, unknown> }>> {
  const examples = path.join(projectRoot, "examples", "queries");
  const found: Record<string, { query: string; variables?: Record<string, unknown> }> = {
    "bench-deep": { query: DEEP, variables: { slug: "space" } },
    "bench-latest-quotes": { query: LATEST_QUOTES },
  };
  for (const file of (await readdir(examples)).filter((f) => f.endsWith(".graphql"))) found[file.replace(/\.graphql$/, "")] = { query: await readFile(path.join(examples, file), "utf8") };
  return found;
}

test("each example and benchmark operation is one planned statement, as checked in under tests/sql/", async () => {
  const schema = await buildAppSchema();
  await mkdir(SNAPSHOTS, { recursive: true });
  for (const [name, { query, variables }] of Object.entries(await operations())) {
    const document = parse(query);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
    assert.ok(coerced.coerced, name);
    const { sql } = planOperation({ schema, catalogue, fragments, variables: coerced.coerced }, operation);
    const values = sql.values.map((v, i) => `-- $${i + 1} = ${JSON.stringify(v)}\n`).join("");
    const snapshot = `-- ${name}: the statement the planner sends (tests/read-sql.test.ts)\n${values}${layout(sql.text)}`;
    const file = path.join(SNAPSHOTS, `${name}.sql`);
    if (update) await writeFile(file, snapshot);
    else if (!existsSync(file)) assert.fail(`${name}: no snapshot at tests/sql/${name}.sql (UPDATE_SQL_SNAPSHOTS=1 writes it)`);
    else assert.equal(snapshot, await readFile(file, "utf8"), `${name}: the planner's SQL changed (UPDATE_SQL_SNAPSHOTS=1 rewrites tests/sql/)`);

    const answer = await app.t.gql(query, variables);
    assert.equal(answer.body.errors, undefined, `${name}: ${JSON.stringify(answer.body.errors)}`);
    assert.equal(answer.statements, 1, `${name}: statements`);
  }
});
