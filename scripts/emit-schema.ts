/** Writes schema.graphql from the code (`npm run schema:emit`); a test fails when the file is stale. */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { printedSchema } from "../src/graphql/print.ts";
import { parseCli } from "../src/cli-args.ts";
import { projectRoot } from "../src/paths.ts";

parseCli({
  command: "npm run schema:emit --",
  summary: "Rewrites schema.graphql from the code (tests/schema-file.test.ts fails while it is stale); commit it.",
  examples: ["npm run schema:emit"],
});

await writeFile(path.join(projectRoot, "schema.graphql"), await printedSchema());
console.log("wrote schema.graphql");
