import { Field, ObjectType } from "type-graphql";
import { Connection } from "../graphql/connection.ts";
import { Node } from "../graphql/node.ts";

@ObjectType({ implements: Node, description: "Something that happened, as reported by one or more documents." })
export class Event extends Node {
  @Field(() => String, { description: "Stable, human-readable key." })
  slug!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => String, { nullable: true, description: "What sort of event (visit, meeting, letter…), as the annotation gives it." })
  kind!: string | null;

  @Field(() => String, { nullable: true, description: "Where it happened, as the text gives it." })
  place!: string | null;
}

export const EventConnection = Connection(Event);
