/**
 * The curator's workbench at /curate: paste or upload an article, get the extractor's draft over the
 * text, accept, edit or reject each proposal, link events to ones already in the graph, see
 * validation problems where they are, dry run, ingest; and manage the documents already in.
 * Everything goes through the public GraphQL API with the curator's token.
 */
import "./style.css";
import { ApiError, checkToken, draftOf, ingest, token, type IngestAnswer } from "./api.ts";
import { renderCards, showProblems } from "./cards.ts";
import { renderDocuments } from "./documents-view.ts";
import { buildAnnotation, itemAt, keyOf, newItem, readDraft, splitSource, type Draft, type Item, type ListName } from "./draft-model.ts";
import { DOCUMENT_QUERY, EVENT_QUERY, factLink, QUOTE_QUERY, renderChanges } from "./outcome-view.ts";
import { placeItems, renderText } from "./text-view.ts";

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

let draft: Draft | null = null;
/** The text file as it will be sent (with its date line, if it has one). */
let raw = "";
let selected: number | null = null;
/** Bumped by every edit: a validation answer for an older state is dropped. */
let revision = 0;
/** The revision the last clean dry run saw; ingest is offered only for it. */
let checkedRevision = -1;

function report(message: string, isError = false): void {
  const status = $("#status");
  status.textContent = message;
  status.classList.toggle("error", isError);
}
const failed = (e: unknown) => report(e instanceof ApiError && e.code === "UNAUTHENTICATED" ? `${e.message}: enter the token again` : (e as Error).message, true);

function download(name: string, content: string): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([content], { type: name.endsWith(".yaml") ? "application/yaml" : "text/plain" }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// --- the draft on screen ---------------------------------------------------------------------

const pending = () => draft?.items.filter((i) => i.verdict === "proposed").length ?? 0;

function summarize(): void {
  if (!draft) return;
  const count = (v: Item["verdict"]) => draft!.items.filter((i) => i.verdict === v).length;
  const problems = draft.items.filter((i) => i.problems.length).length;
  $("#summary").textContent = `${count("accepted")} accepted · ${count("proposed")} to review · ${count("rejected")} rejected${problems ? ` · ${problems} with problems` : ""}`;
  $<HTMLButtonElement>("#ingest").disabled = checkedRevision !== revision || pending() > 0 || problems > 0;
  $("#yaml").textContent = buildAnnotation(draft).yaml;
}

function select(id: number): void {
  selected = id;
  document.querySelectorAll(".card.selected").forEach((c) => c.classList.remove("selected"));
  const card = document.getElementById(`item-${id}`);
  card?.classList.add("selected");
  card?.scrollIntoView({ block: "nearest" });
  drawText();
}

function drawText(): void {
  if (!draft) return;
  const body = splitSource(raw).body;
  renderText($("#text"), body, placeItems(draft.items, body), selected, select);
}

function drawCards(): void {
  if (!draft) return;
  renderCards($("#cards"), draft, selected, { changed, select });
  drawDocumentFields();
}

function changed(_item: Item, structural: boolean): void {
  revision++;
  if (structural) drawCards();
  drawText();
  summarize();
  scheduleValidation();
}

/** The document section (slug, title, source...) above the items. */
function drawDocumentFields(): void {
  const box = $("#document-fields");
  const fields = ["slug", "title", "sourceName", "url", "dateline", "publishedOn", "derivedFrom"];
  box.replaceChildren(...fields.map((name) => {
    const input = Object.assign(document.createElement("input"), { name, value: String(draft!.document[name] ?? ""), id: `doc-${name}` });
    input.addEventListener("input", () => {
      if (input.value) draft!.document[name] = input.value;
      else delete draft!.document[name];
      changed({} as Item, false);
    });
    const label = Object.assign(document.createElement("label"), { className: "field", htmlFor: input.id });
    label.append(Object.assign(document.createElement("span"), { className: "field-name", textContent: name }), input);
    return label;
  }));
}

function show(next: Draft): void {
  draft = next;
  selected = null;
  revision++;
  $("#workspace").hidden = false;
  $("#outcome").replaceChildren();
  $("#set-aside").replaceChildren(...next.setAside.map((s) => Object.assign(document.createElement("li"), { textContent: s })));
  drawCards();
  drawText();
  summarize();
  void validate().catch(failed);
}

/** Adds what the draft missed, from the words selected in the article (or empty). */
function addItem(list: ListName): void {
  if (!draft) return;
  const selection = getSelection();
  const inText = selection && selection.rangeCount > 0 && $("#text").contains(selection.getRangeAt(0).commonAncestorContainer);
  const item = newItem(list, inText ? selection!.toString() : "");
  draft.items.push(item);
  selected = item.id;
  changed(item, true);
  document.getElementById(`item-${item.id}`)?.scrollIntoView({ block: "nearest" });
}

// --- validation: a dry run after each pause in editing -----------------------------------------

let timer: ReturnType<typeof setTimeout> | undefined;
function scheduleValidation(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void validate().catch(failed), 500);
}

