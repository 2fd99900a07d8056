/** What `ingestDocument` answers: the document, or the problems that kept it out. */
import { Field, Int, ObjectType } from "type-graphql";
import { Document } from "./document.type.ts";

@ObjectType({ description: "Something wrong in a submitted annotation or text." })
export class IngestProblem {
  @Field(() => String, { description: 'Where in the annotation, e.g. `events[2].date`; "(file)" for the whole of it.' })
  path!: string;

  @Field(() => Int, { nullable: true, description: "1-based line in the annotation (YAML), when known." })
  line!: number | null;

  @Field(() => String)
  message!: string;
}

@ObjectType({
  description: "The result of ingestDocument: the document when it was written, else every problem found. Problems are data, not errors: a client shows them beside the annotation's lines; nothing was written.",
})
export class IngestDocumentPayload {
  @Field(() => Document, { nullable: true, description: "The ingested document; null when there are problems." })
  document!: object | null;

  @Field(() => [IngestProblem], { description: "Empty when the document was written." })
  problems!: IngestProblem[];
}
