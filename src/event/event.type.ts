import { Field, Int, ObjectType } from "type-graphql";
import { Connection } from "../graphql/types/connection.ts";
import { Node } from "../graphql/types/node.ts";

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

@ObjectType({ description: "How many documents report something, and how many independent sources they are." })
export class SourceCount {
  @Field(() => Int, { description: "Distinct documents that report it." })
  documents!: number;

  @Field(() => Int, {
    description: "Those documents counted once per original: a reprint or derived report (Document.derivedFromSlug) counts as the document it derives from, followed to the first of the chain, even when that one is not in the graph.",
  })
  independent!: number;
}

