import { Field, Int, ObjectType } from "type-graphql";
import type { ParagraphSpan } from "../paragraphs.ts";
import { ExpectedKb } from "../graphql/text-size.ts";

@ObjectType({ description: "A paragraph of a document's text (paragraphs are separated by blank lines)." })
export class Paragraph implements ParagraphSpan {
  @Field(() => Int, { description: "From 1." })
  number!: number;

  @Field(() => Int, { description: "Offset of its first character in Document.text." })
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field(() => String)
  @ExpectedKb(0.5)
  text!: string;
}
