import { Field, ObjectType } from "type-graphql";
import { Node } from "../graphql/node.ts";

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
