import { Field, Int, ObjectType } from "type-graphql";
import { Connection } from "../graphql/types/connection.ts";
import { Document } from "./document.type.ts";
import { ExpectedKb } from "../graphql/text-size.ts";

/** Any row that anchors a fact in a document: event evidence, a quote. */
export interface EvidenceRow {
  documentId: string;
  paragraph: number;
  start: number;
  end: number;
}

@ObjectType({ description: "Where a document says it: a character span of its text." })
export class Evidence {
  @Field(() => Document)
  document!: Document;

  @Field(() => Int, { description: "Paragraph number in the document, from 1 (paragraphs are separated by blank lines)." })
  paragraph!: number;

  @Field(() => Int, { description: "Offset of the first character in Document.text (UTF-16 code units)." })
  start!: number;

  @Field(() => Int, { description: "Offset just past the last character." })
  end!: number;

  @Field(() => String, { description: "The cited characters, Document.text[start, end)." })
  @ExpectedKb(0.2) // a sentence
  text!: string;
}

export const EvidenceConnection = Connection(Evidence);
