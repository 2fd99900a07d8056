import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, Info } from "type-graphql";
import type { EventRow, OrganizationRow, PersonRow } from "../db/rows.ts";
import { EventListArgs, eventRequest } from "../event/event.input.ts";
import { EventConnection } from "../event/event.type.ts";
import { QuoteListArgs, QuoteOrder, quoteListRequest } from "../quote/quote.input.ts";
import type { QuoteRow } from "../quote/quote.loaders.ts";
import { QuoteConnection } from "../quote/quote.type.ts";
import type { Context } from "../context.ts";
import type { WithShared } from "../db/co-occurrence.ts";
import { byName, documentOrder, mostSharedFirst } from "../db/orderings.ts";
import { ConnectionArgs, nestedConnection, pageRequest, rootConnection, type ConnectionValue } from "../graphql/types/connection.ts";
import { NamedListArgs, namedListRequest } from "../person/person.input.ts";
import { Person } from "../person/person.type.ts";
import { Affiliation, AffiliationConnection } from "./affiliation.type.ts";
import { EvidenceConnection, type EvidenceRow } from "../document/evidence.type.ts";
import { allOrganizations, type AffiliationRow } from "./organization.loaders.ts";
import { Organization, OrganizationConnection, RelatedOrganization, RelatedOrganizationConnection } from "./organization.type.ts";
import { findBySlug } from "../db/lookup.ts";

type Affiliations = Promise<ConnectionValue<AffiliationRow>>;
type Events = Promise<ConnectionValue<EventRow>>;
type Quotes = Promise<ConnectionValue<QuoteRow>>;

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: "The organization with this slug, or null." })
  organization(@Arg("slug", () => String) slug: string, @Ctx() { raw }: Context): Promise<OrganizationRow | null> {
    return findBySlug(raw, "Organization", slug);
  }

  @Query(() => OrganizationConnection, { description: "Organizations in name order." })
  organizations(@Args(() => NamedListArgs) args: NamedListArgs, @Ctx() { raw }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<OrganizationRow>> {
    return rootConnection(raw, allOrganizations, info, () => namedListRequest(args));
  }

  @FieldResolver(() => AffiliationConnection, { description: "Its members, in name order, with their roles." })
  people(@Root() org: OrganizationRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Affiliations {
    return nestedConnection(loaders.organization.affiliationsByOrganization, org.id, info, () => pageRequest(page, byName));
  }

  @FieldResolver(() => EvidenceConnection, { description: "Where documents name this organization (by name or alias), in document order." })
  mentions(@Root() org: OrganizationRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<EvidenceRow>> {
    return nestedConnection(loaders.document.mentionsOfOrganization, org.id, info, () => pageRequest(page, documentOrder));
  }

  @FieldResolver(() => RelatedOrganizationConnection, { description: "Organizations in the same events, most shared first." })
  relatedOrganizations(@Root() org: OrganizationRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<WithShared<OrganizationRow>>> {
    return nestedConnection(loaders.organization.related, org.id, info, () => pageRequest(page, mostSharedFirst));
  }
}

@Resolver(() => RelatedOrganization)
export class RelatedOrganizationResolver {
  @FieldResolver(() => Organization)
  organization(@Root() row: WithShared<OrganizationRow>): OrganizationRow {
    return row;
  }
}

@Resolver(() => Affiliation)
export class AffiliationResolver {
  @FieldResolver(() => Person)
  async person(@Root() row: AffiliationRow, @Ctx() { loaders }: Context): Promise<PersonRow> {
    return (await loaders.person.byId.load(row.personId))!;
  }

  @FieldResolver(() => Organization)
  async organization(@Root() row: AffiliationRow, @Ctx() { loaders }: Context): Promise<OrganizationRow> {
    return (await loaders.organization.byId.load(row.organizationId))!;
  }
}

@Resolver(() => Organization)
export class OrganizationQuotesResolver {
  @FieldResolver(() => QuoteConnection, { description: "What this organization said (its statements), latest first unless orderBy says otherwise." })
  quotes(@Root() org: OrganizationRow, @Args(() => QuoteListArgs) args: QuoteListArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Quotes {
    return nestedConnection(loaders.quote.byOrganization, org.id, info, () => quoteListRequest(args, QuoteOrder.LATEST_FIRST));
  }
}

@Resolver(() => Organization)
export class OrganizationEventsResolver {
  @FieldResolver(() => EventConnection, { description: "Events this organization took part in." })
  events(@Root() org: OrganizationRow, @Args(() => EventListArgs) args: EventListArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Events {
    return nestedConnection(loaders.event.byOrganization, org.id, info, () => eventRequest(args));
  }
}
