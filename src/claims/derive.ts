/**
 * What the graph shows, derived from the claims about one subject (docs/annotation-format.md,
 * "Claims"). Pure, and independent of the order claims arrived in: ties are broken by the claiming
 * documents' publication day and slug, never by when they were ingested.
 * - A curator's claim settles a single value (the latest curator claim wins); a curator's denial
 *   of a value takes it out of every list and choice, and a denial of the empty value clears it.
 * - Otherwise a single value (name, title, summary, kind, place, description) is the one most
 *   documents give; on a tie, the one the earliest document gives.
 * - Lists (aliases, roles, keywords, links) are the union of every claim; names not chosen as the
 *   name become aliases.
 * - A date is the finest date every date claim agrees with (see deriveDate).
 */
import type { ClaimProperty, ClaimSubject, DatePrecision } from "../generated/prisma/enums.ts";
import { lastDay, parsePartialDate } from "../partial-date.ts";

export interface ClaimLike {
  documentId: string | null;
  curator: string | null;
  property: ClaimProperty;
  value: string;
  note: string | null;
  position: number;
  /** The subject's slug as the claim wrote it (a merged slug, for claims that now count for another). */
  slug?: string;
  /** A curator's denial (documents never deny). */
  denied: boolean;
  createdAt: Date;
  id: string;
}

/** A document's place in the tie-break order: earlier publication first, then slug. */
export type Rank = (documentId: string) => number;

export interface DerivedDate {
  start: Date;
  end: Date;
  precision: DatePrecision;
  /** Two claims name days (months, years) that cannot both be true. */
  conflict: boolean;
}

export interface DerivedEntity {
  name: string;
  /** Names the documents give (the name first, then the aliases): what mentions are found by. */
  names: string[];
  aliases: string[];
  roles: string[];
  keywords: string[];
  description: string | null;
  /** Organization slug -> role, for a person. */
  affiliations: Map<string, string | null>;
}

export interface DerivedEvent {
  title: string;
  summary: string | null;
  kind: string | null;
  place: string | null;
  date: DerivedDate;
  people: string[];
  organizations: string[];
  themes: string[];
}

const latestFirst = (a: ClaimLike, b: ClaimLike) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : 1);

/**
 * Claims in list order: documents by rank, then curators oldest first; within each, claims about
 * the subject's own slug before those about slugs merged into it, the name first, then the file's order.
 */
function inListOrder(claims: ClaimLike[], rank: Rank, home?: string): ClaimLike[] {
  const source = (c: ClaimLike) => (c.documentId === null ? Number.MAX_SAFE_INTEGER : rank(c.documentId));
  const time = (c: ClaimLike) => (c.documentId === null ? c.createdAt.getTime() : 0);
  const away = (c: ClaimLike) => (home !== undefined && c.slug !== undefined && c.slug !== home ? 1 : 0);
  const nameFirst = (c: ClaimLike) => (c.property === "NAME" ? 0 : 1);
  return [...claims].sort((a, b) => source(a) - source(b) || time(a) - time(b) || away(a) - away(b) || nameFirst(a) - nameFirst(b) || a.position - b.position || (a.id < b.id ? -1 : 1));
}

/** The latest curator claim per value: a denial there takes the value out. */
function curatorVerdicts(claims: ClaimLike[]): Map<string, ClaimLike> {
  const verdicts = new Map<string, ClaimLike>();
  for (const c of claims.filter((c) => c.documentId === null).sort(latestFirst)) if (!verdicts.has(c.value)) verdicts.set(c.value, c);
  return verdicts;
}

/** The claims that stand: documents' claims of values no curator denies, and curators' latest assertions. */
function standing(claims: ClaimLike[]): ClaimLike[] {
  const verdicts = curatorVerdicts(claims);
  return claims.filter((c) => (c.documentId === null ? verdicts.get(c.value) === c && !c.denied : !verdicts.get(c.value)?.denied));
}

/** The one value of a single-valued property, or null when nobody claims one. */
export function pick(claims: ClaimLike[], rank: Rank, home?: string): string | null {
  if (!claims.length) return null;
  const latestCurated = claims.filter((c) => c.documentId === null).sort(latestFirst)[0];
  if (latestCurated?.denied && latestCurated.value === "") return null;
  const stand = standing(claims);
  const asserted = stand.filter((c) => c.documentId === null).sort(latestFirst)[0];
  if (asserted) return asserted.value;
  const byValue = new Map<string, { documents: Set<string>; first: number; away: number }>();
  for (const c of stand) {
    if (c.documentId === null) continue;
    const entry = byValue.get(c.value) ?? { documents: new Set<string>(), first: Number.MAX_SAFE_INTEGER, away: 1 };
    entry.documents.add(c.documentId);
    entry.first = Math.min(entry.first, rank(c.documentId));
    if (home === undefined || c.slug === undefined || c.slug === home) entry.away = 0;
    byValue.set(c.value, entry);
  }
  // Most documents; then the earliest document; then what is said of the subject's own slug
  // rather than of a slug merged into it.
  const [best] = [...byValue].sort(([va, a], [vb, b]) => b.documents.size - a.documents.size || a.first - b.first || a.away - b.away || (va < vb ? -1 : 1));
  return best?.[0] ?? null;
}

const uniqueValues = (claims: ClaimLike[], rank: Rank, home?: string) => [...new Set(inListOrder(standing(claims), rank, home).map((c) => c.value))];

