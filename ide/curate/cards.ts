/**
 * One card per item beside the article: the extractor's reasons, the item's fields to edit, its
 * validation problems, and accept / reject. Fields that point at another item (a quote's speaker
 * and event, an event's `ref`) search as the curator types, in the draft and in the graph.
 */
import { findEvents, findSpeakers, type Option } from "./api.ts";
import { keyOf, labelOf, type Draft, type Item, type ListName, type Verdict } from "./draft-model.ts";
import { FIELDS, parsed, shown, type FieldSpec } from "./fields.ts";

export interface CardEvents {
  /** A field changed; `structural` when other cards depend on it (a ref, a slug, a verdict). */
  changed(item: Item, structural: boolean): void;
  select(id: number): void;
}

const ORDER: ListName[] = ["events", "quotes", "people", "organizations", "themes"];
const SINGULAR: Record<ListName, string> = { events: "event", quotes: "quote", people: "person", organizations: "organization", themes: "theme" };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function debounce<A extends unknown[]>(ms: number, run: (...args: A) => void): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => run(...args), ms);
  };
}

/** Options for a picking field: the draft's own items first, then what the graph search finds. */
function localOptions(draft: Draft, spec: FieldSpec, self: Item): Option[] {
  const kept = draft.items.filter((i) => i.verdict !== "rejected" && i !== self);
  if (spec.kind === "event") return kept.filter((i) => i.list === "events").map((i) => ({ slug: keyOf(i), label: `${labelOf(i)} (this draft)` }));
  if (spec.kind === "speaker") {
    return kept.filter((i) => i.list === "people" || i.list === "organizations").map((i) => ({ slug: keyOf(i), label: `${labelOf(i)} (${SINGULAR[i.list]}, this draft)` }));
  }
  return [];
}

const remoteSearch: Partial<Record<FieldSpec["kind"], (q: string) => Promise<Option[]>>> = { ref: findEvents, event: findEvents, speaker: findSpeakers };

