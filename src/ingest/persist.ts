/**
 * Writes a plan in one transaction, changing only what differs, so that the same file twice
 * leaves every row (ids and timestamps included) as it was, and a failure leaves nothing.
 * - Themes, people, organizations: upserted by slug; aliases, roles and keywords accumulate
 *   across documents (a second spelling adds an alias).
 * - Events: a definition sets the fields; a reference only adds evidence, links and a finer date.
 *   Links are replaced while this document is the event's only source, else only added.
 * - Evidence, quotes and mentions of this document are made to match the file exactly; an event
 *   left with no evidence at all is removed.
 */
import { isDeepStrictEqual } from "node:util";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import type { Known, Plan } from "./plan.ts";
import { inTransaction } from "../db/transaction.ts";

type Tx = Prisma.TransactionClient;
type Ids = Map<string, string>;
const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
const changed = (row: Record<string, unknown>, data: Record<string, unknown>) =>
  Object.entries(data).some(([k, v]) => !isDeepStrictEqual(row[k], v));

/** What the graph holds of the slugs a plan refers to. */
export async function loadKnown(prisma: PrismaClient, slugs: Record<keyof Known, string[]>): Promise<Known> {
  const where = (list: string[]) => ({ where: { slug: { in: list } }, select: { slug: true } });
  const set = (rows: { slug: string }[]) => new Set(rows.map((r) => r.slug));
  const events = await prisma.event.findMany({ where: { slug: { in: slugs.events } } });
  return {
    themes: set(await prisma.theme.findMany(where(slugs.themes))),
    people: set(await prisma.person.findMany(where(slugs.people))),
    organizations: set(await prisma.organization.findMany(where(slugs.organizations))),
    events: new Map(events.map((e) => [e.slug, { start: e.dateStart, end: e.dateEnd, precision: e.datePrecision }])),
  };
}

interface SlugModel<Row> {
  findMany(args: { where: { slug: { in: string[] } } }): Promise<Row[]>;
  createManyAndReturn(args: { data: never[]; select: { id: true; slug: true } }): Promise<{ id: string; slug: string }[]>;
  update(args: { where: { id: string }; data: never }): Promise<Row>;
}

/**
 * Creates the new rows (one statement for all) and updates the existing ones where something
 * differs (one statement each: each row's values differ); returns slug -> id.
 */
async function syncBySlug<Row extends { id: string; slug: string }>(
  model: SlugModel<Row>, items: { slug: string; data: Record<string, unknown> }[], merge?: (row: Row, data: Record<string, unknown>) => Record<string, unknown>,
): Promise<Ids> {
  const existing = new Map((await model.findMany({ where: { slug: { in: items.map((i) => i.slug) } } })).map((r) => [r.slug, r]));
  const ids: Ids = new Map();
  const created: Record<string, unknown>[] = [];
  for (const { slug, data } of items) {
    const row = existing.get(slug);
    if (!row) {
      created.push({ slug, ...data });
      continue;
    }
    const wanted = merge ? merge(row, data) : data;
    if (changed(row, wanted)) await model.update({ where: { id: row.id }, data: wanted as never });
    ids.set(slug, row.id);
  }
  if (created.length) {
    for (const row of await model.createManyAndReturn({ data: created as never[], select: { id: true, slug: true } })) ids.set(row.slug, row.id);
  }
  return ids;
}

/** slug -> id for every slug the plan refers to, defined here or already in the graph. */
async function idsOf(model: { findMany(args: object): Promise<{ id: string; slug: string }[]> }, slugs: string[], known: Ids): Promise<Ids> {
  const missing = [...new Set(slugs)].filter((s) => !known.has(s));
  const found = missing.length ? await model.findMany({ where: { slug: { in: missing } }, select: { id: true, slug: true } }) : [];
  return new Map([...known, ...found.map((r) => [r.slug, r.id] as const)]);
}

/** Makes the rows matching `scope` equal `wanted` (by `key`), deleting and creating the difference. */
async function syncRows<Row>(
  current: Row[], wanted: Row[], key: (row: Row) => string,
  remove: (rows: Row[]) => Promise<unknown>, add: (rows: Row[]) => Promise<unknown>,
): Promise<void> {
  const have = new Map(current.map((r) => [key(r), r]));
  const want = new Map(wanted.map((r) => [key(r), r]));
  const extra = [...have].filter(([k]) => !want.has(k)).map(([, r]) => r);
  const missing = [...want].filter(([k]) => !have.has(k)).map(([, r]) => r);
  if (extra.length) await remove(extra);
  if (missing.length) await add(missing);
}

