/**
 * GraphQL Code Generator (client preset): typed documents for the example client, from the
 * committed schema.graphql and the example operations (examples/queries/, which the IDE and the
 * README show too, so generating types also checks them against the schema).
 *
 * `npm run codegen` writes examples/client/gql/ (committed); `npm run codegen:check` regenerates
 * into a temporary folder (CODEGEN_OUT) and fails when the committed output differs.
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

const out = process.env.CODEGEN_OUT ?? "examples/client/gql/";

const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["examples/queries/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        // Each document carries its SHA-256 hash (`__meta__.hash`), and persisted-documents.json maps
        // hashes to the exact text hashed: what automatic persisted queries need.
        persistedDocuments: { mode: "embedHashInDocument", hashAlgorithm: "sha256" },
      },
      config: {
        documentMode: "string",
        useTypeImports: true,
        enumsAsTypes: true,
        importExtension: ".ts",
        scalars: { LocalDate: "string" },
      },
    },
  },
};

export default config;
