/** Walking a Relay connection page by page, the way a client does, with the checks every walk needs. */
import assert from "node:assert/strict";

/** The part of a connection page a walk reads. */
export interface Page<N> {
  nodes: N[];
  pageInfo: { hasNextPage?: boolean; hasPreviousPage?: boolean; startCursor?: string | null; endCursor?: string | null };
}

/**
 * Every node of a connection: `fetch(cursor)` returns the page after `cursor` (forward: first/after)
 * or before it (backward: last/before), null for the first request. Backward pages are put in front,
 * so both directions give the list in its own order. Fails after `maxPages` (a cursor that does
 * not move would loop forever).
 */
export async function walkPages<N>(fetch: (cursor: string | null) => Promise<Page<N>>, options: { backward?: boolean; maxPages?: number } = {}): Promise<{ nodes: N[]; pages: number }> {
  const { backward = false, maxPages = 1000 } = options;
  const nodes: N[] = [];
  let cursor: string | null = null;
  for (let pages = 1; pages <= maxPages; pages++) {
    const page: Page<N> = await fetch(cursor);
    if (backward) nodes.unshift(...page.nodes);
    else nodes.push(...page.nodes);
    const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    assert.equal(typeof more, "boolean", "the walk selects pageInfo's hasNextPage (forward) or hasPreviousPage (backward)");
    if (!more) return { nodes, pages };
    cursor = (backward ? page.pageInfo.startCursor : page.pageInfo.endCursor) ?? null;
    assert.ok(cursor, "a page with more after it has a cursor to continue from");
  }
  throw new Error(`more than ${maxPages} pages`);
}