async function writeEntities(tx: Tx, plan: Plan) {
  const mergeLists = (keys: string[]) => (row: Record<string, unknown>, data: Record<string, unknown>) =>
    ({ ...data, ...Object.fromEntries(keys.map((k) => [k, union(row[k] as string[], data[k] as string[])])) });
  const themes = await syncBySlug(tx.theme as never, plan.themes.map(({ slug, ...data }) => ({ slug, data })), mergeLists(["aliases", "keywords"]));
  const organizations = await syncBySlug(tx.organization as never, plan.organizations.map(({ slug, name, aliases }) => ({ slug, data: { name, aliases } })), mergeLists(["aliases"]));
  const people = await syncBySlug(tx.person as never, plan.people.map(({ slug, name, aliases, roles }) => ({ slug, data: { name, aliases, roles } })), mergeLists(["aliases", "roles"]));
  const refs = {
    themes: await idsOf(tx.theme, [...plan.events.flatMap((e) => e.themes), ...plan.quotes.flatMap((q) => q.themes)], themes),
    organizations: await idsOf(tx.organization, [...plan.events.flatMap((e) => e.organizations), ...plan.people.flatMap((p) => p.affiliations.map((a) => a.organization))], organizations),
    people: await idsOf(tx.person, [...plan.events.flatMap((e) => e.people), ...plan.quotes.map((q) => q.speaker)], people),
  };
  await writeAffiliations(tx, plan, refs);
  return refs;
}

type Refs = Awaited<ReturnType<typeof writeEntities>>;

/** Memberships the plan gives: new ones made (one statement), a role the text now gives set. */
async function writeAffiliations(tx: Tx, plan: Plan, refs: Pick<Refs, "people" | "organizations">): Promise<void> {
  const given = plan.people.flatMap((person) => person.affiliations.map(({ organization, role }) =>
    ({ personId: refs.people.get(person.slug)!, organizationId: refs.organizations.get(organization)!, role })));
  if (!given.length) return;
  const key = (r: { personId: string; organizationId: string }) => `${r.personId}|${r.organizationId}`;
  const existing = new Map((await tx.affiliation.findMany({ where: { OR: given.map(({ personId, organizationId }) => ({ personId, organizationId })) } })).map((r) => [key(r), r]));
  const added = new Map<string, (typeof given)[number]>();
  for (const wanted of given) {
    const row = existing.get(key(wanted));
    if (!row) {
      // Listed twice: the later role, unless it gives none (as when the first one was written first).
      const earlier = added.get(key(wanted));
      added.set(key(wanted), earlier && wanted.role === null ? earlier : wanted);
    } else if (row.role !== wanted.role && wanted.role !== null) {
      const { personId, organizationId } = wanted;
      await tx.affiliation.update({ where: { personId_organizationId: { personId, organizationId } }, data: { role: wanted.role } });
    }
  }
  if (added.size) await tx.affiliation.createMany({ data: [...added.values()] });
}
const LINKS = [
  { field: "themes", table: "eventTheme", column: "themeId", refs: "themes" },
  { field: "people", table: "eventPerson", column: "personId", refs: "people" },
  { field: "organizations", table: "eventOrganization", column: "organizationId", refs: "organizations" },
] as const;

interface LinkModel {
  findMany(args: object): Promise<Record<string, string>[]>;
  deleteMany(args: object): Promise<unknown>;
  createMany(args: object): Promise<unknown>;
}

async function writeEvents(tx: Tx, plan: Plan, documentId: string, refs: Refs): Promise<Ids> {
  const defined = await syncBySlug(tx.event as never, plan.events.flatMap((e) =>
    e.definition ? [{ slug: e.slug, data: { ...e.definition, dateStart: e.date!.start, dateEnd: e.date!.end, datePrecision: e.date!.precision } }] : []));
  // Quotes may name an event that another document reported and this one does not list.
  const named = [...plan.events.map((e) => e.slug), ...plan.quotes.flatMap((q) => (q.event ? [q.event] : []))];
  const events = await idsOf(tx.event, [...new Set(named)], defined);
  for (const e of plan.events) {
    if (!e.date) continue;
    const date = { dateStart: e.date.start, dateEnd: e.date.end, datePrecision: e.date.precision };
    const eventId = events.get(e.slug)!;
    if (!e.definition) await tx.event.update({ where: { id: eventId }, data: date });
    // Quotes are dated by their event, whichever document they come from.
    await tx.quote.updateMany({ where: { eventId, OR: [{ dateStart: { not: date.dateStart } }, { datePrecision: { not: date.datePrecision } }] }, data: date });
  }
  // Events that other documents report too keep the links those documents gave them.
  const eventIds = [...new Set(plan.events.map((e) => events.get(e.slug)!))];
  const shared = new Set((await tx.eventEvidence.findMany({ where: { eventId: { in: eventIds }, documentId: { not: documentId } }, select: { eventId: true } })).map((r) => r.eventId));
  for (const link of LINKS) {
    const model = tx[link.table] as unknown as LinkModel;
    const current = await model.findMany({ where: { eventId: { in: eventIds } } });
    const wanted = plan.events.flatMap((e) => e[link.field].map((slug) => ({ eventId: events.get(e.slug)!, [link.column]: refs[link.refs].get(slug)! })));
    const key = (r: Record<string, string>) => `${r.eventId}|${r[link.column]}`;
    const wantedKeys = new Set(wanted.map(key));
    // Links of shared events that this file does not give are another document's: leave them out of the diff.
    const ours = current.filter((r) => !shared.has(r.eventId!) || wantedKeys.has(key(r)));
    await syncRows(ours, wanted, key,
      (rows) => model.deleteMany({ where: { OR: rows.map((r) => ({ eventId: r.eventId, [link.column]: r[link.column] })) } }),
      (rows) => model.createMany({ data: rows, skipDuplicates: true }));
  }
  return events;
}

