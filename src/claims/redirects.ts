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
