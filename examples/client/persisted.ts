/**
 * Runs a generated document as an automatic persisted query: first by its SHA-256 hash alone, as a
 * GET that caches can key on, and with the full text (exactly the text that was hashed, from
 * persisted-documents.json) only when the server answers PERSISTED_QUERY_NOT_FOUND.
 */
import type { TypedDocumentString } from "./gql/graphql.ts";
import documents from "./gql/persisted-documents.json" with { type: "json" };

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface Result<T> {
  data: T;
  /** True when the server did not know the hash and the full document was sent. */
  registered: boolean;
}

const HEADERS = {
  accept: "application/graphql-response+json, application/json;q=0.9",
  // A GET needs a header a cross-site page cannot send: the server's CSRF prevention asks for it.
  "apollo-require-preflight": "true",
};

async function send<T>(request: Request): Promise<GraphQLResponse<T>> {
  const response = await fetch(request);
  const type = response.headers.get("content-type") ?? "";
  // With application/graphql-response+json even a 4xx carries a GraphQL response to read.
  if (!type.startsWith("application/graphql-response+json") && !response.ok) {
    throw new Error(`${request.method} ${request.url}: HTTP ${response.status}`);
  }
  return (await response.json()) as GraphQLResponse<T>;
}

export async function execute<TResult, TVariables>(
  endpoint: string,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<Result<TResult>> {
  const id: string | undefined = document.__meta__?.hash;
  const text = id && (documents as Record<string, string>)[id];
  if (!id || !text) throw new Error("document has no persisted hash: run `npm run codegen`");
  const extensions = { persistedQuery: { version: 1, sha256Hash: id.replace(/^sha256:/, "") } };

  const url = new URL(endpoint);
  url.searchParams.set("variables", JSON.stringify(variables));
  url.searchParams.set("extensions", JSON.stringify(extensions));
  let response = await send<TResult>(new Request(url, { headers: HEADERS }));
  const registered = response.errors?.some((e) => e.extensions?.code === "PERSISTED_QUERY_NOT_FOUND") ?? false;
  if (registered) {
    const body = JSON.stringify({ query: text, variables, extensions });
    response = await send<TResult>(new Request(endpoint, { method: "POST", headers: { ...HEADERS, "content-type": "application/json" }, body }));
  }
  if (response.errors?.length || response.data == null) {
    throw new Error(`GraphQL errors: ${response.errors?.map((e) => e.message).join("; ") ?? "no data"}`);
  }
  return { data: response.data, registered };
}
