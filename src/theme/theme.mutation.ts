/**
 * Writes on themes: create, update, delete, and tagging events with them. Each is a curator's claim
 * (claims/curate.ts) made with the API token's name, so that documents ingested later never undo it
 * and removing it brings back what the documents say. Each needs an API token (@Authorized,
 * graphql/auth.ts); inputs are checked before any SQL.
 */
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { Event as EventRow, Prisma, Theme as ThemeRow } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { Changes } from "../claims/changes.ts";
import { curatorOf } from "../claims/claims.input.ts";
import { writeCuratorClaims, type Curator, type CuratorClaim } from "../claims/curate.ts";
import { renameSubject } from "../claims/redirects.ts";
import { writeAtomically } from "../claims/write.ts";
import { Event } from "../event/event.type.ts";
import { InvalidInputError, NotFoundError } from "../graphql/errors.ts";
import { toGlobalId } from "../graphql/types/node.ts";
import { checkCreateTheme, checkUpdateTheme, CreateThemeInput, UpdateThemeInput, type ThemeData } from "./theme.input.ts";
import { Theme } from "./theme.type.ts";

type Tx = Prisma.TransactionClient;

/** These mutations answer with the row, not with what changed. */
const changesIgnored = () => new Changes();

const taken = (slug: string) => new InvalidInputError([{ field: "input.slug", message: `a theme with slug "${slug}" already exists` }]);

async function themeOf(tx: Tx, slug: string, field = "slug"): Promise<ThemeRow> {
  const theme = await tx.theme.findUnique({ where: { slug } });
  if (!theme) throw new NotFoundError(`no theme has slug "${slug}"`, field);
  return theme;
}

async function eventOf(tx: Tx, slug: string): Promise<EventRow> {
  const event = await tx.event.findUnique({ where: { slug } });
  if (!event) throw new NotFoundError(`no event has slug "${slug}"`, "event");
  return event;
}

/** Claims that make a list exactly `wanted`: assert each, deny what the theme shows and `wanted` leaves out. */
const listClaims = (slug: string, property: "ALIAS" | "KEYWORD", shown: string[], wanted: string[]): CuratorClaim[] => [
  ...wanted.map((value) => ({ subject: "THEME" as const, slug, property, value })),
  ...shown.filter((v) => !wanted.includes(v)).map((value) => ({ subject: "THEME" as const, slug, property, value, denied: true })),
];

function themeClaims(slug: string, data: Partial<ThemeData>, shown: Pick<ThemeRow, "aliases" | "keywords">): CuratorClaim[] {
  const claims: CuratorClaim[] = [{ subject: "THEME", slug, property: "REFERENCE", value: "" }];
  if (data.name !== undefined) claims.push({ subject: "THEME", slug, property: "NAME", value: data.name });
  if (data.description !== undefined) {
    claims.push(data.description === null ? { subject: "THEME", slug, property: "DESCRIPTION", value: "", denied: true } : { subject: "THEME", slug, property: "DESCRIPTION", value: data.description });
  }
  if (data.aliases) claims.push(...listClaims(slug, "ALIAS", shown.aliases, data.aliases));
  if (data.keywords) claims.push(...listClaims(slug, "KEYWORD", shown.keywords, data.keywords));
  return claims;
}

async function write<T>(context: Context, reason: string, work: (tx: Tx, curator: Curator) => Promise<T>): Promise<T> {
  const { result } = await writeAtomically(context.prisma, false, (tx) => work(tx, curatorOf(context.viewer, reason)));
  return result;
}

@Resolver()
export class ThemeMutationResolver {
  @Authorized()
  @Mutation(() => Theme, { description: "Creates a theme. Needs an API token." })
  createTheme(@Arg("input", () => CreateThemeInput) input: CreateThemeInput, @Ctx() context: Context): Promise<ThemeRow> {
    const data = checkCreateTheme(input);
    return write(context, "createTheme", async (tx, curator) => {
      if (await tx.theme.findUnique({ where: { slug: data.slug }, select: { id: true } })) throw taken(data.slug);
      // No description given is no claim (documents may give one), not a cleared one.
      const given = { ...data, description: data.description ?? undefined };
      await writeCuratorClaims(tx, themeClaims(data.slug, given, { aliases: [], keywords: [] }), curator, changesIgnored());
      return themeOf(tx, data.slug);
    });
  }

  @Authorized()
  @Mutation(() => Theme, { description: "Changes the theme with this slug. Needs an API token." })
  updateTheme(@Arg("slug", () => String) slug: string, @Arg("input", () => UpdateThemeInput) input: UpdateThemeInput, @Ctx() context: Context): Promise<ThemeRow> {
    const data = checkUpdateTheme(input);
    return write(context, "updateTheme", async (tx, curator) => {
      let theme = await themeOf(tx, slug);
      if (data.slug !== undefined && data.slug !== slug) {
        if (await tx.theme.findUnique({ where: { slug: data.slug }, select: { id: true } })) throw taken(data.slug);
        await renameSubject(tx, "THEME", slug, data.slug, curator.name);
        theme = await themeOf(tx, data.slug);
      }
      const { slug: _, ...fields } = data;
      await writeCuratorClaims(tx, themeClaims(theme.slug, fields, theme), curator, changesIgnored());
      return themeOf(tx, theme.slug);
    });
  }

  @Authorized()
  @Mutation(() => ID, { description: "Deletes the theme with this slug and its links to events and quotes (not the events or quotes); returns its id. Documents that name it later do not bring it back; createTheme does. Needs an API token." })
  deleteTheme(@Arg("slug", () => String) slug: string, @Ctx() context: Context): Promise<string> {
    return write(context, "deleteTheme", async (tx, curator) => {
      const theme = await themeOf(tx, slug);
      // The links go with it: EventTheme and QuoteTheme cascade on delete.
      await writeCuratorClaims(tx, [{ subject: "THEME", slug, property: "REFERENCE", value: "", denied: true }], curator, changesIgnored());
      return toGlobalId("Theme", theme.id);
    });
  }

  @Authorized()
  @Mutation(() => Event, { description: "Marks the event as carrying the theme (nothing changes if it already does). Needs an API token." })
  tagEvent(@Arg("event", () => String, { description: "The event's slug." }) eventSlug: string, @Arg("theme", () => String, { description: "The theme's slug." }) themeSlug: string, @Ctx() context: Context): Promise<EventRow> {
    return write(context, "tagEvent", async (tx, curator) => {
      await eventOf(tx, eventSlug);
      await themeOf(tx, themeSlug, "theme");
      await writeCuratorClaims(tx, [{ subject: "EVENT", slug: eventSlug, property: "THEME", value: themeSlug }], curator, changesIgnored());
      return eventOf(tx, eventSlug);
    });
  }

  @Authorized()
  @Mutation(() => Event, { description: "Removes the theme from the event (nothing changes if it does not carry it), whatever documents say, until it is tagged again. Needs an API token." })
  untagEvent(@Arg("event", () => String, { description: "The event's slug." }) eventSlug: string, @Arg("theme", () => String, { description: "The theme's slug." }) themeSlug: string, @Ctx() context: Context): Promise<EventRow> {
    return write(context, "untagEvent", async (tx, curator) => {
      await eventOf(tx, eventSlug);
      await themeOf(tx, themeSlug, "theme");
      await writeCuratorClaims(tx, [{ subject: "EVENT", slug: eventSlug, property: "THEME", value: themeSlug, denied: true }], curator, changesIgnored());
      return eventOf(tx, eventSlug);
    });
  }
}