/** A subject exists while some claim names it, unless a curator's latest word on it is a denial (a deleted theme). */
export function exists(claims: ClaimLike[]): boolean {
  const latestReference = claims.filter((c) => c.documentId === null && c.property === "REFERENCE").sort(latestFirst)[0];
  return claims.length > 0 && !latestReference?.denied;
}

const nested = (inner: { start: Date; end: Date }, outer: { start: Date; end: Date }) => inner.start >= outer.start && inner.end <= outer.end;

/** The month and the year around a partial date (and itself): the dates it is compatible with and coarser. */
function coarserOrEqual(d: { start: Date; precision: DatePrecision }) {
  const year = d.start.getUTCFullYear();
  const units = [{ start: new Date(Date.UTC(year, 0, 1)), precision: "YEAR" as DatePrecision }];
  if (d.precision !== "YEAR") units.push({ start: new Date(Date.UTC(year, d.start.getUTCMonth(), 1)), precision: "MONTH" });
  if (d.precision === "DAY") units.push({ start: d.start, precision: "DAY" });
  return units.map((u) => ({ ...u, end: lastDay(u.start, u.precision) }));
}

/**
 * The finest date every claim agrees with: one that each claim either contains or lies within.
 * Claims of 2023, 2023-02-21 and 2023-02-21 give 2023-02-21; add one of 2023-02-22 and they share
 * only February 2023, which is shown (with the conflict) until a curator's claim settles it. With
 * no date claim at all, the year of the earliest report (`fallback`).
 */
export function deriveDate(claims: ClaimLike[], fallback: Date, rank: Rank): DerivedDate {
  const latestCurated = claims.filter((c) => c.documentId === null).sort(latestFirst)[0];
  const settled = latestCurated && !latestCurated.denied ? [latestCurated] : standing(claims).filter((c) => c.documentId !== null);
  const claimed = settled.flatMap((c) => {
    const d = parsePartialDate(c.value);
    return d ? [{ ...d, claim: c }] : [];
  });
  const dates = claimed;
  if (!dates.length) {
    const start = new Date(Date.UTC(fallback.getUTCFullYear(), 0, 1));
    return { start, end: lastDay(start, "YEAR"), precision: "YEAR", conflict: false };
  }
  const conflict = dates.some((a) => dates.some((b) => !nested(a, b) && !nested(b, a)));
  const candidates = dates.flatMap(coarserOrEqual)
    .filter((u) => dates.every((d) => nested(d, u) || nested(u, d)))
    .sort((a, b) => a.end.getTime() - a.start.getTime() - (b.end.getTime() - b.start.getTime()) || a.start.getTime() - b.start.getTime());
  // Claims in different years share nothing: the year most documents claim (on a tie, the earliest
  // document's) stands, with the conflict shown.
  const year = (d: (typeof claimed)[number]) => String(d.start.getUTCFullYear());
  const chosen = candidates[0] ?? coarserOrEqual(claimed.find((d) => year(d) === pick(claimed.map((d) => ({ ...d.claim, value: year(d) })), rank))!)[0]!;
  return { start: chosen.start, end: chosen.end, precision: chosen.precision, conflict };
}

const of = (claims: ClaimLike[], property: ClaimProperty) => claims.filter((c) => c.property === property);

/** A person, organization or theme from its claims; `slug` names it until some claim does. */
export function deriveEntity(slug: string, claims: ClaimLike[], rank: Rank): DerivedEntity {
  const named = of(claims, "NAME");
  const name = pick(named, rank, slug);
  const names = uniqueValues([...named, ...of(claims, "ALIAS")], rank, slug);
  const ordered = name === null ? names : [name, ...names.filter((n) => n !== name)];
  const affiliations = new Map<string, string | null>();
  for (const c of inListOrder(of(claims, "AFFILIATION"), rank)) if (!affiliations.has(c.value)) affiliations.set(c.value, null);
  for (const organization of affiliations.keys()) {
    const roles = of(claims, "AFFILIATION").filter((c) => c.value === organization && c.note !== null);
    affiliations.set(organization, pick(roles.map((c) => ({ ...c, value: c.note! })), rank, slug));
  }
  return {
    name: name ?? slug,
    names: ordered,
    aliases: ordered.slice(1),
    roles: uniqueValues(of(claims, "ROLE"), rank, slug),
    keywords: uniqueValues(of(claims, "KEYWORD"), rank, slug),
    description: pick(of(claims, "DESCRIPTION"), rank),
    affiliations,
  };
}

/** An event from its claims; `fallback` dates it when no claim does. */
export function deriveEvent(slug: string, claims: ClaimLike[], rank: Rank, fallback: Date): DerivedEvent {
  return {
    title: pick(of(claims, "TITLE"), rank) ?? slug,
    summary: pick(of(claims, "SUMMARY"), rank),
    kind: pick(of(claims, "KIND"), rank),
    place: pick(of(claims, "PLACE"), rank),
    date: deriveDate(of(claims, "DATE"), fallback, rank),
    people: uniqueValues(of(claims, "PERSON"), rank),
    organizations: uniqueValues(of(claims, "ORGANIZATION"), rank),
    themes: uniqueValues(of(claims, "THEME"), rank),
  };
}

/** Single-valued properties: two different values of one of these are a conflict. */
export const SINGLE_VALUED: ReadonlySet<ClaimProperty> = new Set(["NAME", "TITLE", "SUMMARY", "KIND", "PLACE", "DESCRIPTION", "DATE"]);

export type { ClaimProperty, ClaimSubject };
