/**
 * What `npm run bench` asks: the GraphQL operations (Relay connection shape) sent to our service, and
 * for the deep query and the 50 quotes the matching request to the SQL floor (bench/floor.ts).
 * Each scenario says how to count its items, so the runner can check both answers agree in size.
 */
import type { ThemePick } from "./lib.ts";
import { SEARCH_TERM } from "./words.ts";

export const DEEP = `query Deep($slug: String!) { theme(slug: $slug) { name events(first: 20) { nodes { slug title date { iso precision }
  people(first: 20) { nodes { slug name } } organizations(first: 20) { nodes { slug name } }
  quotes(first: 5) { nodes { text kind speaker { slug name } } } } } } }`;

export const LATEST_QUOTES = `query LatestQuotes { quotes(first: 50) { nodes { text kind date { iso } speaker { slug name } } } }`;

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
