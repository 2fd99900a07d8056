/** The GraphQL face of partial dates (src/partial-date.ts). */
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import { DatePrecision } from "../generated/prisma/enums.ts";
import type { PartialDateParts } from "../partial-date.ts";
import type { JsonType } from "./sql-json.ts";

registerEnumType(DatePrecision, { name: "DatePrecision", description: "How much of a date the source gives." });

@ObjectType({ description: "A date as precise as the source text: a year, a month or a day." })
export class PartialDate implements PartialDateParts {
  @Field(() => String, { description: 'ISO 8601 at the given precision: "2004", "2023-02" or "2021-06-23".' })
  iso!: string;

  @Field(() => DatePrecision)
  precision!: DatePrecision;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { nullable: true, description: "1-12, null at YEAR precision." })
  month!: number | null;

  @Field(() => Int, { nullable: true, description: "Day of month, null unless DAY precision." })
  day!: number | null;

  @Field(() => GraphQLLocalDate, { description: "First day the date can mean." })
  start!: string;

  @Field(() => GraphQLLocalDate, { description: "Last day the date can mean." })
  end!: string;
}

/**
 * How PostgreSQL writes a PartialDate (graphql/sql-answer.ts) from a DATE column holding its first
 * day and its precision column: the same strings and numbers as src/partial-date.ts gives.
 */
export function partialDateJson(start: string, precision: string): JsonType {
  const day = (date: string) => `to_char(${date}, 'YYYY-MM-DD')`;
  const lastDay = `CASE ${precision} WHEN 'YEAR' THEN make_date(extract(year FROM ${start})::int, 12, 31)
    WHEN 'MONTH' THEN (date_trunc('month', ${start}) + interval '1 month - 1 day')::date ELSE ${start} END`;
  return {
    typeName: "PartialDate",
    fields: {
      iso: `CASE ${precision} WHEN 'YEAR' THEN to_char(${start}, 'YYYY') WHEN 'MONTH' THEN to_char(${start}, 'YYYY-MM') ELSE ${day(start)} END`,
      precision,
      year: `extract(year FROM ${start})::int`,
      month: `CASE WHEN ${precision} <> 'YEAR' THEN extract(month FROM ${start})::int END`,
      day: `CASE WHEN ${precision} = 'DAY' THEN extract(day FROM ${start})::int END`,
      start: day(start),
      end: day(lastDay),
    },
  };
}
