/**
 * Brings the stored graph in line with the claims about a set of subjects: their rows (themes,
 * organizations, people, events), event links and affiliations are derived again (derive.ts) and
 * only what differs is written. A subject no claim names any more is deleted, but only when the
 * caller says so (`removeGone`), after the rows that point at it (quotes, evidence) have been
 * brought in line too.
 */
import { isDeepStrictEqual } from "node:util";
import type { Prisma } from "../generated/prisma/client.ts";
import type { ClaimSubject } from "../generated/prisma/enums.ts";
import { isoDay } from "../partial-date.ts";
import type { Changes, RowKind } from "./changes.ts";
import { LINK_TARGET } from "./claim.ts";
import { deriveEntity, deriveEvent, exists, type ClaimLike, type DerivedEntity, type DerivedEvent } from "./derive.ts";
import { lockKeys } from "./locks.ts";
import { loadRedirects, type Redirects } from "./redirects.ts";

type Tx = Prisma.TransactionClient;
export type Subjects = Map<ClaimSubject, Set<string>>;

export interface StoredClaim extends ClaimLike {
  subject: ClaimSubject;
  slug: string;
  paragraph: number | null;
  start: number | null;
  end: number | null;
  reason: string | null;
}

interface SlugModel {
  findMany(args: object): Promise<({ id: string; slug: string } & Record<string, unknown>)[]>;
  createManyAndReturn(args: object): Promise<{ id: string; slug: string }[]>;
  update(args: object): Promise<unknown>;
  deleteMany(args: object): Promise<{ count: number }>;
}

const MODELS: Record<ClaimSubject, { model: (tx: Tx) => SlugModel; kind: RowKind }> = {
  THEME: { model: (tx) => tx.theme as never, kind: "themes" },
  ORGANIZATION: { model: (tx) => tx.organization as never, kind: "organizations" },
  PERSON: { model: (tx) => tx.person as never, kind: "people" },
  EVENT: { model: (tx) => tx.event as never, kind: "events" },
};
const SUBJECTS: ClaimSubject[] = ["THEME", "ORGANIZATION", "PERSON", "EVENT"];

const iso = (start: Date, precision: string) => isoDay(start).slice(0, { YEAR: 4, MONTH: 7, DAY: 10 }[precision as "DAY"]);

/** The columns a subject's row takes from its derivation. */
function columnsOf(subject: ClaimSubject, d: DerivedEntity | DerivedEvent): Record<string, unknown> {
  if (subject === "EVENT") {
    const e = d as DerivedEvent;
    return { title: e.title, summary: e.summary, kind: e.kind, place: e.place, dateStart: e.date.start, dateEnd: e.date.end, datePrecision: e.date.precision };
  }
  const e = d as DerivedEntity;
  if (subject === "THEME") return { name: e.name, description: e.description, aliases: e.aliases, keywords: e.keywords };
  if (subject === "PERSON") return { name: e.name, aliases: e.aliases, roles: e.roles };
  return { name: e.name, aliases: e.aliases };
}

export interface Derivation {
  redirects: Redirects;
  /** Every claim about the subjects, with the resolved slug of its subject. */
  claims: Map<string, StoredClaim[]>;
  /** Claiming documents: id -> slug. */
  documents: Map<string, string>;
  derived: Map<string, DerivedEntity | DerivedEvent>;
  /** slug -> id of each subject that exists now. */
  ids: Record<ClaimSubject, Map<string, string>>;
  /** Ids of subjects no claim names any more (deleted by removeGone). */
  gone: Record<ClaimSubject, string[]>;
  /** People and organizations created, renamed or given other aliases: their mentions change. */
  renamed: Set<string>;
  /** Events whose date changed: their quotes are dated again. */
  redated: Map<string, { dateStart: Date; dateEnd: Date; datePrecision: DerivedEvent["date"]["precision"] }>;
}

export const subjectKey = (subject: ClaimSubject, slug: string) => `${subject}|${slug}`;