function fieldEditor(draft: Draft, item: Item, spec: FieldSpec, events: CardEvents): HTMLElement {
  const id = `f-${item.id}-${spec.name}`;
  const value = shown(spec.kind, item.data[spec.name]);
  let input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  if (spec.kind === "choice") {
    input = el("select", { id, name: spec.name }, ...spec.choices!.map((c) => el("option", { value: c, textContent: c || "(not said)" })));
    input.value = value;
  } else if (["long", "evidence-list", "json"].includes(spec.kind)) {
    input = el("textarea", { id, name: spec.name, value, rows: spec.kind === "long" ? 2 : Math.min(6, value.split("\n").length + 1) });
  } else {
    input = el("input", { id, name: spec.name, value, type: "text", autocomplete: "off" });
  }
  const error = el("span", { className: "field-error" });
  const wrap = el("label", { className: `field field-${spec.name}`, htmlFor: id }, el("span", { className: "field-name", textContent: spec.name }), input, error);
  if (spec.hint) input.title = spec.hint;
  const options = remoteSearch[spec.kind];
  if (options && input instanceof HTMLInputElement) {
    const list = el("datalist", { id: `${id}-options` });
    input.setAttribute("list", list.id);
    wrap.append(list);
    const kinds = new Map<string, string>();
    const fill = (found: Option[]) => {
      const all = [...localOptions(draft, spec, item), ...found].filter((o, i, a) => a.findIndex((x) => x.slug === o.slug) === i);
      for (const o of all) kinds.set(o.slug, o.label);
      list.replaceChildren(...all.map((o) => el("option", { value: o.slug, label: o.label, textContent: o.label })));
      wrap.classList.toggle("searched", true);
    };
    fill([]);
    const search = debounce(200, (q: string) => {
      if (q.trim().length < 2) return fill([]);
      options(q.trim()).then(fill, () => fill([]));
    });
    input.addEventListener("input", () => search(input.value));
    input.addEventListener("change", () => {
      // A speaker picked from the organizations is spoken for as one.
      if (spec.kind === "speaker" && /\(organization/.test(kinds.get(input.value) ?? "")) item.data.speakerKind = "organization";
    });
  }
  const commit = () => {
    try {
      const before = item.data[spec.name];
      item.data[spec.name] = parsed(spec.kind, input.value, before);
      error.textContent = "";
      if (spec.name === "ref" || spec.name === "slug") relink(draft, item, before, spec.name);
      events.changed(item, ["ref", "slug", "speaker"].includes(spec.name));
    } catch (e) {
      error.textContent = (e as Error).message;
    }
  };
  input.addEventListener(input instanceof HTMLSelectElement || options ? "change" : "input", commit);
  return wrap;
}

/** Quotes follow their event when it becomes a `ref` (or changes slug); speakers follow renamed people. */
function relink(draft: Draft, item: Item, before: unknown, field: string): void {
  const old = field === "ref" ? String(before || item.data.slug || "") : String(before ?? "");
  const now = keyOf(item);
  if (!old || !now || old === now) return;
  const pointer = item.list === "events" ? "event" : item.list === "people" || item.list === "organizations" ? "speaker" : null;
  if (!pointer) return;
  for (const q of draft.items) if (q.list === "quotes" && q.data[pointer] === old) q.data[pointer] = now;
}

function card(draft: Draft, item: Item, events: CardEvents, selected: boolean): HTMLElement {
  const verdictButton = (verdict: Verdict, text: string) =>
    el("button", {
      type: "button", className: `verdict-${verdict}`, textContent: text,
      onclick: () => {
        item.verdict = item.verdict === verdict ? "proposed" : verdict;
        events.changed(item, true);
      },
    });
  const specs = [...FIELDS[item.list], ...Object.keys(item.data).filter((k) => !FIELDS[item.list].some((s) => s.name === k)).map((name) => ({ name, kind: "json" as const }))];
  const isRef = item.list === "events" && !!item.data.ref;
  const visible = specs.filter((s) => !(isRef && ["slug", "title", "summary", "kind", "place"].includes(s.name)));
  const node = el(
    "section",
    { className: `card card-${item.list} verdict-${item.verdict}${selected ? " selected" : ""}${item.problems.length ? " has-problem" : ""}`, id: `item-${item.id}` },
    el("header", { onclick: () => events.select(item.id) }, el("span", { className: "kind", textContent: isRef ? "event (ref)" : SINGULAR[item.list] }), el("b", { className: "label", textContent: labelOf(item) }), el("span", { className: "verdict", textContent: item.verdict })),
    el("ul", { className: "why" }, ...item.why.map((line) => el("li", { textContent: line }))),
    el("ul", { className: "problems" }, ...item.problems.map((p) => el("li", { textContent: p }))),
    ...(item.verdict === "rejected" ? [] : [el("div", { className: "fields" }, ...visible.map((spec) => fieldEditor(draft, item, spec, events)))]),
    el("footer", {}, verdictButton("accepted", item.verdict === "accepted" ? "Accepted ✓" : "Accept"), verdictButton("rejected", item.verdict === "rejected" ? "Restore" : "Reject")),
  );
  node.dataset.item = String(item.id);
  node.dataset.list = item.list;
  return node;
}

export function renderCards(container: HTMLElement, draft: Draft, selected: number | null, events: CardEvents): void {
  container.replaceChildren(
    ...ORDER.flatMap((list) => {
      const items = draft.items.filter((i) => i.list === list);
      if (!items.length) return [];
      return [el("h3", { textContent: `${list} (${items.length})` }), ...items.map((i) => card(draft, i, events, i.id === selected))];
    }),
  );
}

/** Writes the latest problems into the cards without rebuilding them (the curator may be typing). */
export function showProblems(container: HTMLElement, draft: Draft): void {
  for (const item of draft.items) {
    const node = container.querySelector<HTMLElement>(`#item-${item.id}`);
    if (!node) continue;
    node.classList.toggle("has-problem", item.problems.length > 0);
    node.querySelector(".problems")!.replaceChildren(...item.problems.map((p) => el("li", { textContent: p })));
    node.querySelector(".label")!.textContent = labelOf(item);
  }
}
