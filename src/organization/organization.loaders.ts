import type { Affiliation, Organization, PrismaClient } from "../generated/prisma/client.ts";
import { byIdLoader, topNLoaders } from "../db/batch.ts";

export function createOrganizationLoaders(prisma: PrismaClient) {
  return {
    byId: byIdLoader((ids) => prisma.organization.findMany({ where: { id: { in: ids } } })),
    byEvent: topNLoaders<Organization>(prisma, {
      from: `"Organization" t JOIN "EventOrganization" l ON l."organizationId" = t.id`,
      parentKey: `l."eventId"`,
      orderBy: `t.name, t.id`,
    }),
    affiliationsByPerson: topNLoaders<Affiliation>(prisma, {
      from: `"Affiliation" a JOIN "Organization" t ON t.id = a."organizationId"`,
      parentKey: `a."personId"`,
      orderBy: `t.name, t.id`,
      select: `a.*`,
    }),
    affiliationsByOrganization: topNLoaders<Affiliation>(prisma, {
      from: `"Affiliation" a JOIN "Person" t ON t.id = a."personId"`,
      parentKey: `a."organizationId"`,
      orderBy: `t.name, t.id`,
      select: `a.*`,
    }),
  };
}
