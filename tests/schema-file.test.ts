/** schema.graphql is the committed contract for clients: it must be what the code builds. */
import "reflect-metadata";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { printedSchema } from "../src/graphql/print.ts";
import { projectRoot } from "../src/paths.ts";

test("schema.graphql is up to date with the code (run `npm run schema:emit` after changing the API)", async () => {
  const committed = await readFile(path.join(projectRoot, "schema.graphql"), "utf8");
  assert.equal(committed, await printedSchema(), "schema.graphql is stale: run `npm run schema:emit` and commit it");
});

test("the schema offers the foundation's entry points and traversals", async () => {
  const sdl = await printedSchema();
  for (const field of ["theme(slug: String!): Theme", "themes(", "event(slug: String!): Event", "person(slug: String!): Person", "organization(slug: String!): Organization", "node(id: ID!): Node"]) {
    assert.ok(sdl.includes(field), `Query.${field} is missing`);
  }
  for (const type of ["Theme", "Event", "Person", "Organization", "Quote", "Document"]) {
    assert.match(sdl, new RegExp(`type ${type} implements Node`), `${type} implements Node`);
  }
});
