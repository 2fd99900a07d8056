/** The schema as committed in schema.graphql: SDL with a header saying where it comes from. */
import { lexicographicSortSchema, printSchema } from "graphql";
import { buildAppSchema } from "../schema.ts";

const HEADER = "# Generated from the code by `npm run schema:emit`. Do not edit: a test fails when it is stale.\n\n";

export async function printedSchema(): Promise<string> {
  return HEADER + printSchema(lexicographicSortSchema(await buildAppSchema())) + "\n";
}
