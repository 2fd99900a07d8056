import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type {
  Affiliation as AffiliationRow,
  Event as EventRow,
  Organization as OrganizationRow,
  Person as PersonRow,
} from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { PageArgs, pageSize } from "../graphql/paging.ts";
import { Event } from "../event/event.type.ts";
import { Person } from "../person/person.type.ts";
import { Affiliation } from "./affiliation.type.ts";
import { Organization } from "./organization.type.ts";

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: "The organization with this slug, or null." })
  organization(@Arg("slug", () => String) slug: string, @Ctx() { prisma }: Context): Promise<OrganizationRow | null> {
    return prisma.organization.findUnique({ where: { slug } });
  }

  @FieldResolver(() => [Affiliation], { description: "Its members, in name order, with their roles." })
  people(@Root() org: OrganizationRow, @Args(() => PageArgs) page: PageArgs, @Ctx() { loaders }: Context): Promise<AffiliationRow[]> {
    return loaders.organization.affiliationsByOrganization(pageSize(page)).load(org.id);
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

@Resolver(() => Person)
export class PersonOrganizationsResolver {
  @FieldResolver(() => [Affiliation], { description: "Organizations this person belongs to, in name order, with roles." })
  organizations(@Root() person: PersonRow, @Args(() => PageArgs) page: PageArgs, @Ctx() { loaders }: Context): Promise<AffiliationRow[]> {
    return loaders.organization.affiliationsByPerson(pageSize(page)).load(person.id);
  }
}

@Resolver(() => Event)
export class EventOrganizationsResolver {
  @FieldResolver(() => [Organization], { description: "Organizations involved, in name order." })
  organizations(@Root() event: EventRow, @Args(() => PageArgs) page: PageArgs, @Ctx() { loaders }: Context): Promise<OrganizationRow[]> {
    return loaders.organization.byEvent(pageSize(page)).load(event.id);
  }
}
