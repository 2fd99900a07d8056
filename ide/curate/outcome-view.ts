/**
 * What a write did or would do: rows added, changed and removed per kind, events whose date moves,
 * warnings; after an ingest, links to the new facts in the GraphQL IDE.
 */
import type { ChangeCount, DateChange, Problem } from "./api.ts";

function table(changes: ChangeCount[]): HTMLTableElement {
  const t = document.createElement("table");
  t.className = "changes";
  t.innerHTML = "<thead><tr><th>kind</th><th>added</th><th>changed</th><th>removed</th></tr></thead>";
  const body = t.createTBody();
  for (const c of changes) {
    const row = body.insertRow();
    for (const v of [c.kind, c.added, c.changed, c.removed]) row.insertCell().textContent = String(v);
  }
  return t;
}

function list(title: string, lines: string[], className: string): HTMLElement[] {
  if (!lines.length) return [];
  const h = document.createElement("h4");
  h.textContent = title;
  const ul = document.createElement("ul");
  ul.className = className;
  for (const line of lines) ul.append(Object.assign(document.createElement("li"), { textContent: line }));
  return [h, ul];
}

export function renderChanges(container: HTMLElement, heading: string, answer: { changes: ChangeCount[]; dateChanges: DateChange[]; warnings?: Problem[] }): void {
  const h = document.createElement("h3");
  h.textContent = heading;
  const dates = answer.dateChanges.map((d) => `${d.event}: ${d.from ?? "(new)"} → ${d.to ?? "(gone)"}`);
  const warnings = (answer.warnings ?? []).map((w) => `${w.path}: ${w.message}`);
  container.replaceChildren(h, answer.changes.length ? table(answer.changes) : Object.assign(document.createElement("p"), { textContent: "Nothing would change." }),
    ...list("Event dates", dates, "date-changes"), ...list("Warnings", warnings, "warnings"));
}

/** A link that opens the IDE with a query about one fact. */
export function factLink(text: string, query: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = `/graphql?query=${encodeURIComponent(query)}`;
  a.target = "_blank";
  a.rel = "noopener";
  a.textContent = text;
  return a;
}

export const EVENT_QUERY = (slug: string) =>
  `{\n  event(slug: ${JSON.stringify(slug)}) {\n    title\n    date { iso precision }\n    people { nodes { name } }\n    organizations { nodes { name } }\n    quotes { nodes { kind text speaker { name } } }\n    claims(property: DATE) { nodes { value written document { slug } } }\n  }\n}`;
export const QUOTE_QUERY = (slug: string) => `{\n  quote(slug: ${JSON.stringify(slug)}) {\n    kind\n    text\n    speaker { name }\n    speakerOrganization { name }\n    event { title }\n  }\n}`;
export const DOCUMENT_QUERY = (slug: string) => `{\n  document(slug: ${JSON.stringify(slug)}) {\n    title\n    publishedOn\n    claims { totalCount nodes { subject slug property value } }\n  }\n}`;