/** Loads every claim about the subjects and writes their rows, links and affiliations as the claims say. */
export async function syncSubjects(tx: Tx, touched: Subjects, changes: Changes): Promise<Derivation> {
  const redirects = await loadRedirects(tx);
  const wanted = new Map(SUBJECTS.map((s) => [s, new Set([...(touched.get(s) ?? [])].map((slug) => redirects.resolve(s, slug)))]));
  await lockKeys(tx, SUBJECTS.flatMap((s) => [...wanted.get(s)!, ...(touched.get(s) ?? [])].map((slug) => subjectKey(s, slug))));
  const rows = await tx.claim.findMany({
    where: { OR: SUBJECTS.filter((s) => wanted.get(s)!.size).map((s) => ({ subject: s, slug: { in: redirects.namesOf(s, wanted.get(s)!) } })) },
  });
  const claims = new Map<string, StoredClaim[]>();
  for (const c of rows) {
    const key = subjectKey(c.subject, redirects.resolve(c.subject, c.slug));
    const target = LINK_TARGET[c.property];
    const claim = target ? { ...c, value: redirects.resolve(target, c.value) } : c;
    claims.set(key, [...(claims.get(key) ?? []), claim]);
  }
  const documentRows = await tx.document.findMany({ where: { id: { in: [...new Set(rows.flatMap((c) => (c.documentId ? [c.documentId] : [])))] } }, select: { id: true, slug: true, publishedOn: true } });
  const order = [...documentRows].sort((a, b) => a.publishedOn.getTime() - b.publishedOn.getTime() || (a.slug < b.slug ? -1 : 1));
  const ranks = new Map(order.map((d, i) => [d.id, i]));
  const rank = (id: string) => ranks.get(id) ?? Number.MAX_SAFE_INTEGER;
  const published = new Map(documentRows.map((d) => [d.id, d.publishedOn]));

  const derivation: Derivation = {
    redirects, claims, documents: new Map(documentRows.map((d) => [d.id, d.slug])), derived: new Map(),
    ids: { THEME: new Map(), ORGANIZATION: new Map(), PERSON: new Map(), EVENT: new Map() },
    gone: { THEME: [], ORGANIZATION: [], PERSON: [], EVENT: [] }, renamed: new Set(), redated: new Map(),
  };
  for (const subject of SUBJECTS) {
    const { model, kind } = MODELS[subject];
    // A touched slug that now redirects (a merged person) is looked at too: its row goes.
    const slugs = [...new Set([...wanted.get(subject)!, ...(touched.get(subject) ?? [])])];
    if (!slugs.length) continue;
    const current = new Map((await model(tx).findMany({ where: { slug: { in: slugs } } })).map((r) => [r.slug, r]));
    const created: Record<string, unknown>[] = [];
    for (const slug of slugs) {
      const about = claims.get(subjectKey(subject, slug)) ?? [];
      const row = current.get(slug);
      if (!exists(about)) {
        if (row) derivation.gone[subject].push(row.id);
        if (row && subject === "EVENT") changes.dates.push({ event: slug, from: iso(row.dateStart as Date, row.datePrecision as string), to: null });
        continue;
      }
      const earliest = about.flatMap((c) => (c.documentId ? [published.get(c.documentId)!] : [c.createdAt])).sort((a, b) => a.getTime() - b.getTime())[0]!;
      const derived = subject === "EVENT" ? deriveEvent(slug, about, rank, earliest) : deriveEntity(slug, about, rank);
      derivation.derived.set(subjectKey(subject, slug), derived);
      const data = columnsOf(subject, derived);
      if (!row) created.push({ slug, ...data });
      else {
        derivation.ids[subject].set(slug, row.id);
        if (Object.entries(data).some(([k, v]) => !isDeepStrictEqual(row[k], v))) {
          await model(tx).update({ where: { id: row.id }, data });
          changes.count(kind, "changed", 1);
        }
      }
      if (subject === "EVENT") {
        const date = (derived as DerivedEvent).date;
        const before = row ? iso(row.dateStart as Date, row.datePrecision as string) : null;
        const after = iso(date.start, date.precision);
        if (before !== after) {
          changes.dates.push({ event: slug, from: before, to: after });
          if (row) derivation.redated.set(row.id, { dateStart: date.start, dateEnd: date.end, datePrecision: date.precision });
        }
      } else if (!row || !isDeepStrictEqual([row.name, row.aliases], [data.name, data.aliases])) {
        derivation.renamed.add(subjectKey(subject, slug));
      }
    }
    if (created.length) {
      for (const r of await model(tx).createManyAndReturn({ data: created, select: { id: true, slug: true } })) derivation.ids[subject].set(r.slug, r.id);
      changes.count(kind, "added", created.length);
    }
    for (const slug of slugs) if (!exists(claims.get(subjectKey(subject, slug)) ?? []) && current.has(slug)) derivation.renamed.add(subjectKey(subject, slug));
  }
  await syncEventLinks(tx, derivation, changes);
  await syncAffiliations(tx, derivation, changes);
  return derivation;
}

/** slug -> id for link targets outside the touched subjects. */
async function idsOf(tx: Tx, derivation: Derivation, subject: ClaimSubject, slugs: string[]): Promise<Map<string, string>> {
  const ids = new Map(derivation.ids[subject]);
  const missing = [...new Set(slugs)].filter((s) => !ids.has(s));
  if (missing.length) for (const r of await MODELS[subject].model(tx).findMany({ where: { slug: { in: missing } }, select: { id: true, slug: true } })) ids.set(r.slug, r.id);
  return ids;
}

const LINKS = [
  { property: "THEME", table: "eventTheme", column: "themeId" },
  { property: "PERSON", table: "eventPerson", column: "personId" },
  { property: "ORGANIZATION", table: "eventOrganization", column: "organizationId" },
] as const;

