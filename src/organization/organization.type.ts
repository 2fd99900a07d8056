import { Field, ObjectType } from "type-graphql";
import { Node } from "../graphql/node.ts";

@ObjectType({ implements: Node, description: "An organization named in a document: a party body, university, company…" })
export class Organization extends Node {
  @Field(() => String, { description: "Stable, human-readable key." })
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: "Acronyms and other spellings the sources use." })
  aliases!: string[];
}
