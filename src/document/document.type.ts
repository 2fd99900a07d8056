import { Field, ObjectType } from "type-graphql";
import { Connection } from "../graphql/types/connection.ts";
import { Node } from "../graphql/types/node.ts";
import { ExpectedKb } from "../graphql/text-size.ts";

@ObjectType({ implements: Node, description: "A source text. Every event and quote points back into one." })
export class Document extends Node {
  @Field(() => String, { description: "Stable, human-readable key." })
  slug!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true, description: "Who published it, when known." })
  sourceName!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true, description: "The dateline, e.g. BEIJING." })
  dateline!: string | null;

  @Field(() => String, { description: "BCP 47 language tag." })
  language!: string;

  @Field(() => String, { description: "The full text; evidence offsets index into it (UTF-16 code units)." })
  @ExpectedKb(8) // a news article; the bundled ones are 1-7 KB, long ones 20-40 KB
  text!: string;

  @Field(() => String, {
    nullable: true,
    description: "The annotation (YAML) it was last ingested from: correct it and send it back with ingestDocument to replace the document's claims. Null for documents ingested before annotations were kept.",
  })
  @ExpectedKb(16) // YAML quoting the text: about twice its size
  annotation!: string | null;
}

export const DocumentConnection = Connection(Document);
