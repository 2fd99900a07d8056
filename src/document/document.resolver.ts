import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import type { Document as DocumentRow } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import type { Ordering } from "../db/list.ts";
import { ConnectionArgs, pageRequest, rootConnection, type ConnectionValue } from "../graphql/connection.ts";
import { Document, DocumentConnection } from "./document.type.ts";
import { Evidence, type EvidenceRow } from "./evidence.type.ts";

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
  document(@Arg("slug", () => String) slug: string, @Ctx() { prisma }: Context): Promise<DocumentRow | null> {
    return prisma.document.findUnique({ where: { slug } });
  }

  @Query(() => DocumentConnection, { description: "Documents, most recently published first." })
  documents(@Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() { prisma }: Context): Promise<ConnectionValue<DocumentRow>> {
    return rootConnection(prisma, { from: `"Document" t` }, pageRequest(page, latestPublished));
  }

  @FieldResolver(() => GraphQLLocalDate, { description: "Publication day; relative dates in the text resolve against it." })
  publishedOn(@Root() doc: DocumentRow): string {
    return doc.publishedOn.toISOString().slice(0, 10);
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
