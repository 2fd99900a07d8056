/**
 * What `npm run bench` asks: the GraphQL operations (Relay connection shape) sent to our service, and
 * for the deep query and the 50 quotes the matching requests to PostGraphile (bench/postgraphile.ts)
 * and to the SQL floor (bench/floor.ts). Each scenario says how to count its items; the runner checks
 * that every target's answer equals ours item for item before it measures anything.
 */
import type { ThemePick } from "./lib.ts";
import { SEARCH_TERM } from "./words.ts";

export const DEEP = `query Deep($slug: String!) { theme(slug: $slug) { name events(first: 20) { nodes { slug title date { iso precision }
  people(first: 20) { nodes { slug name } } organizations(first: 20) { nodes { slug name } }
  quotes(first: 5) { nodes { text kind speaker { slug name } } } } } } }`;

export const LATEST_QUOTES = `query LatestQuotes { quotes(first: 50) { nodes { text kind date { iso } speaker { slug name } } } }`;

/**
 * The deep query in PostGraphile's schema, with our orderings spelled out (a theme's events latest
 * first, people and organizations by name, an event's quotes in document order; the row id breaks
 * ties, as ours does) and aliased to our field names, so that its answer is the same JSON as ours.
 */
export const PG_DEEP = `query Deep($slug: String!) { theme: themeBySlug(slug: $slug) { name
  events(first: 20, orderBy: [DATE_START_DESC, ROW_ID_DESC]) { nodes { slug title date { iso precision }
  people(first: 20, orderBy: [NAME_ASC, ROW_ID_ASC]) { nodes { slug name } }
  organizations(first: 20, orderBy: [NAME_ASC, ROW_ID_ASC]) { nodes { slug name } }
  quotes(first: 5, orderBy: [DOCUMENT_ID_ASC, START_ASC, ROW_ID_ASC]) { nodes { text kind speaker { slug name } } } } } } }`;

export const PG_LATEST_QUOTES = `query LatestQuotes { quotes(first: 50, orderBy: [DATE_START_DESC, ROW_ID_DESC]) {
  nodes { text kind date { iso } speaker { slug name } } } }`;

export const SEARCH = `query Search($q: String!) { search(query: $q, first: 20) { nodes { rank snippet item { __typename
  ... on Event { slug } ... on Quote { slug } ... on Person { slug } ... on Organization { slug } ... on Theme { slug } ... on Document { slug } } } } }`;

export const TIMELINE = `query Timeline($slug: String!) { theme(slug: $slug) { timeline(granularity: MONTH) { period count } } }`;

// Loose JSON access: the runner validates shapes by counting, and fails on anything missing.
type Json = any;

export interface Scenario {
  /** Row label in the results table. */
  name: string;
  /** Stable key for the JSON results and for comparing runs. */
  key: string;
  /** POST body for /graphql. */
  body: string;
  /** Items in a `{ data }` answer (events, quotes, hits, periods); throws when the shape is wrong. */
  count: (data: Json) => number;
  /** PostGraphile's equivalent request (POST /graphql), when there is one. */
  postgraphile?: string;
  /** The floor's equivalent request, when there is one. */
  floor?: { path: string; body: string };
}

const gql = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
const deepCount = (data: Json) => data.theme.events.nodes.length as number;

export function scenarios(popular: ThemePick, typical: ThemePick): Scenario[] {
  const deep = (label: string, key: string, theme: ThemePick): Scenario => ({
    name: `deep, ${label} theme (${theme.slug}, ${theme.events} events)`,
    key,
    body: gql(DEEP, { slug: theme.slug }),
    count: deepCount,
    postgraphile: gql(PG_DEEP, { slug: theme.slug }),
    floor: { path: "/deep", body: JSON.stringify({ slug: theme.slug }) },
  });
  return [
    deep("popular", "deep-popular", popular),
    deep("typical", "deep-typical", typical),
    {
      name: "50 latest quotes with speakers",
      key: "quotes",
      body: gql(LATEST_QUOTES),
      count: (data) => data.quotes.nodes.length,
      postgraphile: gql(PG_LATEST_QUOTES),
      floor: { path: "/quotes", body: "{}" },
    },
    { name: `search "${SEARCH_TERM}", first 20`, key: "search", body: gql(SEARCH, { q: SEARCH_TERM }), count: (data) => data.search.nodes.length },
    {
      name: `timeline by month (${popular.slug})`,
      key: "timeline",
      body: gql(TIMELINE, { slug: popular.slug }),
      count: (data) => data.theme.timeline.length,
    },
  ];
}

/**
 * Where two answers first differ, as a path and both values (`theme.events.nodes[3].title: "A" vs
 * "B"`), or undefined when they are equal: same keys, same values, lists in the same order.
 */
export function firstDifference(ours: unknown, theirs: unknown, at = "data"): string | undefined {
  const shown = (value: unknown) => JSON.stringify(value)?.slice(0, 160) ?? "undefined";
  if (Array.isArray(ours) && Array.isArray(theirs)) {
    for (let i = 0; i < Math.max(ours.length, theirs.length); i++) {
      if (i >= ours.length || i >= theirs.length) return `${at}: ${ours.length} items in ours, ${theirs.length} in theirs`;
      const found = firstDifference(ours[i], theirs[i], `${at}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (ours && theirs && typeof ours === "object" && typeof theirs === "object" && !Array.isArray(ours) && !Array.isArray(theirs)) {
    const a = ours as Record<string, unknown>, b = theirs as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(key in b)) return `${at}.${key}: ${shown(a[key])} in ours, missing in theirs`;
      if (!(key in a)) return `${at}.${key}: missing in ours, ${shown(b[key])} in theirs`;
      const found = firstDifference(a[key], b[key], `${at}.${key}`);
      if (found) return found;
    }
    return undefined;
  }
  return Object.is(ours, theirs) ? undefined : `${at}: ${shown(ours)} in ours, ${shown(theirs)} in theirs`;
}
