import { Field, Int, ObjectType } from "type-graphql";
import { Connection } from "../graphql/types/connection.ts";
import { Node } from "../graphql/types/node.ts";

@ObjectType({ implements: Node, description: "A person named in a document." })
export class Person extends Node {
  @Field(() => String, { description: "Stable, human-readable key." })
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: "Other forms of the name the sources use." })
  aliases!: string[];

  @Field(() => [String], { description: 'Titles the sources give, e.g. "President".' })
  roles!: string[];
}

export const PersonConnection = Connection(Person);

@ObjectType({ description: "Someone quoted at the same events as another person, and at how many." })
export class CoSpeaker {
  @Field(() => Person)
  person!: Person;

  @Field(() => Int, { description: "Events where both are quoted." })
  sharedEvents!: number;
}

export const CoSpeakerConnection = Connection(CoSpeaker);

