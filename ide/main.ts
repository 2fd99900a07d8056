/**
 * The GraphQL IDE the service serves at GET /graphql (for browsers) and GET /: GraphiQL with the
 * example operations of examples/queries/ as its first tabs, and the service's schema (schema.graphql)
 * built in. Vite bundles it, Monaco's web workers included, into dist/ide/, so nothing loads from the
 * internet.
 */
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { GraphiQL } from "graphiql";
import { buildSchema } from "graphql";
import sdl from "../schema.graphql?raw";
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { examples } from "./examples.ts";

const endpoint = new URL("/graphql", location.origin).toString();

/** POSTs JSON (Apollo's CSRF prevention lets JSON POSTs through) and asks for the spec's media type. */
async function fetcher(params: unknown, options?: { headers?: Record<string, string> }) {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json;q=0.9",
      ...options?.headers,
    },
    body: JSON.stringify(params),
  });
  return response.json();
}

// A link such as /graphql?query={...} opens with that operation first.
const shared = new URLSearchParams(location.search).get("query");
const defaultTabs = [...(shared ? [{ query: shared }] : []), ...examples];

// The schema the service serves, committed as schema.graphql and bundled here: docs, completion and
// validation work where introspection is off (production) without opening it to everyone.
const schema = buildSchema(sdl);

createRoot(document.getElementById("graphiql")!).render(
  createElement(GraphiQL, { fetcher, defaultTabs, defaultEditorToolsVisibility: false, schema }),
);
