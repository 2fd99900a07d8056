/**
 * The documents in the graph, newest first: each with its claims (what removing it takes back),
 * to download its annotation, open it for correction (ingesting it again replaces its claims),
 * or remove it after a dry run shows what goes.
 */
import { claimsOf, listDocuments, removeDocument, sourceOf, type DocumentSummary } from "./api.ts";
import { renderChanges } from "./outcome-view.ts";

export interface DocumentActions {
  /** Opens a stored document in the workbench (text and annotation). */
  open(slug: string, text: string, annotation: string | null): void;
  download(name: string, content: string): void;
  report(message: string, isError?: boolean): void;
}

const button = (text: string, onclick: () => void) => Object.assign(document.createElement("button"), { type: "button", textContent: text, onclick });

function row(doc: DocumentSummary, actions: DocumentActions, refresh: () => void): HTMLElement {
  const li = document.createElement("li");
  li.className = "document";
  li.dataset.slug = doc.slug;
  const title = Object.assign(document.createElement("div"), { className: "doc-title" });
  title.append(Object.assign(document.createElement("b"), { textContent: doc.title }), ` · ${doc.slug} · ${doc.publishedOn}${doc.sourceName ? ` · ${doc.sourceName}` : ""} · ${doc.claims.totalCount} claims`);
  const detail = Object.assign(document.createElement("div"), { className: "doc-detail" });
  const fail = (e: Error) => actions.report(e.message, true);

  const showClaims = async (after: string | null = null) => {
    const page = await claimsOf(doc.slug, after);
    const ul = detail.querySelector("ul.claims") ?? detail.appendChild(Object.assign(document.createElement("ul"), { className: "claims" }));
    if (!after) ul.replaceChildren();
    for (const c of page.nodes) ul.append(Object.assign(document.createElement("li"), { textContent: `${c.subject.toLowerCase()} ${c.slug} · ${c.property.toLowerCase()}${c.value ? ` = ${c.value}` : ""}` }));
    detail.querySelector(".more-claims")?.remove();
    if (page.pageInfo.hasNextPage) detail.append(Object.assign(button("More claims", () => void showClaims(page.pageInfo.endCursor).catch(fail)), { className: "more-claims" }));
  };
  const confirmRemoval = async () => {
    const preview = await removeDocument(doc.slug, true);
    const box = Object.assign(document.createElement("div"), { className: "removal" });
    renderChanges(box, `Removing ${doc.slug} would change:`, preview);
    box.append(button("Remove for good", () => void removeDocument(doc.slug, false).then(() => {
      actions.report(`Removed ${doc.slug}.`);
      refresh();
    }, fail)), button("Keep it", () => box.remove()));
    detail.querySelector(".removal")?.remove();
    detail.append(box);
  };
  const actionsBar = Object.assign(document.createElement("div"), { className: "doc-actions" });
  actionsBar.append(
    button("Claims", () => void showClaims().catch(fail)),
    button("Download annotation", () => void sourceOf(doc.slug).then((s) => {
      if (!s.annotation) throw new Error(`${doc.slug} was ingested before annotations were kept: there is none to download`);
      actions.download(`${doc.slug}.yaml`, s.annotation);
      actions.download(`${doc.slug}.txt`, s.text);
    }).catch(fail)),
    button("Correct and replace", () => void sourceOf(doc.slug).then((s) => actions.open(doc.slug, s.text, s.annotation)).catch(fail)),
    button("Remove…", () => void confirmRemoval().catch(fail)),
  );
  li.append(title, actionsBar, detail);
  return li;
}

export async function renderDocuments(container: HTMLElement, actions: DocumentActions): Promise<void> {
  const refresh = () => void renderDocuments(container, actions).catch((e: Error) => actions.report(e.message, true));
  const ul = Object.assign(document.createElement("ul"), { className: "documents" });
  const more = button("More documents", () => void load());
  let cursor: string | null = null;
  const load = async () => {
    const page = await listDocuments(cursor);
    ul.append(...page.nodes.map((d) => row(d, actions, refresh)));
    cursor = page.pageInfo.endCursor;
    more.hidden = !page.pageInfo.hasNextPage;
  };
  container.replaceChildren(ul, more);
  await load();
}
