/* eslint-disable */
import * as types from './graphql.ts';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Search($query: String! = \"space station\") {\n  search(query: $query, first: 10) {\n    totalCount\n    nodes {\n      rank\n      snippet\n      item {\n        __typename\n        ... on Event {\n          title\n          date {\n            iso\n          }\n        }\n        ... on Quote {\n          text\n          speaker {\n            name\n          }\n        }\n        ... on Theme {\n          name\n        }\n        ... on Document {\n          title\n        }\n      }\n    }\n  }\n}": typeof types.SearchDocument,
    "query ThemeEventsQuotes($slug: String! = \"basic-research\") {\n  theme(slug: $slug) {\n    name\n    events(first: 10) {\n      totalCount\n      nodes {\n        title\n        date {\n          iso\n          precision\n        }\n        quotes(first: 5) {\n          nodes {\n            text\n            kind\n            speaker {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.ThemeEventsQuotesDocument,
    "query Timeline($slug: String! = \"space\") {\n  theme(slug: $slug) {\n    name\n    timeline(granularity: YEAR) {\n      period\n      count\n    }\n  }\n}": typeof types.TimelineDocument,
};
const documents: Documents = {
    "query Search($query: String! = \"space station\") {\n  search(query: $query, first: 10) {\n    totalCount\n    nodes {\n      rank\n      snippet\n      item {\n        __typename\n        ... on Event {\n          title\n          date {\n            iso\n          }\n        }\n        ... on Quote {\n          text\n          speaker {\n            name\n          }\n        }\n        ... on Theme {\n          name\n        }\n        ... on Document {\n          title\n        }\n      }\n    }\n  }\n}": types.SearchDocument,
    "query ThemeEventsQuotes($slug: String! = \"basic-research\") {\n  theme(slug: $slug) {\n    name\n    events(first: 10) {\n      totalCount\n      nodes {\n        title\n        date {\n          iso\n          precision\n        }\n        quotes(first: 5) {\n          nodes {\n            text\n            kind\n            speaker {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.ThemeEventsQuotesDocument,
    "query Timeline($slug: String! = \"space\") {\n  theme(slug: $slug) {\n    name\n    timeline(granularity: YEAR) {\n      period\n      count\n    }\n  }\n}": types.TimelineDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Search($query: String! = \"space station\") {\n  search(query: $query, first: 10) {\n    totalCount\n    nodes {\n      rank\n      snippet\n      item {\n        __typename\n        ... on Event {\n          title\n          date {\n            iso\n          }\n        }\n        ... on Quote {\n          text\n          speaker {\n            name\n          }\n        }\n        ... on Theme {\n          name\n        }\n        ... on Document {\n          title\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql.ts').SearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ThemeEventsQuotes($slug: String! = \"basic-research\") {\n  theme(slug: $slug) {\n    name\n    events(first: 10) {\n      totalCount\n      nodes {\n        title\n        date {\n          iso\n          precision\n        }\n        quotes(first: 5) {\n          nodes {\n            text\n            kind\n            speaker {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql.ts').ThemeEventsQuotesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Timeline($slug: String! = \"space\") {\n  theme(slug: $slug) {\n    name\n    timeline(granularity: YEAR) {\n      period\n      count\n    }\n  }\n}"): typeof import('./graphql.ts').TimelineDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
