/**
 * Ingesting a document through the API: the same pipeline as `npm run ingest` (ingest/ingest.ts),
 * given the annotation (YAML) and the text instead of files. The pipeline checks everything before
 * writing and writes in one transaction, so a document with problems writes nothing; its problems
 * come back as data in the payload (with YAML line numbers), not as a GraphQL error.
 */
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context.ts";
import { InputCheck } from "../graphql/input-check.ts";
import { ingestSource } from "../ingest/ingest.ts";
import { IngestDocumentPayload } from "./ingest-payload.type.ts";

/** Generous for a news or policy document; the HTTP body limit (1 MiB) bounds both together anyway. */
const MAX_ANNOTATION = 200_000;
const MAX_TEXT = 500_000;

@Resolver()
export class DocumentMutationResolver {
  @Authorized()
  @Mutation(() => IngestDocumentPayload, {
    description: "Adds or updates a document from its annotation (YAML, the format of `npm run ingest`) and its text. Send both as variables. Needs an API token.",
  })
  async ingestDocument(
    @Arg("annotation", () => String, { description: "The annotation file's content (YAML)." }) annotation: string,
    @Arg("text", () => String, { description: "The text file's content, starting with its `date YYYY-MM-DD` line if it has one." }) text: string,
    @Ctx() { prisma }: Context,
  ): Promise<IngestDocumentPayload> {
    const check = new InputCheck();
    check.text(annotation, "annotation", { max: MAX_ANNOTATION });
    check.text(text, "text", { max: MAX_TEXT });
    check.done();
    const result = await ingestSource(prisma, "annotation", annotation, text);
    if (!result.ok) return { document: null, problems: result.problems.map((p) => ({ path: p.path, line: p.line ?? null, message: p.message })) };
    return { document: await prisma.document.findUnique({ where: { id: result.documentId } }), problems: [] };
  }
}
