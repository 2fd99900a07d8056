/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How much of a date the source gives. */
export type DatePrecision =
  | 'DAY'
  | 'MONTH'
  | 'YEAR';

/** Whether the words are the speaker's own. */
export type QuoteKind =
  /** Verbatim, inside quotation marks in the source. */
  | 'DIRECT'
  /** Reported speech: the source's sentence, not the speaker's words. */
  | 'PARAPHRASE';

export type SearchQueryVariables = Exact<{
  query?: string;
}>;


export type SearchQuery = { search: { totalCount: number, nodes: Array<{ rank: number, snippet: string, item:
        | { __typename: 'Document', title: string }
        | { __typename: 'Event', title: string, date: { iso: string } }
        | { __typename: 'Organization' }
        | { __typename: 'Person' }
        | { __typename: 'Quote', text: string, speaker: { name: string } | null }
        | { __typename: 'Theme', name: string }
       }> } };

export type ThemeEventsQuotesQueryVariables = Exact<{
  slug?: string;
}>;


export type ThemeEventsQuotesQuery = { theme: { name: string, events: { totalCount: number, nodes: Array<{ title: string, date: { iso: string, precision: DatePrecision }, quotes: { nodes: Array<{ text: string, kind: QuoteKind, speaker: { name: string } | null }> } }> } } | null };

export type TimelineQueryVariables = Exact<{
  slug?: string;
}>;


export type TimelineQuery = { theme: { name: string, timeline: Array<{ period: string, count: number }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const SearchDocument = new TypedDocumentString(`
    query Search($query: String! = "space station") {
  search(query: $query, first: 10) {
    totalCount
    nodes {
      rank
      snippet
      item {
        __typename
        ... on Event {
          title
          date {
            iso
          }
        }
        ... on Quote {
          text
          speaker {
            name
          }
        }
        ... on Theme {
          name
        }
        ... on Document {
          title
        }
      }
    }
  }
}
    `, {"hash":"sha256:41bd4b50e742ab5bafef84f724d91feb5187f3a1fd42aeeac3043617e0abfa21"}) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const ThemeEventsQuotesDocument = new TypedDocumentString(`
    query ThemeEventsQuotes($slug: String! = "basic-research") {
  theme(slug: $slug) {
    name
    events(first: 10) {
      totalCount
      nodes {
        title
        date {
          iso
          precision
        }
        quotes(first: 5) {
          nodes {
            text
            kind
            speaker {
              name
            }
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:af81391cdb53fc405b2a1195a1d1b2212967bfdcaa96b48f541ddad8b3929a32"}) as unknown as TypedDocumentString<ThemeEventsQuotesQuery, ThemeEventsQuotesQueryVariables>;
export const TimelineDocument = new TypedDocumentString(`
    query Timeline($slug: String! = "space") {
  theme(slug: $slug) {
    name
    timeline(granularity: YEAR) {
      period
      count
    }
  }
}
    `, {"hash":"sha256:ed19d2efbe5f078ec62a9804f4ac86fce28a4c637a6c559d4116df4abc7e3250"}) as unknown as TypedDocumentString<TimelineQuery, TimelineQueryVariables>;