/** What `ingestDocument` and `removeDocument` answer: what was (or, in a dry run, would be) changed, or the problems that kept it out. */
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Document } from "./document.type.ts";

export enum WriteStatus {
  INGESTED = "ingested",
  UNCHANGED = "unchanged",
  REMOVED = "removed",
  DRY_RUN = "dry-run",
}
registerEnumType(WriteStatus, {
  name: "WriteStatus",
  description: "What a write did.",
  valuesConfig: {
    INGESTED: { description: "The document was written." },
    UNCHANGED: { description: "The same annotation and text were ingested before: nothing was written." },
    REMOVED: { description: "The document and every claim it made are gone." },
    DRY_RUN: { description: "Nothing was written; the changes are what the write would make." },
  },
});

@ObjectType({ description: "Something wrong, or worth knowing, in a submitted annotation or text." })
export class IngestProblem {
  @Field(() => String, { description: 'Where in the annotation, e.g. `events[2].date`; "(file)" for the whole of it.' })
  path!: string;

  @Field(() => Int, { nullable: true, description: "1-based line in the annotation (YAML), when known." })
  line!: number | null;

  @Field(() => String)
  message!: string;
}

@ObjectType({ description: "Rows of one kind a write added, changed and removed (claims, events, people, mentions...)." })
export class ChangeCount {
  @Field(() => String, { description: "documents, claims, themes, people, organizations, events, eventLinks, affiliations, evidence, quotes, quoteThemes or mentions." })
  kind!: string;

  @Field(() => Int)
  added!: number;

  @Field(() => Int)
  changed!: number;

  @Field(() => Int)
  removed!: number;
}

@ObjectType({ description: "An event whose date the write changed (or created, or removed), as ISO partial dates." })
export class DateChange {
  @Field(() => String, { description: "The event's slug." })
  event!: string;

  @Field(() => String, { nullable: true, description: "Before, e.g. `2023-02`; null for a new event." })
  from!: string | null;

  @Field(() => String, { nullable: true, description: "After, e.g. `2023-02-21`; null for a removed event." })
  to!: string | null;
}

@ObjectType({
  description: "The result of ingestDocument: what was written (or would be, in a dry run), else every problem found. Problems are data, not errors: a client shows them beside the annotation's lines; nothing was written.",
})
export class IngestDocumentPayload {
  @Field(() => Document, { nullable: true, description: "The ingested document; null when there are problems, or in a dry run of a new document." })
  document!: object | null;

  @Field(() => [IngestProblem], { description: "Empty when the document was written." })
  problems!: IngestProblem[];

  @Field(() => WriteStatus, { nullable: true, description: "What the write did; null when there are problems." })
  status!: WriteStatus | null;

  @Field(() => [ChangeCount], { description: "Rows added, changed and removed per kind (only kinds with changes)." })
  changes!: ChangeCount[];

  @Field(() => [DateChange], { description: "Events whose date changed." })
  dateChanges!: DateChange[];

  @Field(() => [IngestProblem], { description: "Claims that differ from other documents' (both are kept) and slugs no document describes yet." })
  warnings!: IngestProblem[];
}

@ObjectType({ description: "The result of removeDocument." })
export class RemoveDocumentPayload {
  @Field(() => String, { description: "The removed document's slug." })
  slug!: string;

  @Field(() => WriteStatus)
  status!: WriteStatus;

  @Field(() => [ChangeCount], { description: "Rows removed (and changed, as values are derived again) per kind." })
  changes!: ChangeCount[];

  @Field(() => [DateChange], { description: "Events whose date changed, or that are gone." })
  dateChanges!: DateChange[];
}