interface LinkModel {
  findMany(args: object): Promise<Record<string, string>[]>;
  deleteMany(args: object): Promise<{ count: number }>;
  createMany(args: object): Promise<{ count: number }>;
}

/** The links of each touched event are exactly the union of the links claimed for it. */
async function syncEventLinks(tx: Tx, derivation: Derivation, changes: Changes): Promise<void> {
  const events = [...derivation.ids.EVENT];
  const eventIds = [...events.map(([, id]) => id), ...derivation.gone.EVENT];
  if (!eventIds.length) return;
  for (const link of LINKS) {
    const field = ({ THEME: "themes", PERSON: "people", ORGANIZATION: "organizations" } as const)[link.property];
    const targets = await idsOf(tx, derivation, link.property, events.flatMap(([slug]) => (derivation.derived.get(subjectKey("EVENT", slug)) as DerivedEvent)[field]));
    // A target without a row is one a curator deleted: its links go with it.
    const wanted = events.flatMap(([slug, eventId]) => (derivation.derived.get(subjectKey("EVENT", slug)) as DerivedEvent)[field]
      .flatMap((t) => (targets.has(t) ? [{ eventId, [link.column]: targets.get(t)! }] : [])));
    const model = tx[link.table] as unknown as LinkModel;
    const current = await model.findMany({ where: { eventId: { in: eventIds } }, select: { eventId: true, [link.column]: true } });
    const key = (r: Record<string, string>) => `${r.eventId}|${r[link.column]}`;
    const want = new Set(wanted.map(key)), have = new Set(current.map(key));
    const extra = current.filter((r) => !want.has(key(r)));
    const missing = wanted.filter((r) => !have.has(key(r)));
    if (extra.length) changes.count("eventLinks", "removed", (await model.deleteMany({ where: { OR: extra.map((r) => ({ eventId: r.eventId, [link.column]: r[link.column] })) } })).count);
    if (missing.length) changes.count("eventLinks", "added", (await model.createMany({ data: missing })).count);
  }
}

/** A touched person's affiliations are exactly those claimed, with the role derived from the claims. */
async function syncAffiliations(tx: Tx, derivation: Derivation, changes: Changes): Promise<void> {
  const people = [...derivation.ids.PERSON];
  const personIds = [...people.map(([, id]) => id), ...derivation.gone.PERSON];
  if (!personIds.length) return;
  const given = people.flatMap(([slug, personId]) => [...(derivation.derived.get(subjectKey("PERSON", slug)) as DerivedEntity).affiliations].map(([organization, role]) => ({ personId, organization, role })));
  const organizations = await idsOf(tx, derivation, "ORGANIZATION", given.map((g) => g.organization));
  const wanted = given.flatMap(({ personId, organization, role }) => (organizations.has(organization) ? [{ personId, organizationId: organizations.get(organization)!, role }] : []));
  const current = await tx.affiliation.findMany({ where: { personId: { in: personIds } } });
  const key = (r: { personId: string; organizationId: string }) => `${r.personId}|${r.organizationId}`;
  const want = new Map(wanted.map((r) => [key(r), r])), have = new Map(current.map((r) => [key(r), r]));
  const extra = current.filter((r) => !want.has(key(r)));
  if (extra.length) changes.count("affiliations", "removed", (await tx.affiliation.deleteMany({ where: { OR: extra.map(({ personId, organizationId }) => ({ personId, organizationId })) } })).count);
  const missing = wanted.filter((r) => !have.has(key(r)));
  if (missing.length) changes.count("affiliations", "added", (await tx.affiliation.createMany({ data: missing })).count);
  for (const r of wanted) {
    const row = have.get(key(r));
    if (row && row.role !== r.role) {
      await tx.affiliation.update({ where: { personId_organizationId: { personId: r.personId, organizationId: r.organizationId } }, data: { role: r.role } });
      changes.count("affiliations", "changed", 1);
    }
  }
}

/** Deletes the subjects no claim names any more; call once nothing of the document points at them. */
export async function removeGone(tx: Tx, derivation: Derivation, changes: Changes): Promise<void> {
  for (const subject of [...SUBJECTS].reverse()) {
    const ids = derivation.gone[subject];
    if (ids.length) changes.count(MODELS[subject].kind, "removed", (await MODELS[subject].model(tx).deleteMany({ where: { id: { in: ids } } })).count);
  }
}

/** Quotes of re-dated events take their event's date, whichever document they come from. */
export async function redateQuotes(tx: Tx, derivation: Derivation, changes: Changes): Promise<void> {
  for (const [eventId, date] of derivation.redated) {
    const stale = { eventId, OR: [{ dateStart: { not: date.dateStart } }, { datePrecision: { not: date.datePrecision } }] };
    changes.count("quotes", "changed", (await tx.quote.updateMany({ where: stale, data: date })).count);
  }
}
