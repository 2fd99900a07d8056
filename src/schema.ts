/**
 * The GraphQL schema, built from the resolvers listed once here. The server and the
 * schema.graphql emitter (scripts/emit-schema.ts) both call `buildAppSchema`.
 */
import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import { DocumentResolver, EvidenceResolver } from "./document/document.resolver.ts";
import {
  EventResolver,
  OrganizationEventsResolver,
  PersonEventsResolver,
  QuoteEventResolver,
  ThemeEventsResolver,
} from "./event/event.resolver.ts";
import { NodeIdResolver } from "./graphql/node.ts";
import { NodeResolver } from "./graphql/node.resolver.ts";
import {
  AffiliationResolver,
  EventOrganizationsResolver,
  OrganizationResolver,
  PersonOrganizationsResolver,
  RelatedOrganizationResolver,
} from "./organization/organization.resolver.ts";
import { CoSpeakerResolver, EventPeopleResolver, PersonResolver, QuoteSpeakerResolver } from "./person/person.resolver.ts";
import { SearchResolver } from "./search/search.resolver.ts";
import { EventQuotesResolver, PersonQuotesResolver, QuoteResolver } from "./quote/quote.resolver.ts";
import { EventThemesResolver, QuoteThemesResolver, RelatedThemeResolver, ThemeResolver } from "./theme/theme.resolver.ts";

const resolvers: NonEmptyArray<Function> = [
  NodeIdResolver,
  NodeResolver,
  ThemeResolver,
  RelatedThemeResolver,
  EventThemesResolver,
  QuoteThemesResolver,
  EventResolver,
  ThemeEventsResolver,
  PersonEventsResolver,
  OrganizationEventsResolver,
  QuoteEventResolver,
  PersonResolver,
  CoSpeakerResolver,
  EventPeopleResolver,
  QuoteSpeakerResolver,
  OrganizationResolver,
  RelatedOrganizationResolver,
  AffiliationResolver,
  PersonOrganizationsResolver,
  EventOrganizationsResolver,
  QuoteResolver,
  EventQuotesResolver,
  PersonQuotesResolver,
  DocumentResolver,
  EvidenceResolver,
  SearchResolver,
];

export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: false });
}
