/** The GraphQL face of partial dates (src/partial-date.ts). */
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import { DatePrecision } from "../../generated/prisma/enums.ts";
import type { PartialDateParts } from "../../partial-date.ts";

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

