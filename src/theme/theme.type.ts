import { Field, ObjectType } from "type-graphql";
import { Connection } from "../graphql/types/connection.ts";
import { Node } from "../graphql/types/node.ts";

@ObjectType({ implements: Node, description: "A subject that events and quotes carry, e.g. basic research or space." })
export class Theme extends Node {
  @Field(() => String, { description: "Stable, human-readable key, e.g. `basic-research`." })
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [String], { description: "Other names of the theme." })
  aliases!: string[];

  @Field(() => [String], { description: "Words that suggest the theme in a text." })
  keywords!: string[];
}

export const ThemeConnection = Connection(Theme);

