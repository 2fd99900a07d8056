/** Inputs of the theme mutations, and their validation (field paths under `input`). */
import { Field, InputType } from "type-graphql";
import { InputCheck } from "../graphql/input-check.ts";

const NAME = { max: 200 };
const DESCRIPTION = { max: 2000 };
/** Aliases and keywords: at most 50 each, each 1 to 100 characters. */
const WORDS = { maxItems: 50, max: 100 };

@InputType({ description: "A new theme." })
export class CreateThemeInput {
  @Field(() => String, { description: "Stable key: kebab-case, at most 120 characters, e.g. `basic-research`." })
  slug!: string;

  @Field(() => String, { description: "1 to 200 characters." })
  name!: string;

  @Field(() => String, { nullable: true, description: "At most 2000 characters." })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: "Other names: at most 50, each 1 to 100 characters." })
  aliases?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Words that suggest the theme: at most 50, each 1 to 100 characters." })
  keywords?: string[] | null;
}

@InputType({ description: "Changes to a theme: fields left out stay as they are; lists given replace the old ones." })
export class UpdateThemeInput {
  @Field(() => String, { nullable: true, description: "A new slug (kebab-case, at most 120 characters)." })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: "1 to 200 characters." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "At most 2000 characters; null or empty removes it." })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: "Replaces the aliases: at most 50, each 1 to 100 characters." })
  aliases?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Replaces the keywords: at most 50, each 1 to 100 characters." })
  keywords?: string[] | null;
}

export interface ThemeData {
  slug: string;
  name: string;
  description: string | null;
  aliases: string[];
  keywords: string[];
}

/** The row to create, or BAD_USER_INPUT naming every bad field. */
export function checkCreateTheme(input: CreateThemeInput): ThemeData {
  const check = new InputCheck();
  const data: ThemeData = {
    slug: check.slug(input.slug, "input.slug"),
    name: check.text(input.name, "input.name", NAME),
    description: check.optionalText(input.description, "input.description", DESCRIPTION) ?? null,
    aliases: check.list(input.aliases ?? [], "input.aliases", WORDS),
    keywords: check.list(input.keywords ?? [], "input.keywords", WORDS),
  };
  check.done();
  return data;
}

/** The fields to change; null for slug, name or a list is refused (they cannot be unset). */
export function checkUpdateTheme(input: UpdateThemeInput): Partial<ThemeData> {
  const check = new InputCheck();
  const data: Partial<ThemeData> = {};
  for (const key of ["slug", "name", "aliases", "keywords"] as const) {
    if (input[key] === null) check.fail(`input.${key}`, "cannot be null (leave it out to keep it)");
  }
  if (input.slug != null) data.slug = check.slug(input.slug, "input.slug");
  if (input.name != null) data.name = check.text(input.name, "input.name", NAME);
  if (input.description !== undefined) data.description = check.optionalText(input.description, "input.description", DESCRIPTION) ?? null;
  if (input.aliases != null) data.aliases = check.list(input.aliases, "input.aliases", WORDS);
  if (input.keywords != null) data.keywords = check.list(input.keywords, "input.keywords", WORDS);
  check.done();
  return data;
}
