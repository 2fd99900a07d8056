/**
 * The worker thread that drafts annotations (src/extract/drafts.ts runs it): extraction is CPU
 * work of 0.1-0.5 s per 10 KB, which on the event loop would hold every other request up. It gets
 * the text, the publication day and the graph's gazetteer, and answers with the YAML or the reason.
 */
import { parentPort } from "node:worker_threads";
import { extractDraft } from "./draft.ts";
import { renderDraft } from "./draft-yaml.ts";
import type { DraftReply, DraftRequest } from "./drafts.ts";

parentPort!.on("message", ({ id, text, publishedOn, gazetteer }: DraftRequest) => {
  let reply: DraftReply;
  try {
    const result = extractDraft(text, { publishedOn, gazetteer });
    reply = result.ok ? { id, yaml: renderDraft(result.draft) } : { id, refused: result.error };
  } catch (error) {
    reply = { id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
