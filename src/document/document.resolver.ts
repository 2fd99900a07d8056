import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import type { Document as DocumentRow } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import type { Ordering } from "../db/list.ts";
import { ConnectionArgs, pageRequest, rootConnection, type ConnectionValue } from "../graphql/connection.ts";
import { Document, DocumentConnection } from "./document.type.ts";
import { BadInputError } from "../graphql/errors.ts";
import { Evidence, type EvidenceRow } from "./evidence.type.ts";
import { paragraphsOf } from "../paragraphs.ts";
import { isoDay } from "../partial-date.ts";
import { Paragraph } from "./paragraph.type.ts";
import { findBySlug } from "../db/by-slug.ts";

const latestPublished: Ordering = {
  name: "document-published",
  columns: [
    { sql: `t."publishedOn"`, cast: "date", key: "publishedOn" },
    { sql: `t.id`, cast: "text", key: "id" },
  ],
  direction: "DESC",
};

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => Document, { nullable: true, description: "The document with this slug, or null." })
  document(@Arg("slug", () => String) slug: string, @Ctx() { raw }: Context): Promise<DocumentRow | null> {
    return findBySlug(raw, "Document", slug);
  }

  @Query(() => DocumentConnection, { description: "Documents, most recently published first." })
  documents(@Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { raw }: Context): Promise<ConnectionValue<DocumentRow>> {
    return rootConnection(raw, { from: `"Document" t` }, pageRequest(page, latestPublished));
  }

  @FieldResolver(() => [Paragraph], { description: "Its paragraphs, from paragraph `from` (at most 100)." })
  paragraphs(
    @Root() doc: DocumentRow,
    @Arg("from", () => Int, { defaultValue: 1 }) from: number,
    @Arg("first", () => Int, { defaultValue: 100 }) first: number,
  ): Paragraph[] {
    if (first < 0 || first > 100) throw new BadInputError(`first must be between 0 and 100, got ${first}`, "first");
    if (from < 1) throw new BadInputError(`from must be 1 or more, got ${from}`, "from");
    return paragraphsOf(doc.text).slice(from - 1, from - 1 + first);
  }

  @FieldResolver(() => GraphQLLocalDate, { description: "Publication day; relative dates in the text resolve against it." })
  publishedOn(@Root() doc: DocumentRow): string {
    return isoDay(doc.publishedOn);
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Document)
  async document(@Root() row: EvidenceRow, @Ctx() { loaders }: Context): Promise<DocumentRow> {
    return (await loaders.document.byId.load(row.documentId))!;
  }

  @FieldResolver(() => String)
  async text(@Root() row: EvidenceRow, @Ctx() { loaders }: Context): Promise<string> {
    const doc = await loaders.document.byId.load(row.documentId);
    return doc!.text.slice(row.start, row.end);
  }
}
