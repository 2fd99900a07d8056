/**
 * Writes a planned document in one transaction, changing only what differs (the same file twice
 * leaves every row, id and timestamp as it was), and removes documents. A document changes only
 * what it claims:
 * - its claims are replaced by the file's; the graph's rows for every subject it claimed before or
 *   claims now are derived again from all current claims (claims/sync.ts), so another document's
 *   claims are never overwritten, and removing a document undoes exactly what it added;
 * - its evidence and quotes are made to match the file exactly;
 * - mentions are found again in this document, and in every document naming someone whose names
 *   changed.
 */
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import type { Changes } from "../claims/changes.ts";
import { claimKey, touchedBy, type PlannedClaim } from "../claims/claim.ts";
import { lockKeys } from "../claims/locks.ts";
import { settle } from "../claims/settle.ts";
import { subjectKey, syncSubjects, type Derivation } from "../claims/sync.ts";
import type { Known, Plan, PlanProblem } from "./plan.ts";
import { warningsFor } from "./warnings.ts";

type Tx = Prisma.TransactionClient;

/** What the graph holds that planning a file needs: which quote slugs other documents hold. */
export async function loadKnown(prisma: PrismaClient, quoteSlugs: string[]): Promise<Known> {
  const quotes = await prisma.quote.findMany({ where: { slug: { in: quoteSlugs } }, select: { slug: true, document: { select: { slug: true } } } });
  return { themes: new Set(), people: new Set(), organizations: new Set(), events: new Map(), quoteOwners: new Map(quotes.map((q) => [q.slug, q.document.slug])) };
}

const claimRow = (c: PlannedClaim, documentId: string) => ({
  documentId, subject: c.subject, slug: c.slug, property: c.property, value: c.value, note: c.note, position: c.position,
  paragraph: c.span?.paragraph ?? null, start: c.span?.start ?? null, end: c.span?.end ?? null,
});

/** Makes the document's stored claims equal the planned ones; returns the claims it made before. */
async function replaceClaims(tx: Tx, documentId: string, planned: PlannedClaim[], changes: Changes) {
  const before = await tx.claim.findMany({ where: { documentId } });
  const wanted = new Map(planned.map((c) => { const row = claimRow(c, documentId); return [claimKey(row), row] as const; }));
  const have = new Set(before.map(claimKey));
  const extra = before.filter((c) => !wanted.has(claimKey(c)));
  const missing = [...wanted].filter(([k]) => !have.has(k)).map(([, row]) => row);
  if (extra.length) changes.count("claims", "removed", (await tx.claim.deleteMany({ where: { id: { in: extra.map((c) => c.id) } } })).count);
  if (missing.length) changes.count("claims", "added", (await tx.claim.createMany({ data: missing })).count);
  return before;
}

/** Makes the rows matching a scope equal `wanted` (by `key`), deleting and creating the difference. */
async function syncRows<Row>(
  current: Row[], wanted: Row[], key: (row: Row) => string,
  remove: (rows: Row[]) => Promise<{ count: number }>, add: (rows: Row[]) => Promise<{ count: number }>,
): Promise<[added: number, removed: number]> {
  const have = new Set(current.map(key)), want = new Set(wanted.map(key));
  const extra = current.filter((r) => !want.has(key(r)));
  const missing = wanted.filter((r) => !have.has(key(r)));
  return [missing.length ? (await add(missing)).count : 0, extra.length ? (await remove(extra)).count : 0];
}

async function writeEvidence(tx: Tx, plan: Plan, documentId: string, events: Map<string, string>, changes: Changes): Promise<void> {
  const before = await tx.eventEvidence.findMany({ where: { documentId } });
  const wanted = plan.evidence.flatMap((e) => e.spans.map((span) => ({ eventId: events.get(e.event)!, documentId, ...span })));
  const key = (r: { eventId: string; start: number; end: number; paragraph: number }) => `${r.eventId}|${r.start}|${r.end}|${r.paragraph}`;
  const unique = [...new Map(wanted.map((w) => [key(w), w])).values()];
  const [added, removed] = await syncRows(before, unique as typeof before, key,
    (rows) => tx.eventEvidence.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } }),
    (rows) => tx.eventEvidence.createMany({ data: rows }));
  changes.count("evidence", "added", added);
  changes.count("evidence", "removed", removed);
}

