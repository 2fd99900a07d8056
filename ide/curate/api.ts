/**
 * The workbench's calls to the service: GraphQL over HTTP with the curator's API token, which the
 * browser keeps for this session only (sessionStorage), never in a cookie or on disk.
 */
import type { ChangeCount, DateChange } from "../../src/claims/changes.ts";

const TOKEN_KEY = "themegraph.curate.token";

export const token = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (value: string) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** A GraphQL error, with its code (UNAUTHENTICATED, BAD_USER_INPUT, TIME_LIMIT_EXCEEDED...). */
export class ApiError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

/**
 * The log position of this page's last write (`x-write-lsn`): sent back with every later request, so
 * that behind replicas the curator reads what they just wrote (README, "Beyond one machine").
 */
let lastWrite: string | null = null;

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const bearer = token.get();
  const response = await fetch("/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json;q=0.9",
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(lastWrite ? { "x-read-after-lsn": lastWrite } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  lastWrite = response.headers.get("x-write-lsn") ?? lastWrite;
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: { message: string; path?: string[]; extensions?: { code?: string; fields?: { field: string; message: string }[] } }[] } | null;
  if (!body) throw new ApiError(`the service answered ${response.status} without JSON`);
  if (body.errors?.length) {
    const first = body.errors[0]!;
    const fields = first.extensions?.fields?.map((f) => `${f.field}: ${f.message}`).join("; ");
    throw new ApiError(fields ? `${first.message} (${fields})` : first.message, first.extensions?.code);
  }
  return body.data as T;
}

export interface Problem {
  path: string;
  line: number | null;
  message: string;
}
// The service's own shapes (type-only: nothing of src/ is bundled).
export type { ChangeCount, DateChange } from "../../src/claims/changes.ts";
export interface IngestAnswer {
  status: "DRY_RUN" | "INGESTED" | "UNCHANGED" | null;
  problems: Problem[];
  warnings: Problem[];
  changes: ChangeCount[];
  dateChanges: DateChange[];
  document: { slug: string } | null;
}

const CHANGES = "changes { kind added changed removed } dateChanges { event from to }";

export const checkToken = async (): Promise<string> => (await gql<{ curator: string }>("query CheckToken { curator }")).curator;

export async function draftOf(text: string, publishedOn: string | null): Promise<string> {
  const q = "mutation Draft($text: String!, $publishedOn: String) { extractDraft(text: $text, publishedOn: $publishedOn) }";
  return (await gql<{ extractDraft: string }>(q, { text, publishedOn })).extractDraft;
}

export async function ingest(annotation: string, text: string, dryRun: boolean): Promise<IngestAnswer> {
  const q = `mutation Ingest($annotation: String!, $text: String!, $dryRun: Boolean!) {
    ingestDocument(annotation: $annotation, text: $text, dryRun: $dryRun) {
      status problems { path line message } warnings { path line message } ${CHANGES} document { slug } } }`;
  return (await gql<{ ingestDocument: IngestAnswer }>(q, { annotation, text, dryRun })).ingestDocument;
}

export interface RemoveAnswer {
  status: string;
  changes: ChangeCount[];
  dateChanges: DateChange[];
}

export async function removeDocument(slug: string, dryRun: boolean): Promise<RemoveAnswer> {
  const q = `mutation Remove($slug: String!, $dryRun: Boolean!) { removeDocument(slug: $slug, dryRun: $dryRun) { status ${CHANGES} } }`;
  return (await gql<{ removeDocument: RemoveAnswer }>(q, { slug, dryRun })).removeDocument;
}

/** Something a field can point at: its slug, and words to recognise it by. */
export interface Option {
  slug: string;
  label: string;
}

/** Events in the graph whose words match (full-text search: whole words). */
export async function findEvents(words: string): Promise<Option[]> {
  const q = `query FindEvents($q: String!) { search(query: $q, types: [Event], first: 8) { nodes { item { ... on Event { slug title date { iso } } } } } }`;
  const data = await gql<{ search: { nodes: { item: { slug: string; title: string; date: { iso: string } } }[] } }>(q, { q: words });
  return data.search.nodes.map(({ item }) => ({ slug: item.slug, label: `${item.title} (${item.date.iso})` }));
}

/** People and organizations whose name or an alias starts with the words, then whose words match. */
export async function findSpeakers(words: string): Promise<Option[]> {
  const q = `query FindSpeakers($q: String!) {
    people(first: 6, filter: { namePrefix: $q }) { nodes { slug name } }
    organizations(first: 6, filter: { namePrefix: $q }) { nodes { slug name } } }`;
  const data = await gql<{ people: { nodes: { slug: string; name: string }[] }; organizations: { nodes: { slug: string; name: string }[] } }>(q, { q: words });
  return [...data.people.nodes.map((p) => ({ slug: p.slug, label: `${p.name} (person)` })), ...data.organizations.nodes.map((o) => ({ slug: o.slug, label: `${o.name} (organization)` }))];
}

export interface DocumentSummary {
  slug: string;
  title: string;
  publishedOn: string;
  sourceName: string | null;
  claims: { totalCount: number };
}

export async function listDocuments(after: string | null): Promise<{ nodes: DocumentSummary[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }> {
  const q = `query Documents($after: String) { documents(first: 20, after: $after) {
    pageInfo { hasNextPage endCursor } nodes { slug title publishedOn sourceName claims { totalCount } } } }`;
  return (await gql<{ documents: Awaited<ReturnType<typeof listDocuments>> }>(q, { after })).documents;
}

export interface ClaimSummary {
  subject: string;
  slug: string;
  property: string;
  value: string;
}

export async function claimsOf(slug: string, after: string | null): Promise<{ nodes: ClaimSummary[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }> {
  const q = `query Claims($slug: String!, $after: String) { document(slug: $slug) { claims(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor } nodes { subject slug property value } } } }`;
  const data = await gql<{ document: { claims: Awaited<ReturnType<typeof claimsOf>> } | null }>(q, { slug, after });
  if (!data.document) throw new ApiError(`no document has slug "${slug}" any more`);
  return data.document.claims;
}

/** The files a document was ingested from: its text (with its date line) and its annotation. */
export async function sourceOf(slug: string): Promise<{ text: string; annotation: string | null }> {
  const q = `query Source($slug: String!) { document(slug: $slug) { publishedOn text annotation } }`;
  const data = await gql<{ document: { publishedOn: string; text: string; annotation: string | null } | null }>(q, { slug });
  if (!data.document) throw new ApiError(`no document has slug "${slug}" any more`);
  return { text: `date ${data.document.publishedOn}\n\n${data.document.text}`, annotation: data.document.annotation };
}
