/**
 * The gazetteer from the configured database: every person, organization and theme with names and
 * aliases, and the most recent events with their dates and links. Four findMany calls (the event
 * one reads its people and organizations in one statement each): a bounded number of queries
 * whatever the graph's size.
 */
import type { PrismaClient } from "../generated/prisma/client.ts";
import { partialDate } from "../partial-date.ts";
import { knownEvent, type Gazetteer } from "./gazetteer.ts";

/**
 * Events compared with a draft's: the most recent ones by date. News reports mostly recent events,
 * and every candidate is compared with every known event, so an unbounded list would make drafts
 * slower as the graph grows; older events past the cap are proposed afresh (a curator can ref them).
 */
export const KNOWN_EVENTS_CAP = 5_000;

export async function loadGazetteer(prisma: PrismaClient): Promise<Gazetteer> {
  const entity = { slug: true, name: true, aliases: true } as const;
  const [people, organizations, themes, events] = await Promise.all([
    prisma.person.findMany({ select: entity, orderBy: { slug: "asc" } }),
    prisma.organization.findMany({ select: entity, orderBy: { slug: "asc" } }),
    prisma.theme.findMany({ select: { ...entity, keywords: true }, orderBy: { slug: "asc" } }),
    prisma.event.findMany({
      select: {
        slug: true, title: true, summary: true, kind: true, dateStart: true, datePrecision: true,
        people: { select: { person: { select: { slug: true } } } },
        organizations: { select: { organization: { select: { slug: true } } } },
      },
      orderBy: [{ dateStart: "desc" }, { id: "desc" }],
      take: KNOWN_EVENTS_CAP,
    }),
  ]);
  return {
    people,
    organizations,
    themes,
    events: events.map((e) => knownEvent({
      slug: e.slug, title: e.title, summary: e.summary ?? undefined, kind: e.kind ?? undefined,
      date: partialDate(e.dateStart, e.datePrecision).iso, precision: e.datePrecision,
      people: e.people.map((p) => p.person.slug), organizations: e.organizations.map((o) => o.organization.slug),
    })),
  };
}
