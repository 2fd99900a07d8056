/**
 * The last steps of every change of claims, once the rows a document owns point where they should:
 * subjects no claim names any more are deleted, quotes follow their events' dates, and mentions are
 * found again wherever names changed.
 */
import type { Prisma } from "../generated/prisma/client.ts";
import type { Changes } from "./changes.ts";
import { documentsNaming, syncMentions } from "./mentions.ts";
import { redateQuotes, removeGone, type Derivation } from "./sync.ts";

type Tx = Prisma.TransactionClient;

/** Mentions of this document (if any), and of every document naming someone whose names changed. */
async function refreshMentions(tx: Tx, documentId: string | null, derivation: Derivation, changes: Changes): Promise<void> {
  const renamed = (subject: "PERSON" | "ORGANIZATION") => [...derivation.renamed].filter((k) => k.startsWith(`${subject}|`)).map((k) => k.slice(subject.length + 1));
  const others = await documentsNaming(tx, [{ subject: "PERSON", slugs: renamed("PERSON") }, { subject: "ORGANIZATION", slugs: renamed("ORGANIZATION") }], derivation.redirects);
  await syncMentions(tx, [...new Set([...(documentId ? [documentId] : []), ...others])], derivation.redirects, changes);
}

export async function settle(tx: Tx, derivation: Derivation, documentId: string | null, changes: Changes): Promise<void> {
  await removeGone(tx, derivation, changes);
  await redateQuotes(tx, derivation, changes);
  await refreshMentions(tx, documentId, derivation, changes);
}
