import { Field, ObjectType, registerEnumType } from "type-graphql";
import { QuoteKind } from "../generated/prisma/enums.ts";
import { Connection } from "../graphql/types/connection.ts";
import { Node } from "../graphql/types/node.ts";
import { ExpectedKb } from "../graphql/text-size.ts";

registerEnumType(QuoteKind, {
  name: "QuoteKind",
  description: "Whether the words are the speaker's own.",
  valuesConfig: {
    DIRECT: { description: "Verbatim, inside quotation marks in the source." },
    PARAPHRASE: { description: "Reported speech: the source's sentence, not the speaker's words." },
  },
});

@ObjectType({ implements: Node, description: "Something a person (or an organization) said, verbatim or as reported speech." })
export class Quote extends Node {
  @Field(() => String, { description: "Stable, human-readable key." })
  slug!: string;

  @Field(() => String, { description: "For DIRECT quotes exactly the source's characters; for PARAPHRASE the reporting sentence." })
  @ExpectedKb(0.2) // a sentence
  text!: string;

  @Field(() => QuoteKind)
  kind!: QuoteKind;

  @Field(() => String, { nullable: true, description: "Slug of the utterance this quote is a version of (a translation or trim of what other documents quote too); null when none is named. `versions` lists the others." })
  utterance!: string | null;
}

export const QuoteConnection = Connection(Quote);

