/**
 * Mentions are derived too: in each document, every whole-word occurrence of the names and aliases
 * of the people and organizations the document names (by any slug it uses), as the graph has them
 * now. So a document that only names `xi-jinping` records where its text says "Xi Jinping", and a
 * new alias another document gives is found in every document that names the person.
 */
import type { Prisma } from "../generated/prisma/client.ts";
import { findMentions } from "../ingest/mentions.ts";
import type { Changes } from "./changes.ts";
import { lockKeys } from "./locks.ts";
import type { Redirects } from "./redirects.ts";

type Tx = Prisma.TransactionClient;

/** What mentions are found by: the name and aliases, but not a name that is only the slug standing in for one. */
const namesOf = (row: { slug: string; name: string; aliases: string[] }) => (row.name === row.slug ? row.aliases : [row.name, ...row.aliases]);

/** The documents whose mentions a change of these people's or organizations' names touches. */
export async function documentsNaming(tx: Tx, subjects: { subject: "PERSON" | "ORGANIZATION"; slugs: string[] }[], redirects: Redirects): Promise<string[]> {
  const or = subjects.filter((s) => s.slugs.length).map((s) => ({ subject: s.subject, slug: { in: redirects.namesOf(s.subject, s.slugs) } }));
  if (!or.length) return [];
  const rows = await tx.claim.findMany({ where: { property: "REFERENCE", documentId: { not: null }, OR: or }, select: { documentId: true }, distinct: ["documentId"] });
  return rows.map((r) => r.documentId!);
}

/** Makes these documents' mentions match their texts and the names the graph has now. */
export async function syncMentions(tx: Tx, documentIds: string[], redirects: Redirects, changes: Changes): Promise<void> {
  if (!documentIds.length) return;
  await lockKeys(tx, documentIds.map((id) => `DOCUMENT|${id}`));
  const refs = await tx.claim.findMany({
    where: { documentId: { in: documentIds }, property: "REFERENCE", subject: { in: ["PERSON", "ORGANIZATION"] } },
    select: { documentId: true, subject: true, slug: true },
  });
  const slugs = (subject: "PERSON" | "ORGANIZATION") => [...new Set(refs.filter((r) => r.subject === subject).map((r) => redirects.resolve(subject, r.slug)))];
  const select = { id: true, slug: true, name: true, aliases: true };
  const [people, organizations, documents, current] = await Promise.all([
    tx.person.findMany({ where: { slug: { in: slugs("PERSON") } }, select }),
    tx.organization.findMany({ where: { slug: { in: slugs("ORGANIZATION") } }, select }),
    tx.document.findMany({ where: { id: { in: documentIds } }, select: { id: true, text: true } }),
    tx.mention.findMany({ where: { documentId: { in: documentIds } } }),
  ]);
  type Named = { id: string; slug: string; name: string; aliases: string[]; column: "personId" | "organizationId" };
  const entity = new Map<string, Named>([
    ...people.map((p): [string, Named] => [`PERSON|${p.slug}`, { ...p, column: "personId" }]),
    ...organizations.map((o): [string, Named] => [`ORGANIZATION|${o.slug}`, { ...o, column: "organizationId" }]),
  ]);
  type Row = { documentId: string; personId: string | null; organizationId: string | null; paragraph: number; start: number; end: number };
  const wanted: Row[] = [];
  for (const document of documents) {
    const named = new Map<string, { id: string; column: "personId" | "organizationId"; names: string[] }>();
    for (const r of refs) {
      if (r.documentId !== document.id) continue;
      const key = `${r.subject}|${redirects.resolve(r.subject, r.slug)}`;
      const e = entity.get(key);
      if (e) named.set(key, { id: e.id, column: e.column, names: namesOf(e) });
    }
    const found = findMentions(document.text, [...named].map(([key, e]) => ({ slug: key, names: e.names })));
    for (const [key, spans] of found) {
      const e = named.get(key)!;
      for (const span of spans) wanted.push({ documentId: document.id, personId: e.column === "personId" ? e.id : null, organizationId: e.column === "organizationId" ? e.id : null, ...span });
    }
  }
  const key = (r: Row) => `${r.documentId}|${r.personId}|${r.organizationId}|${r.start}|${r.end}|${r.paragraph}`;
  const want = new Set(wanted.map(key)), have = new Set(current.map(key));
  const extra = current.filter((r) => !want.has(key(r)));
  const missing = wanted.filter((r) => !have.has(key(r)));
  if (extra.length) changes.count("mentions", "removed", (await tx.mention.deleteMany({ where: { id: { in: extra.map((r) => r.id) } } })).count);
  if (missing.length) changes.count("mentions", "added", (await tx.mention.createMany({ data: missing })).count);
}
