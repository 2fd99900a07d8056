/**
 * A curator's corrections are claims too, made through the API with the token's name and a reason:
 * they settle a value (a curator's latest claim wins over documents'), deny one (an alias, a link,
 * a description, a whole theme), or say two slugs name one entity (a merge). Documents' claims stay
 * as they are: removing the curator's claim brings back what the documents say.
 */
import type { Prisma } from "../generated/prisma/client.ts";
import type { ClaimProperty, ClaimSubject } from "../generated/prisma/enums.ts";
import type { Changes } from "./changes.ts";
import { LINK_TARGET, touchedBy } from "./claim.ts";
import { settle } from "./settle.ts";
import { syncSubjects, type Subjects } from "./sync.ts";

type Tx = Prisma.TransactionClient;

export interface CuratorClaim {
  subject: ClaimSubject;
  slug: string;
  property: ClaimProperty;
  value: string;
  note?: string | null;
  denied?: boolean;
}

export interface Curator {
  /** Who: the API token's configured name, else `token <first 8 hex digits of its digest>`. */
  name: string;
  reason: string;
}

/** Which properties each subject takes (the annotation format's fields, as claims). */
export const PROPERTIES_OF: Record<ClaimSubject, readonly ClaimProperty[]> = {
  EVENT: ["REFERENCE", "TITLE", "SUMMARY", "DATE", "KIND", "PLACE", "PERSON", "ORGANIZATION", "THEME"],
  PERSON: ["REFERENCE", "NAME", "ALIAS", "ROLE", "AFFILIATION"],
  ORGANIZATION: ["REFERENCE", "NAME", "ALIAS"],
  THEME: ["REFERENCE", "NAME", "ALIAS", "DESCRIPTION", "KEYWORD"],
};

/**
 * Stores the curator's claims (a link's target is named too, so it exists) and derives the graph
 * again for every subject they touch, plus `alsoTouched`. Returns the new claims' ids.
 */
export async function writeCuratorClaims(tx: Tx, claims: CuratorClaim[], curator: Curator, changes: Changes, alsoTouched?: Subjects): Promise<string[]> {
  const references = claims.flatMap((c) => {
    const target = LINK_TARGET[c.property];
    return target && !c.denied ? [{ subject: target, slug: c.value, property: "REFERENCE" as const, value: "" }] : [];
  });
  const rows = [...claims, ...references].map((c, position) => ({
    documentId: null, curator: curator.name, reason: curator.reason, subject: c.subject, slug: c.slug, property: c.property,
    value: c.value, note: "note" in c ? (c.note ?? null) : null, denied: "denied" in c ? (c.denied ?? false) : false, position,
  }));
  const created = await tx.claim.createManyAndReturn({ data: rows, select: { id: true } });
  changes.count("claims", "added", created.length);
  const touched = touchedBy(rows);
  for (const [subject, slugs] of alsoTouched ?? []) for (const slug of slugs) touched.get(subject)!.add(slug);
  await addLinking(tx, claims, touched);
  await settle(tx, await syncSubjects(tx, touched, changes), null, changes);
  return created.map((c) => c.id).slice(0, claims.length);
}

/**
 * A curator's word on a subject's existence (deleteTheme, createTheme after it) makes it appear or
 * vanish while documents still link to it: those linking subjects are derived again too. Only
 * curators can do this (a document's claims always name what they link), so ingest never pays for it.
 */
async function addLinking(tx: Tx, claims: { subject: ClaimSubject; slug: string; property: ClaimProperty }[], touched: Subjects): Promise<void> {
  const existence = claims.filter((c) => c.property === "REFERENCE" && c.subject !== "EVENT");
  if (!existence.length) return;
  const linking = await tx.claim.findMany({
    where: { OR: existence.map((c) => ({ property: { in: (c.subject === "ORGANIZATION" ? ["ORGANIZATION", "AFFILIATION"] : [c.subject]) as ClaimProperty[] }, value: c.slug })) },
    select: { subject: true, slug: true },
  });
  for (const c of linking) touched.get(c.subject)!.add(c.slug);
}

/** Retracts curator claims by id (documents' claims go with their document, not here). */
export async function retractCuratorClaims(tx: Tx, ids: string[], changes: Changes): Promise<void> {
  const claims = await tx.claim.findMany({ where: { id: { in: ids }, documentId: null } });
  if (!claims.length) return;
  changes.count("claims", "removed", (await tx.claim.deleteMany({ where: { id: { in: claims.map((c) => c.id) } } })).count);
  const touched = touchedBy(claims);
  await addLinking(tx, claims, touched);
  await settle(tx, await syncSubjects(tx, touched, changes), null, changes);
}
