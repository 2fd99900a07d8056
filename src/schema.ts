/**
 * The GraphQL schema, built from the resolvers listed once here. The server and the
 * schema.graphql emitter (scripts/emit-schema.ts) both call `buildAppSchema`.
 */
import "reflect-metadata";
import { defaultFieldResolver, isAbstractType, type GraphQLSchema } from "graphql";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import { ClaimMutationResolver } from "./claims/claims.mutation.ts";
import { CuratorResolver } from "./auth/curator.resolver.ts";
import { ClaimResolver, DocumentClaimsResolver, EventClaimsResolver, OrganizationClaimsResolver, PersonClaimsResolver, ThemeClaimsResolver } from "./claims/claims.resolver.ts";
import { DocumentMutationResolver } from "./document/document.mutation.ts";
import { DocumentResolver, EvidenceResolver } from "./document/document.resolver.ts";
import { EventOrganizationsResolver, EventPeopleResolver, EventQuotesResolver, EventResolver, EventThemesResolver } from "./event/event.resolver.ts";
import type { Context } from "./context.ts";
import { withStatementCount } from "./db/statement-counter.ts";
import { authChecker } from "./graphql/auth.ts";
import { directResolvers } from "./graphql/direct-resolvers.ts";
import { NodeIdResolver } from "./graphql/types/node.ts";
import { NodeResolver } from "./graphql/types/node.resolver.ts";
import { AffiliationResolver, OrganizationEventsResolver, OrganizationQuotesResolver, OrganizationResolver, RelatedOrganizationResolver } from "./organization/organization.resolver.ts";
import { OrganizationMutationResolver } from "./organization/organization.mutation.ts";
import { PersonMutationResolver } from "./person/person.mutation.ts";
import { CoSpeakerResolver, PersonEventsResolver, PersonOrganizationsResolver, PersonQuotesResolver, PersonResolver } from "./person/person.resolver.ts";
import { SearchResolver } from "./search/search.resolver.ts";
import { QuoteEventResolver, QuoteResolver, QuoteSpeakerResolver, QuoteThemesResolver } from "./quote/quote.resolver.ts";
import { ExtractDraftResolver } from "./extract/extract-draft.mutation.ts";
import { ThemeMutationResolver } from "./theme/theme.mutation.ts";
import { RelatedThemeResolver, ThemeEventsResolver, ThemeResolver } from "./theme/theme.resolver.ts";

const resolvers: NonEmptyArray<Function> = [
  NodeIdResolver,
  NodeResolver,
  ClaimResolver,
  ClaimMutationResolver,
  EventClaimsResolver,
  DocumentClaimsResolver,
  PersonClaimsResolver,
  OrganizationClaimsResolver,
  ThemeClaimsResolver,
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
  OrganizationQuotesResolver,
  DocumentResolver,
  CuratorResolver,
  EvidenceResolver,
  SearchResolver,
  // Writes: each mutation is @Authorized (an API token, graphql/auth.ts).
  ThemeMutationResolver,
  PersonMutationResolver,
  OrganizationMutationResolver,
  DocumentMutationResolver,
  ExtractDraftResolver,
];

/**
 * Abstract types (Node, SearchResult) resolve by the `__typename` our resolvers put on the rows
 * they return, synchronously: type-graphql's own resolveType is async, which graphql-jit
 * (read/execute.ts) does not accept.
 */
function resolveByTypename(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type)) type.resolveType = (value: { __typename?: string }) => value.__typename;
  }
  return schema;
}

/**
 * Mutations are where Prisma runs per request; its statements count into the request's counter only
 * inside `withStatementCount` (db/statement-counter.ts says why reads stay outside).
 */
function countMutationStatements(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context: Context, info) => withStatementCount(context.sql, () => resolve(source, args, context, info));
  }
  return schema;
}

export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers, validate: false, authChecker });
  directResolvers(schema, resolvers);
  return countMutationStatements(resolveByTypename(schema));
}
