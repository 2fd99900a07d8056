/**
 * Writes a plan in one transaction: everything or nothing. Entities are upserted by slug, so the
 * same file twice leaves the graph as it was; this document's evidence and quotes are replaced.
 */
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import type { KnownSlugs, Plan } from "./plan.ts";

type Tx = Prisma.TransactionClient;
type IdsBySlug = Map<string, string>;

/** Slugs of the entities already in the graph, for checking a file's references. */
export async function knownSlugs(prisma: PrismaClient): Promise<KnownSlugs> {
  const slugs = async (rows: Promise<{ slug: string }[]>) => new Set((await rows).map((r) => r.slug));
  const select = { select: { slug: true } } as const;
  return {
    themes: await slugs(prisma.theme.findMany(select)),
    people: await slugs(prisma.person.findMany(select)),
    organizations: await slugs(prisma.organization.findMany(select)),
    events: await slugs(prisma.event.findMany(select)),
  };
}

/** Upserts each item by slug and returns slug -> id, including referenced slugs that already exist. */
async function upsertAll<T extends { slug: string }>(
  items: T[],
  referenced: string[],
  upsert: (item: T) => Promise<{ id: string; slug: string }>,
  existing: (slugs: string[]) => Promise<{ id: string; slug: string }[]>,
): Promise<IdsBySlug> {
  const ids: IdsBySlug = new Map();
  for (const item of items) {
    const row = await upsert(item);
    ids.set(row.slug, row.id);
  }
  const missing = [...new Set(referenced)].filter((s) => !ids.has(s));
  if (missing.length) for (const row of await existing(missing)) ids.set(row.slug, row.id);
  return ids;
}

const id = (ids: IdsBySlug, slug: string) => ids.get(slug)!;

async function writeEntities(tx: Tx, plan: Plan) {
  const themeRefs = [...plan.events.flatMap((e) => e.themes), ...plan.quotes.flatMap((q) => q.themes)];
  const themes = await upsertAll(
    plan.themes, themeRefs,
    ({ slug, name, description }) => tx.theme.upsert({ where: { slug }, create: { slug, name, description }, update: { name, description } }),
    (slugs) => tx.theme.findMany({ where: { slug: { in: slugs } } }),
  );
  const organizations = await upsertAll(
    plan.organizations, [...plan.events.flatMap((e) => e.organizations), ...plan.people.flatMap((p) => p.affiliations.map((a) => a.organization))],
    ({ slug, name, aliases }) => tx.organization.upsert({ where: { slug }, create: { slug, name, aliases }, update: { name, aliases } }),
    (slugs) => tx.organization.findMany({ where: { slug: { in: slugs } } }),
  );
  const people = await upsertAll(
    plan.people, [...plan.events.flatMap((e) => e.people), ...plan.quotes.map((q) => q.speaker)],
    ({ slug, name, aliases, roles }) => tx.person.upsert({ where: { slug }, create: { slug, name, aliases, roles }, update: { name, aliases, roles } }),
    (slugs) => tx.person.findMany({ where: { slug: { in: slugs } } }),
  );
  for (const person of plan.people) {
    for (const { organization, role = null } of person.affiliations) {
      const key = { personId: id(people, person.slug), organizationId: id(organizations, organization) };
      await tx.affiliation.upsert({ where: { personId_organizationId: key }, create: { ...key, role }, update: { role } });
    }
  }
  return { themes, organizations, people };
}

async function writeEvents(tx: Tx, plan: Plan, documentId: string, refs: Awaited<ReturnType<typeof writeEntities>>) {
  const events = await upsertAll(
    plan.events, plan.quotes.flatMap((q) => (q.event ? [q.event] : [])),
    ({ slug, title, summary, dateStart, dateEnd, datePrecision, place }) => {
      const data = { title, summary, dateStart, dateEnd, datePrecision, place };
      return tx.event.upsert({ where: { slug }, create: { slug, ...data }, update: data });
    },
    (slugs) => tx.event.findMany({ where: { slug: { in: slugs } } }),
  );
  const eventIds = plan.events.map((e) => id(events, e.slug));
  await tx.eventTheme.deleteMany({ where: { eventId: { in: eventIds } } });
  await tx.eventPerson.deleteMany({ where: { eventId: { in: eventIds } } });
  await tx.eventOrganization.deleteMany({ where: { eventId: { in: eventIds } } });
  const links = plan.events.map((e) => ({ e, eventId: id(events, e.slug) }));
  await tx.eventTheme.createMany({ data: links.flatMap(({ e, eventId }) => e.themes.map((s) => ({ eventId, themeId: id(refs.themes, s) }))) });
  await tx.eventPerson.createMany({ data: links.flatMap(({ e, eventId }) => e.people.map((s) => ({ eventId, personId: id(refs.people, s) }))) });
  await tx.eventOrganization.createMany({
    data: links.flatMap(({ e, eventId }) => e.organizations.map((s) => ({ eventId, organizationId: id(refs.organizations, s) }))),
  });
  await tx.eventEvidence.deleteMany({ where: { documentId } });
  await tx.eventEvidence.createMany({
    data: links.flatMap(({ e, eventId }) => e.evidence.map((span) => ({ eventId, documentId, ...span }))),
  });
  return events;
}

async function writeQuotes(tx: Tx, plan: Plan, documentId: string, refs: { themes: IdsBySlug; people: IdsBySlug; events: IdsBySlug }) {
  await tx.quote.deleteMany({ where: { documentId, slug: { notIn: plan.quotes.map((q) => q.slug) } } });
  // A quote is dated by its event, else by the day the document was published.
  const eventDates = new Map(
    (await tx.event.findMany({ where: { id: { in: [...refs.events.values()] } }, select: { id: true, dateStart: true, dateEnd: true, datePrecision: true } }))
      .map(({ id, ...date }) => [id, date]),
  );
  const published = { dateStart: plan.document.publishedOn, dateEnd: plan.document.publishedOn, datePrecision: "DAY" as const };
  for (const q of plan.quotes) {
    const eventId = q.event ? id(refs.events, q.event) : null;
    const data = {
      text: q.text,
      kind: q.kind,
      ...((eventId && eventDates.get(eventId)) || published),
      speakerId: id(refs.people, q.speaker),
      eventId,
      documentId,
      ...q.span,
    };
    const row = await tx.quote.upsert({ where: { slug: q.slug }, create: { slug: q.slug, ...data }, update: data });
    await tx.quoteTheme.deleteMany({ where: { quoteId: row.id } });
    await tx.quoteTheme.createMany({ data: q.themes.map((s) => ({ quoteId: row.id, themeId: id(refs.themes, s) })) });
  }
}

/** Writes the whole plan atomically; returns the document's id. */
export async function writePlan(prisma: PrismaClient, plan: Plan): Promise<string> {
  return prisma.$transaction(
    async (tx) => {
      const { slug, ...doc } = plan.document;
      const document = await tx.document.upsert({ where: { slug }, create: { slug, ...doc }, update: doc });
      const refs = await writeEntities(tx, plan);
      const events = await writeEvents(tx, plan, document.id, refs);
      await writeQuotes(tx, plan, document.id, { ...refs, events });
      return document.id;
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}
