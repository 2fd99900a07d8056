import { createUnionType, Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { Document } from "../document/document.type.ts";
import { Event } from "../event/event.type.ts";
import { Connection } from "../graphql/types/connection.ts";
import { Organization } from "../organization/organization.type.ts";
import { Person } from "../person/person.type.ts";
import { Quote } from "../quote/quote.type.ts";
import { Theme } from "../theme/theme.type.ts";

export const SearchResult = createUnionType({
  name: "SearchResult",
  description: "Anything search can find.",
  types: () => [Event, Quote, Person, Organization, Theme, Document] as const,
  resolveType: (value) => (value as { __typename?: string }).__typename,
});

export enum SearchType {
  Event = "Event",
  Quote = "Quote",
  Person = "Person",
  Organization = "Organization",
  Theme = "Theme",
  Document = "Document",
}
registerEnumType(SearchType, { name: "SearchType", description: "A kind of object search can find." });

@ObjectType({ description: "One search result, ranked, with the matching words marked in a snippet." })
export class SearchHit {
  @Field(() => Float, { description: "Relevance (PostgreSQL ts_rank; title-like fields weigh more). Higher is better." })
  rank!: number;

  @Field(() => String, { description: "A short excerpt with matches wrapped in <mark>…</mark>; the rest is the source's plain text, not HTML-escaped." })
  snippet!: string;

  @Field(() => SearchResult)
  item!: typeof SearchResult;
}

export const SearchHitConnection = Connection(SearchHit);
