/** Aggregates over a theme's events, computed in SQL. */
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import { DatePrecision } from "../generated/prisma/enums.ts";
import { Connection } from "../graphql/types/connection.ts";
import { Theme } from "./theme.type.ts";

export enum TimelineGranularity {
  YEAR = "YEAR",
  MONTH = "MONTH",
}
registerEnumType(TimelineGranularity, { name: "TimelineGranularity" });

/** What a timeline counts per period. */
export enum TimelineCount {
  EVENTS = "EVENTS",
  DOCUMENTS = "DOCUMENTS",
}
registerEnumType(TimelineCount, {
  name: "TimelineCount",
  description: "What a timeline counts per period: how much happened, or how much was said about it.",
  valuesConfig: {
    EVENTS: { description: "Events carrying the theme, by the event's date." },
    DOCUMENTS: { description: "Documents that report an event carrying the theme or hold a quote on it, by publication day (each document once per period)." },
  },
});

@ObjectType({ description: "How many events (or documents) fall in one period. Events known only to the year stay in a year bucket even by MONTH." })
export class TimelineBucket {
  @Field(() => String, { description: '"2021" or "2021-06".' })
  period!: string;

  @Field(() => DatePrecision, { description: "YEAR or MONTH: how precise this bucket is." })
  precision!: DatePrecision;

  @Field(() => GraphQLLocalDate, { description: "First day of the period." })
  start!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "A theme that shares events with another, and how many." })
export class RelatedTheme {
  @Field(() => Theme)
  theme!: Theme;

  @Field(() => Int, { description: "Events carrying both themes." })
  sharedEvents!: number;
}

export const RelatedThemeConnection = Connection(RelatedTheme);
