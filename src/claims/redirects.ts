/**
 * Slugs a curator has said name one entity (a merge): claims about the merged slug count for the
 * kept one, from every document, whenever it is ingested. The table is small (curators write it),
 * so a write reads it whole.
 */
import type { Prisma } from "../generated/prisma/client.ts";
import type { ClaimSubject } from "../generated/prisma/enums.ts";

export interface Redirects {
  /** The slug claims about `slug` count for. */
  resolve(subject: ClaimSubject, slug: string): string;
  /** The slugs whose claims count for these: themselves and every slug redirected to them. */
  namesOf(subject: ClaimSubject, targets: Iterable<string>): string[];
}

export async function loadRedirects(tx: Prisma.TransactionClient): Promise<Redirects> {
  const rows = await tx.redirect.findMany({ select: { subject: true, slug: true, target: true } });
  const to = new Map(rows.map((r) => [`${r.subject}|${r.slug}`, r.target]));
  const from = new Map<string, string[]>();
  for (const r of rows) from.set(`${r.subject}|${r.target}`, [...(from.get(`${r.subject}|${r.target}`) ?? []), r.slug]);
  return {
    resolve: (subject, slug) => to.get(`${subject}|${slug}`) ?? slug,
    namesOf: (subject, targets) => [...targets].flatMap((t) => [t, ...(from.get(`${subject}|${t}`) ?? [])]),
  };
}

type Tx = Prisma.TransactionClient;
const MODEL = { EVENT: "event", PERSON: "person", ORGANIZATION: "organization", THEME: "theme" } as const;

/** Points `slug` (and every slug that pointed at it) at `target`; `slug` is then no live slug. */
async function redirect(tx: Tx, subject: ClaimSubject, slug: string, target: string, curator: string): Promise<void> {
  await tx.redirect.updateMany({ where: { subject, target: slug }, data: { target } });
  await tx.redirect.deleteMany({ where: { subject, slug: target } });
  await tx.redirect.upsert({ where: { subject_slug: { subject, slug } }, create: { subject, slug, target, curator }, update: { target, curator } });
}

/**
 * A new slug for a subject (updateTheme): its row keeps its id, so everything pointing at it stays,
 * and claims made under the old slug, now and by documents ingested later, count for the new one.
 */
export async function renameSubject(tx: Tx, subject: ClaimSubject, from: string, to: string, curator: string): Promise<void> {
  await (tx[MODEL[subject]] as unknown as { update(args: object): Promise<unknown> }).update({ where: { slug: from }, data: { slug: to } });
  await redirect(tx, subject, from, to, curator);
}

/**
 * `merge` names the same entity as `keep` (mergePeople, mergeOrganizations): from now on claims
 * about `merge` count for `keep`. Returns the subjects to derive again: the two, and whatever links
 * to the merged one (events, and members of a merged organization).
 */
export async function mergeSubject(tx: Tx, subject: "PERSON" | "ORGANIZATION", merge: string, keep: string, curator: string): Promise<Map<ClaimSubject, Set<string>>> {
  const before = await loadRedirects(tx);
  const names = before.namesOf(subject, [merge]);
  await redirect(tx, subject, merge, keep, curator);
  const linking = await tx.claim.findMany({ where: { property: { in: subject === "PERSON" ? ["PERSON"] : ["ORGANIZATION", "AFFILIATION"] }, value: { in: names } }, select: { subject: true, slug: true } });
  const touched = new Map<ClaimSubject, Set<string>>([["EVENT", new Set()], ["PERSON", new Set()], ["ORGANIZATION", new Set()], ["THEME", new Set()]]);
  touched.get(subject)!.add(merge).add(keep);
  for (const c of linking) touched.get(c.subject)!.add(c.slug);
  return touched;
}