async function writeEvidence(tx: Tx, plan: Plan, documentId: string, events: Ids): Promise<void> {
  const before = await tx.eventEvidence.findMany({ where: { documentId } });
  const wanted = plan.events.flatMap((e) => e.evidence.map((span) => ({ eventId: events.get(e.slug)!, documentId, ...span })));
  const key = (r: { eventId: string; start: number; end: number; paragraph: number }) => `${r.eventId}|${r.start}|${r.end}|${r.paragraph}`;
  await syncRows(before, wanted as typeof before, key,
    (rows) => tx.eventEvidence.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } }),
    (rows) => tx.eventEvidence.createMany({ data: rows }));
  // An event this document alone reported, and no longer reports, is gone.
  const dropped = [...new Set(before.map((r) => r.eventId))].filter((id) => !wanted.some((w) => w.eventId === id));
  if (dropped.length) await tx.event.deleteMany({ where: { id: { in: dropped }, evidence: { none: {} } } });
}

async function writeQuotes(tx: Tx, plan: Plan, documentId: string, refs: Refs, events: Ids): Promise<void> {
  await tx.quote.deleteMany({ where: { documentId, slug: { notIn: plan.quotes.map((q) => q.slug) } } });
  // A quote is dated by its event, else by the day the document was published.
  const dates = new Map((await tx.event.findMany({ where: { id: { in: [...events.values()] } } })).map((e) => [e.id, e]));
  const published = { dateStart: plan.document.publishedOn, dateEnd: plan.document.publishedOn, datePrecision: "DAY" as const };
  const quotes = await syncBySlug(tx.quote as never, plan.quotes.map((q) => {
    const event = q.event ? dates.get(events.get(q.event)!) : undefined;
    const date = event ? { dateStart: event.dateStart, dateEnd: event.dateEnd, datePrecision: event.datePrecision } : published;
    return { slug: q.slug, data: { text: q.text, kind: q.kind, speakerId: refs.people.get(q.speaker)!, eventId: event?.id ?? null, documentId, ...q.span, ...date } };
  }));
  const ids = [...quotes.values()];
  const current = await tx.quoteTheme.findMany({ where: { quoteId: { in: ids } } });
  const wanted = plan.quotes.flatMap((q) => q.themes.map((t) => ({ quoteId: quotes.get(q.slug)!, themeId: refs.themes.get(t)! })));
  await syncRows(current, wanted, (r) => `${r.quoteId}|${r.themeId}`,
    (rows) => tx.quoteTheme.deleteMany({ where: { OR: rows.map(({ quoteId, themeId }) => ({ quoteId, themeId })) } }),
    (rows) => tx.quoteTheme.createMany({ data: rows }));
}

async function writeMentions(tx: Tx, plan: Plan, documentId: string, refs: Refs): Promise<void> {
  const current = await tx.mention.findMany({ where: { documentId } });
  const wanted = [
    ...plan.people.flatMap((p) => p.mentions.map((span) => ({ documentId, personId: refs.people.get(p.slug)!, organizationId: null, ...span }))),
    ...plan.organizations.flatMap((o) => o.mentions.map((span) => ({ documentId, personId: null, organizationId: refs.organizations.get(o.slug)!, ...span }))),
  ];
  const key = (r: { personId: string | null; organizationId: string | null; start: number; end: number; paragraph: number }) =>
    `${r.personId}|${r.organizationId}|${r.start}|${r.end}|${r.paragraph}`;
  await syncRows(current, wanted as typeof current, key,
    (rows) => tx.mention.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } }),
    (rows) => tx.mention.createMany({ data: rows }));
}

/** Writes the whole plan atomically (again, if PostgreSQL aborts it for a deadlock); returns the document's id. */
export async function writePlan(prisma: PrismaClient, plan: Plan): Promise<string> {
  return inTransaction(
    prisma,
    async (tx) => {
      const { slug, ...doc } = plan.document;
      const documentId = (await syncBySlug(tx.document as never, [{ slug, data: doc }])).get(slug)!;
      const refs = await writeEntities(tx, plan);
      const events = await writeEvents(tx, plan, documentId, refs);
      await writeEvidence(tx, plan, documentId, events);
      await writeQuotes(tx, plan, documentId, refs, events);
      await writeMentions(tx, plan, documentId, refs);
      return documentId;
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}
