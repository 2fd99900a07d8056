/**
 * Building blocks for list filters: each turns one validated input into a bound SQL condition on
 * the listed rows (`t`), and `combine` joins them into the Filter a connection takes.
 */
import { Prisma } from "../generated/prisma/client.ts";
import { isoDay, parsePartialDate } from "../partial-date.ts";
import { BadInputError } from "../graphql/errors.ts";
import type { Filter } from "../graphql/types/connection.ts";

/** Conditions with the names of the inputs they came from (the names key the loader cache). */
export type Conditions = [key: string, condition: Prisma.Sql][];

/** All conditions, ANDed; undefined when there are none. */
export function combine(conditions: Conditions): Filter | undefined {
  if (conditions.length === 0) return undefined;
  return { where: Prisma.join(conditions.map(([, c]) => c), " AND "), key: JSON.stringify(conditions.map(([k, c]) => [k, c.values])) };
}

/** A partial date input ("2021", "2021-06", "2021-06-23"), or a BAD_USER_INPUT error naming it. */
export function partialDateInput(value: string, argument: string) {
  const date = parsePartialDate(value);
  if (!date) throw new BadInputError(`${argument} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`, argument);
  return date;
}

/**
 * Overlap of partial dates: a row whose [dateStart, dateEnd] meets [from, to]. "2021" as `from`
 * starts on 2021-01-01; "2021-06" as `to` ends on 2021-06-30.
 */
export function dateRange(from: string | null | undefined, to: string | null | undefined, path: string): Conditions {
  const conditions: Conditions = [];
  const start = from != null ? partialDateInput(from, `${path}.from`).start : undefined;
  const end = to != null ? partialDateInput(to, `${path}.to`).end : undefined;
  if (start && end && start > end) throw new BadInputError(`${path}.from (${from}) is after ${path}.to (${to})`, `${path}.from`);
  if (start) conditions.push(["from", Prisma.sql`t."dateEnd" >= ${isoDay(start)}::date`]);
  if (end) conditions.push(["to", Prisma.sql`t."dateStart" <= ${isoDay(end)}::date`]);
  return conditions;
}

/** `t` is linked through `link` to a row of `table` with this slug. */
export function linkedTo(link: string, linkOwnKey: string, linkOtherKey: string, table: string, slug: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM ${Prisma.raw(`"${link}" x JOIN "${table}" y ON y.id = x."${linkOtherKey}"`)}
    WHERE x.${Prisma.raw(`"${linkOwnKey}"`)} = t.id AND y.slug = ${slug})`;
}

/** Escapes LIKE's wildcards so user text matches literally. */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Name (or any alias) starts with `prefix`, ignoring case. */
export function namePrefix(prefix: string): Prisma.Sql {
  const pattern = `${likeLiteral(prefix.toLowerCase())}%`;
  return Prisma.sql`(lower(t.name) LIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest(t.aliases) a WHERE lower(a) LIKE ${pattern}))`;
}
