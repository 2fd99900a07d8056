/**
 * `npm run codegen`: GraphQL Code Generator's client preset, run through @graphql-codegen/core:
 * typed documents for the example client, from the committed schema.graphql and the example
 * operations (examples/queries/, which the IDE and the README show too, so generating types also
 * checks them against the schema). Writes examples/client/gql/ (committed), or CODEGEN_OUT (a
 * folder ending in `/`; `npm run codegen:check` regenerates into a temporary one).
 *
 * Why not @graphql-codegen/cli: its loaders (URL, GitHub, Apollo Engine) and its task renderer
 * (listr2) need Node 22, and reading two local files needs none of them. This does what the CLI
 * does for one output with a preset: schema AST, documents, merged config, the preset's outputs.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { codegen } from "@graphql-codegen/core";
import { preset } from "@graphql-codegen/client-preset";
import { buildSchema, parse, print } from "graphql";
import { parseCli } from "../src/cli-args.ts";
import { projectRoot } from "../src/paths.ts";

parseCli({
  command: "npm run codegen --",
  summary: `Regenerates examples/client/gql/ (typed documents for the example client) from schema.graphql
and examples/queries/; fails when an operation does not fit the schema. Commit the result.`,
  env: { CODEGEN_OUT: "write into this folder instead (ending in /; npm run codegen:check uses a temporary one)" },
  examples: ["npm run codegen"],
});

const out = process.env.CODEGEN_OUT ?? path.join(projectRoot, "examples", "client", "gql") + path.sep;

/** Options of the client preset and of its plugins (what codegen.ts used to hold). */
const presetConfig = {
  fragmentMasking: false,
  // Each document carries its SHA-256 hash (`__meta__.hash`), and persisted-documents.json maps
  // hashes to the exact text hashed: what automatic persisted queries need.
  persistedDocuments: { mode: "embedHashInDocument", hashAlgorithm: "sha256" },
} as const;
const config = {
  documentMode: "string",
  useTypeImports: true,
  enumsAsTypes: true,
  importExtension: ".ts",
  scalars: { LocalDate: "string" },
  emitLegacyCommonJSImports: true, // the CLI's default
};

const schemaText = await readFile(path.join(projectRoot, "schema.graphql"), "utf8");
const schemaAst = buildSchema(schemaText);
const queries = path.join(projectRoot, "examples", "queries");
const names = (await readdir(queries)).filter((name) => name.endsWith(".graphql")).sort();
if (names.length === 0) throw new Error(`no operations in ${queries}`);
const documents = await Promise.all(names.map(async (name) => {
  const location = path.join(queries, name);
  const document = parse(await readFile(location, "utf8"));
  // The CLI's file loader hands over the printed document (no comments, one field a line), and
  // gql.ts keys its overloads by that text.
  return { location, rawSDL: print(document), document };
}));

const outputs = await preset.buildGeneratesSection({
  baseOutputDir: out,
  presetConfig,
  plugins: [],
  pluginMap: {},
  schema: parse(schemaText),
  schemaAst,
  documents,
  config,
  documentTransforms: [],
});
await mkdir(out, { recursive: true });
for (const output of outputs) {
  // codegen() validates the documents against the schema: an operation that does not fit fails here.
  const content = await codegen({ ...output, importExtension: ".ts", emitLegacyCommonJSImports: true });
  await writeFile(output.filename, content);
}
console.log(`wrote ${outputs.map((o) => path.relative(projectRoot, o.filename) || o.filename).join(", ")}`);
