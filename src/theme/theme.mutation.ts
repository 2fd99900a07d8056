/**
 * Writes on themes: create, update, delete, and tagging events with them. Each needs an API token
 * (@Authorized, graphql/auth.ts); inputs are checked before any SQL.
 */
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { Event as EventRow, PrismaClient, Theme as ThemeRow } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { Event } from "../event/event.type.ts";
import { InvalidInputError, NotFoundError } from "../graphql/errors.ts";
import { toGlobalId } from "../graphql/node.ts";
import { isRecordNotFound, isUniqueViolation } from "../graphql/prisma-errors.ts";
import { checkCreateTheme, checkUpdateTheme, CreateThemeInput, UpdateThemeInput } from "./theme.input.ts";
import { Theme } from "./theme.type.ts";

/** Runs a write that sets a slug; a slug already taken is the client's problem, named by `field`. */
async function withFreeSlug<T>(write: () => Promise<T>, slug: string | undefined, field: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvalidInputError([{ field, message: `a theme with slug "${slug}" already exists` }]);
    throw error;
  }
}

/** Runs a write on the theme with `slug` (one statement, no lookup first); a missing theme is NOT_FOUND. */
async function onTheme<T>(slug: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isRecordNotFound(error)) throw new NotFoundError(`no theme has slug "${slug}"`, "slug");
    throw error;
  }
}

async function eventAndTheme(prisma: PrismaClient, eventSlug: string, themeSlug: string): Promise<[EventRow, ThemeRow]> {
  const [event, theme] = await Promise.all([prisma.event.findUnique({ where: { slug: eventSlug } }), prisma.theme.findUnique({ where: { slug: themeSlug } })]);
  if (!event) throw new NotFoundError(`no event has slug "${eventSlug}"`, "event");
  if (!theme) throw new NotFoundError(`no theme has slug "${themeSlug}"`, "theme");
  return [event, theme];
}

@Resolver()
export class ThemeMutationResolver {
  @Authorized()
  @Mutation(() => Theme, { description: "Creates a theme. Needs an API token." })
  createTheme(@Arg("input", () => CreateThemeInput) input: CreateThemeInput, @Ctx() { prisma }: Context): Promise<ThemeRow> {
    const data = checkCreateTheme(input);
    return withFreeSlug(() => prisma.theme.create({ data }), data.slug, "input.slug");
  }

  @Authorized()
  @Mutation(() => Theme, { description: "Changes the theme with this slug. Needs an API token." })
  async updateTheme(
    @Arg("slug", () => String) slug: string,
    @Arg("input", () => UpdateThemeInput) input: UpdateThemeInput,
    @Ctx() { prisma }: Context,
  ): Promise<ThemeRow> {
    const data = checkUpdateTheme(input);
    return withFreeSlug(() => onTheme(slug, () => prisma.theme.update({ where: { slug }, data })), data.slug, "input.slug");
  }

  @Authorized()
  @Mutation(() => ID, { description: "Deletes the theme with this slug and its links to events and quotes (not the events or quotes); returns its id. Needs an API token." })
  async deleteTheme(@Arg("slug", () => String) slug: string, @Ctx() { prisma }: Context): Promise<string> {
    // The links go with it: EventTheme and QuoteTheme cascade on delete.
    const theme = await onTheme(slug, () => prisma.theme.delete({ where: { slug } }));
    return toGlobalId("Theme", theme.id);
  }

  @Authorized()
  @Mutation(() => Event, { description: "Marks the event as carrying the theme (nothing changes if it already does). Needs an API token." })
  async tagEvent(@Arg("event", () => String, { description: "The event's slug." }) eventSlug: string, @Arg("theme", () => String, { description: "The theme's slug." }) themeSlug: string, @Ctx() { prisma }: Context): Promise<EventRow> {
    const [event, theme] = await eventAndTheme(prisma, eventSlug, themeSlug);
    await prisma.eventTheme.createMany({ data: [{ eventId: event.id, themeId: theme.id }], skipDuplicates: true });
    return event;
  }

  @Authorized()
  @Mutation(() => Event, { description: "Removes the theme from the event (nothing changes if it does not carry it). Needs an API token." })
  async untagEvent(@Arg("event", () => String, { description: "The event's slug." }) eventSlug: string, @Arg("theme", () => String, { description: "The theme's slug." }) themeSlug: string, @Ctx() { prisma }: Context): Promise<EventRow> {
    const [event, theme] = await eventAndTheme(prisma, eventSlug, themeSlug);
    await prisma.eventTheme.deleteMany({ where: { eventId: event.id, themeId: theme.id } });
    return event;
  }
}