async function writeQuotes(tx: Tx, plan: Plan, documentId: string, derivation: Derivation, changes: Changes): Promise<void> {
  const { ids, redirects } = derivation;
  const published = { dateStart: plan.document.publishedOn, dateEnd: plan.document.publishedOn, datePrecision: "DAY" as const };
  const eventDates = new Map((await tx.event.findMany({ where: { id: { in: [...ids.EVENT.values()] } }, select: { id: true, dateStart: true, dateEnd: true, datePrecision: true } })).map((e) => [e.id, e]));
  const wanted = plan.quotes.map((q) => {
    const eventId = q.event ? ids.EVENT.get(redirects.resolve("EVENT", q.event))! : null;
    const { id: _, ...date } = eventId ? eventDates.get(eventId)! : { id: null, ...published };
    // The speaker is a person or an organization: exactly one of the two columns is set.
    const speaker = ids[q.speakerKind].get(redirects.resolve(q.speakerKind, q.speaker))!;
    const speakerId = q.speakerKind === "PERSON" ? speaker : null, speakerOrganizationId = q.speakerKind === "ORGANIZATION" ? speaker : null;
    return { slug: q.slug, text: q.text, kind: q.kind, speakerId, speakerOrganizationId, eventId, utterance: q.utterance, documentId, ...q.span, ...date };
  });
  const current = new Map((await tx.quote.findMany({ where: { documentId } })).map((q) => [q.slug, q]));
  const gone = [...current.values()].filter((q) => !wanted.some((w) => w.slug === q.slug));
  if (gone.length) changes.count("quotes", "removed", (await tx.quote.deleteMany({ where: { id: { in: gone.map((q) => q.id) } } })).count);
  const created = wanted.filter((w) => !current.has(w.slug));
  const quoteIds = new Map<string, string>();
  for (const w of wanted) {
    const row = current.get(w.slug);
    if (!row) continue;
    quoteIds.set(w.slug, row.id);
    if (Object.entries(w).some(([k, v]) => String(row[k as keyof typeof row]) !== String(v))) {
      await tx.quote.update({ where: { id: row.id }, data: w });
      changes.count("quotes", "changed", 1);
    }
  }
  if (created.length) {
    for (const r of await tx.quote.createManyAndReturn({ data: created, select: { id: true, slug: true } })) quoteIds.set(r.slug, r.id);
    changes.count("quotes", "added", created.length);
  }
  // A theme a curator deleted has no row: the quote keeps its other themes.
  const themes = plan.quotes.flatMap((q) => q.themes.flatMap((t) => {
    const themeId = ids.THEME.get(redirects.resolve("THEME", t));
    return themeId ? [{ quoteId: quoteIds.get(q.slug)!, themeId }] : [];
  }));
  const existing = await tx.quoteTheme.findMany({ where: { quoteId: { in: [...quoteIds.values()] } } });
  const [added, removed] = await syncRows(existing, themes, (r) => `${r.quoteId}|${r.themeId}`,
    (rows) => tx.quoteTheme.deleteMany({ where: { OR: rows.map(({ quoteId, themeId }) => ({ quoteId, themeId })) } }),
    (rows) => tx.quoteTheme.createMany({ data: rows }));
  changes.count("quoteThemes", "added", added);
  changes.count("quoteThemes", "removed", removed);
}

/** Writes the plan; returns the document's id and the warnings for the file. */
export async function writePlan(tx: Tx, plan: Plan, source: { hash: string; annotation: string }, changes: Changes): Promise<{ documentId: string; warnings: PlanProblem[] }> {
  const { slug, ...doc } = plan.document;
  await lockKeys(tx, [`DOCUMENT-SLUG|${slug}`]);
  const existing = await tx.document.findUnique({ where: { slug }, select: { id: true } });
  const data = { ...doc, sourceHash: source.hash, annotation: source.annotation };
  const documentId = existing
    ? (await tx.document.update({ where: { id: existing.id }, data, select: { id: true } })).id
    : (await tx.document.create({ data: { slug, ...data }, select: { id: true } })).id;
  changes.count("documents", existing ? "changed" : "added", 1);
  const before = await replaceClaims(tx, documentId, plan.claims, changes);
  const derivation = await syncSubjects(tx, touchedBy([...before, ...plan.claims]), changes);
  const events = new Map([...derivation.ids.EVENT]);
  await writeEvidence(tx, plan, documentId, new Map(plan.evidence.map((e) => [e.event, events.get(derivation.redirects.resolve("EVENT", e.event))!])), changes);
  await writeQuotes(tx, plan, documentId, derivation, changes);
  await settle(tx, derivation, documentId, changes);
  return { documentId, warnings: warningsFor(plan, documentId, derivation) };
}

/** Retracts a document: its claims, evidence, quotes and mentions go, and the graph is derived again without them. */
export async function removeDocument(tx: Tx, documentId: string, changes: Changes): Promise<void> {
  const claims = await tx.claim.findMany({ where: { documentId } });
  changes.count("quotes", "removed", (await tx.quote.deleteMany({ where: { documentId } })).count);
  changes.count("evidence", "removed", (await tx.eventEvidence.deleteMany({ where: { documentId } })).count);
  changes.count("mentions", "removed", (await tx.mention.deleteMany({ where: { documentId } })).count);
  changes.count("claims", "removed", (await tx.claim.deleteMany({ where: { documentId } })).count);
  await tx.document.delete({ where: { id: documentId } });
  changes.count("documents", "removed", 1);
  await settle(tx, await syncSubjects(tx, touchedBy(claims), changes), null, changes);
}

export { subjectKey };