/** Dry-runs the annotation as it stands and writes its problems onto the items and spans. */
async function validate(): Promise<IngestAnswer | null> {
  if (!draft) return null;
  const seen = revision;
  const { yaml, at } = buildAnnotation(draft);
  const answer = await ingest(yaml, raw, true);
  if (seen !== revision) return null;
  for (const item of draft.items) item.problems = [];
  const general: string[] = [];
  for (const p of answer.problems) {
    const item = itemAt(p.path, at);
    const field = p.path.replace(/^\w+\[\d+\]\.?/, "");
    if (item) item.problems.push(field ? `${field}: ${p.message}` : p.message);
    else general.push(`${p.path}: ${p.message}`);
  }
  $("#doc-problems").replaceChildren(...general.map((g) => Object.assign(document.createElement("li"), { textContent: g })));
  checkedRevision = answer.problems.length ? -1 : seen;
  showProblems($("#cards"), draft);
  drawText();
  summarize();
  return answer;
}

async function dryRun(): Promise<void> {
  clearTimeout(timer);
  const answer = await validate();
  if (!answer) return;
  if (answer.problems.length) return report(`${answer.problems.length} problem(s): each is shown at its item and in the text`, true);
  const outcome = $("#outcome");
  renderChanges(outcome, "A dry run: ingesting would change", answer);
  const refs = draft!.items.filter((i) => i.list === "events" && i.verdict !== "rejected" && i.data.ref).map((i) => String(i.data.ref));
  if (refs.length) outcome.append(Object.assign(document.createElement("p"), { className: "refs", textContent: `Reports on events already in the graph: ${refs.join(", ")}` }));
  report(pending() ? `Dry run clean; ${pending()} item(s) still to review before ingesting` : "Dry run clean: ready to ingest");
}

async function ingestNow(): Promise<void> {
  if (pending()) return report(`${pending()} item(s) are still to review: accept or reject each first`, true);
  const { yaml } = buildAnnotation(draft!);
  const answer = await ingest(yaml, raw, false);
  if (answer.problems.length || !answer.document) {
    report(`Not ingested: ${answer.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`, true);
    return void validate();
  }
  const slug = answer.document.slug;
  const outcome = $("#outcome");
  renderChanges(outcome, answer.status === "UNCHANGED" ? `${slug} was already ingested as it is: nothing changed` : `Ingested ${slug}`, answer);
  const links = Object.assign(document.createElement("ul"), { className: "fact-links" });
  const item = (a: HTMLAnchorElement) => links.appendChild(document.createElement("li")).append(a);
  item(factLink(`document ${slug}`, DOCUMENT_QUERY(slug)));
  for (const i of draft!.items.filter((x) => x.verdict === "accepted")) {
    if (i.list === "events") item(factLink(`event ${keyOf(i)}`, EVENT_QUERY(keyOf(i))));
    if (i.list === "quotes") item(factLink(`quote ${keyOf(i)}`, QUOTE_QUERY(keyOf(i))));
  }
  outcome.append(links);
  report(`Ingested ${slug}: its facts are in the graph (links below)`);
}

// --- sources: paste, upload, or a stored document ----------------------------------------------

