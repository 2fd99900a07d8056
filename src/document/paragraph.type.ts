import { Field, Int, ObjectType } from "type-graphql";
import type { ParagraphSpan } from "../paragraphs.ts";

@ObjectType({ description: "A paragraph of a document's text (paragraphs are separated by blank lines)." })
export class Paragraph implements ParagraphSpan {
  @Field(() => Int, { description: "From 1." })
  number!: number;

  @Field(() => Int, { description: "Offset of its first character in Document.text." })
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field(() => String)
  text!: string;
}
