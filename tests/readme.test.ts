/** The README's example query and answer are the example file and the service's real answer. */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { projectRoot } from "../src/paths.ts";
import { exampleBlock, readmeBlock } from "../scripts/readme-example.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp("pglite", { env: { CORPUS: path.join(projectRoot, "corpus") } });
});
after(async () => t?.close());

test("README.md shows examples/queries/theme-events-quotes.graphql and its current answer (else run `npm run readme:example`)", async () => {
  const readme = await readFile(path.join(projectRoot, "README.md"), "utf8");
  assert.equal(readmeBlock(readme), await exampleBlock(t.app.url));
});