async function makeDraft(): Promise<void> {
  raw = $<HTMLTextAreaElement>("#article").value;
  if (!raw.trim()) return report("paste or upload the article's text first", true);
  const day = $<HTMLInputElement>("#published-on").value || null;
  const yamlFile = uploadedYaml;
  report(yamlFile ? "Reading the uploaded annotation…" : "Drafting…");
  const next = yamlFile ? readDraft(yamlFile, "accepted") : readDraft(await draftOf(raw, day), "proposed");
  show(next);
  report(yamlFile ? "The uploaded annotation is loaded: edit it, dry run, ingest" : `Draft ready: ${next.items.length} proposals to review`);
}

let uploadedYaml: string | null = null;
async function upload(files: FileList): Promise<void> {
  for (const file of Array.from(files)) {
    const content = await file.text();
    if (/\.ya?ml$/i.test(file.name)) uploadedYaml = content;
    else $<HTMLTextAreaElement>("#article").value = content;
  }
  const header = splitSource($<HTMLTextAreaElement>("#article").value).publishedOn;
  if (header) $<HTMLInputElement>("#published-on").value = header;
  report(uploadedYaml ? "Text and annotation uploaded: press Draft to load them" : "Text uploaded: press Draft");
}

function openStored(slug: string, text: string, annotation: string | null): void {
  showTab("draft");
  $<HTMLTextAreaElement>("#article").value = text;
  raw = text;
  uploadedYaml = null;
  if (!annotation) return void makeDraft().catch(failed);
  show(readDraft(annotation, "accepted"));
  report(`${slug} is open: ingesting it again replaces its claims`);
}

// --- token and tabs ------------------------------------------------------------------------------

function showTab(name: "draft" | "documents"): void {
  $("#tab-draft").hidden = name !== "draft";
  $("#tab-documents").hidden = name !== "documents";
  document.querySelectorAll<HTMLButtonElement>("nav button").forEach((b) => b.classList.toggle("active", b.dataset.tab === name));
  if (name === "documents") void renderDocuments($("#documents"), { open: openStored, download, report }).catch(failed);
}

async function enter(candidate: string | null): Promise<void> {
  if (!candidate) return;
  token.set(candidate);
  try {
    const name = await checkToken();
    $("#who").textContent = `writing as ${name}`;
    $("#login").hidden = true;
    $("#app").hidden = false;
  } catch (e) {
    token.clear();
    $("#login-error").textContent = (e as Error).message;
  }
}

$("#login form").addEventListener("submit", (e) => {
  e.preventDefault();
  void enter($<HTMLInputElement>("#token").value.trim());
});
$("#forget").addEventListener("click", () => {
  token.clear();
  location.reload();
});
document.querySelectorAll<HTMLButtonElement>("nav button").forEach((b) => b.addEventListener("click", () => showTab(b.dataset.tab as "draft" | "documents")));
$("#make-draft").addEventListener("click", () => void makeDraft().catch(failed));
$<HTMLInputElement>("#upload").addEventListener("change", (e) => void upload((e.target as HTMLInputElement).files!).catch(failed));
$("#accept-all").addEventListener("click", () => {
  for (const i of draft?.items ?? []) if (i.verdict === "proposed") i.verdict = "accepted";
  changed({} as Item, true);
});
document.querySelectorAll<HTMLButtonElement>("button[data-add]").forEach((b) =>
  b.addEventListener("mousedown", (e) => e.preventDefault()), // keep the article's selection
);
document.querySelectorAll<HTMLButtonElement>("button[data-add]").forEach((b) => b.addEventListener("click", () => addItem(b.dataset.add as ListName)));
$("#dry-run").addEventListener("click", () => void dryRun().catch(failed));
$("#ingest").addEventListener("click", () => void ingestNow().catch(failed));
$("#download").addEventListener("click", () => {
  if (!draft) return;
  const slug = String(draft.document.slug ?? "document");
  download(`${slug}.yaml`, buildAnnotation(draft).yaml);
  download(`${slug}.txt`, raw);
});
void enter(token.get());
