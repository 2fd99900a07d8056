import { Field, ObjectType } from "type-graphql";
import { Node } from "../graphql/node.ts";

@ObjectType({ implements: Node, description: "A subject that events and quotes carry, e.g. basic research or space." })
export class Theme extends Node {
  @Field(() => String, { description: "Stable, human-readable key, e.g. `basic-research`." })
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;
}
