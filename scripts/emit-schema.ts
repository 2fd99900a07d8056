/** Writes schema.graphql from the code (`npm run schema:emit`); a test fails when the file is stale. */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { printedSchema } from "../src/graphql/print.ts";
import { projectRoot } from "../src/paths.ts";

await writeFile(path.join(projectRoot, "schema.graphql"), await printedSchema());
console.log("wrote schema.graphql");
