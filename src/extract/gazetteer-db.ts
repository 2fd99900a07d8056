/** The gazetteer from the configured database: every person, organization and theme, names and aliases. */
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Gazetteer } from "./gazetteer.ts";

export async function loadGazetteer(prisma: PrismaClient): Promise<Gazetteer> {
  const entity = { slug: true, name: true, aliases: true } as const;
  const [people, organizations, themes] = await Promise.all([
    prisma.person.findMany({ select: entity, orderBy: { slug: "asc" } }),
    prisma.organization.findMany({ select: entity, orderBy: { slug: "asc" } }),
    prisma.theme.findMany({ select: { ...entity, keywords: true }, orderBy: { slug: "asc" } }),
  ]);
  return { people, organizations, themes };
}
