/**
 * The article with every item highlighted at its span, coloured by kind; where spans nest (a name
 * inside a quote inside an event's sentence) the innermost colours the characters. An item's
 * validation problems are written into the text where the item starts, so the curator sees
 * what is wrong where it is.
 */
import { labelOf, type Item } from "./draft-model.ts";
import { spansOf, type Span } from "./spans.ts";

export interface Placed extends Span {
  item: Item;
}

export function placeItems(items: Item[], body: string): Placed[] {
  return items.flatMap((item) => spansOf(item, body).map((span) => ({ ...span, item })));
}

export function renderText(container: HTMLElement, body: string, placed: Placed[], selected: number | null, select: (id: number) => void): void {
  const cuts = new Set([0, body.length]);
  for (const p of placed) cuts.add(p.start).add(p.end);
  const points = [...cuts].sort((a, b) => a - b);
  // Problems are shown once per item, at its first span.
  const problemAt = new Map<number, Item[]>();
  const shown = new Set<number>();
  for (const p of [...placed].sort((a, b) => a.start - b.start)) {
    if (!p.item.problems.length || shown.has(p.item.id)) continue;
    shown.add(p.item.id);
    problemAt.set(p.start, [...(problemAt.get(p.start) ?? []), p.item]);
  }
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i]!, points[i + 1]!];
    for (const item of problemAt.get(start) ?? []) {
      const marker = document.createElement("span");
      marker.className = "problem-at-span";
      marker.dataset.item = String(item.id);
      marker.textContent = `⚠ ${item.problems.join("; ")}`;
      marker.addEventListener("click", () => select(item.id));
      fragment.append(marker);
    }
    const covering = placed.filter((p) => p.start <= start && p.end >= end);
    const text = body.slice(start, end);
    if (!covering.length) {
      fragment.append(text);
      continue;
    }
    const inner = covering.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
    const mark = document.createElement("mark");
    mark.className = `hl hl-${inner.item.list} verdict-${inner.item.verdict}`;
    if (covering.some((p) => p.item.id === selected)) mark.classList.add("selected");
    if (covering.some((p) => p.item.problems.length)) mark.classList.add("has-problem");
    mark.dataset.items = covering.map((p) => p.item.id).join(" ");
    mark.title = covering.map((p) => `${p.item.list.replace(/s$/, "")}: ${labelOf(p.item)}`).join("\n");
    mark.textContent = text;
    mark.addEventListener("click", () => select(inner.item.id));
    fragment.append(mark);
  }
  container.replaceChildren(fragment);
}
