import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root, Info } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import type { Context } from "../context.ts";
import { latestPublished } from "../db/orderings.ts";
import { ConnectionArgs, pageRequest, rootConnection, type ConnectionValue } from "../graphql/types/connection.ts";
import { Document, DocumentConnection } from "./document.type.ts";
import { BadInputError } from "../graphql/errors.ts";
import { Evidence, type EvidenceRow } from "./evidence.type.ts";
import { paragraphsOf } from "../paragraphs.ts";
import { isoDay } from "../partial-date.ts";
import { Paragraph } from "./paragraph.type.ts";
import { findBySlug } from "../db/lookup.ts";
import { documentList } from "./document.loaders.ts";
import type { DocumentRow } from "../db/rows.ts";

/** The row's text, or loaded when the row was read without it. */
async function textOf(doc: DocumentRow, { loaders }: Context): Promise<string> {
  return doc.text ?? (await loaders.document.withText.load(doc.id))!.text;
}

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => Document, { nullable: true, description: "The document with this slug, or null." })
  document(@Arg("slug", () => String) slug: string, @Ctx() { raw }: Context): Promise<DocumentRow | null> {
    return findBySlug(raw, "Document", slug);
  }

  @Query(() => DocumentConnection, { description: "Documents, most recently published first." })
  documents(@Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { raw }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<DocumentRow>> {
    return rootConnection(raw, documentList, info, () => pageRequest(page, latestPublished));
  }

  // Described on the type (document.type.ts); rows read without their text load it here.
  @FieldResolver(() => String)
  text(@Root() doc: DocumentRow, @Ctx() context: Context): Promise<string> {
    return textOf(doc, context);
  }

  // Described on the type; lists read documents without it, so it is loaded with the whole row.
  @FieldResolver(() => String, { nullable: true })
  async annotation(@Root() doc: DocumentRow, @Ctx() { loaders }: Context): Promise<string | null> {
    return (await loaders.document.withText.load(doc.id))?.annotation ?? null;
  }

  @FieldResolver(() => [Paragraph], { description: "Its paragraphs, from paragraph `from` (at most 100)." })
  async paragraphs(
    @Root() doc: DocumentRow,
    @Arg("from", () => Int, { defaultValue: 1 }) from: number,
    @Arg("first", () => Int, { defaultValue: 100 }) first: number,
    @Ctx() context: Context,
  ): Promise<Paragraph[]> {
    if (first < 0 || first > 100) throw new BadInputError(`first must be between 0 and 100, got ${first}`, "first");
    if (from < 1) throw new BadInputError(`from must be 1 or more, got ${from}`, "from");
    return paragraphsOf(await textOf(doc, context)).slice(from - 1, from - 1 + first);
  }

  @FieldResolver(() => GraphQLLocalDate, { description: "Publication day; relative dates in the text resolve against it." })
  publishedOn(@Root() doc: DocumentRow): string {
    return isoDay(doc.publishedOn);
  }

  @FieldResolver(() => Document, {
    nullable: true,
    description: "The document this one reprints or derives from (a wire copy, \"according to …\"), when it is in the graph; null otherwise (derivedFromSlug still names it).",
  })
  derivedFrom(@Root() doc: DocumentRow, @Ctx() { loaders }: Context): Promise<DocumentRow | null> | null {
    return doc.derivedFrom ? loaders.document.bySlug.load(doc.derivedFrom) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Slug of the document this one reprints or derives from, as its annotation writes it, whether or not that document is in the graph." })
  derivedFromSlug(@Root() doc: DocumentRow): string | null {
    return doc.derivedFrom;
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Document)
  async document(@Root() row: EvidenceRow, @Ctx() { loaders }: Context): Promise<DocumentRow> {
    return (await loaders.document.withText.load(row.documentId))!;
  }

  @FieldResolver(() => String)
  async text(@Root() row: EvidenceRow, @Ctx() { loaders }: Context): Promise<string> {
    const doc = await loaders.document.withText.load(row.documentId);
    return doc!.text.slice(row.start, row.end);
  }
}
