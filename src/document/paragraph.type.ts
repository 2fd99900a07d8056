import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A paragraph of a document's text (paragraphs are separated by blank lines)." })
export class Paragraph {
  @Field(() => Int, { description: "From 1." })
  number!: number;

  @Field(() => Int, { description: "Offset of its first character in Document.text." })
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field(() => String)
  text!: string;
}

/** Splits a text into its paragraphs, with their offsets. */
export function paragraphsOf(text: string): Paragraph[] {
  const result: Paragraph[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g)) {
    const body = m[0].trimEnd();
    if (body.trim()) result.push({ number: result.length + 1, start: m.index, end: m.index + body.length, text: body });
  }
  return result;
}
