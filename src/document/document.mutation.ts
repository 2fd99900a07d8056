/**
 * Ingesting and removing documents through the API: the same pipeline as `npm run ingest`
 * (ingest/ingest.ts), given the annotation (YAML) and the text instead of files. The pipeline checks
 * everything before writing and writes in one transaction, so a document with problems writes
 * nothing; its problems come back as data in the payload (with YAML line numbers), not as a GraphQL
 * error. `dryRun` runs the whole write and rolls it back, so it reports exactly what the write would do.
 */
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context.ts";
import { NotFoundError } from "../graphql/errors.ts";
import { InputCheck } from "../graphql/input-check.ts";
import { ingestSource, removeDocumentBySlug, type Outcome } from "../ingest/ingest.ts";
import { IngestDocumentPayload, RemoveDocumentPayload, WriteStatus } from "./ingest-payload.type.ts";

/** Generous for a news or policy document; the HTTP body limit (1 MiB) bounds both together anyway. */
const MAX_ANNOTATION = 200_000;
const MAX_TEXT = 500_000;

const STATUS: Record<Outcome["status"], WriteStatus> = { ingested: WriteStatus.INGESTED, unchanged: WriteStatus.UNCHANGED, removed: WriteStatus.REMOVED, "dry-run": WriteStatus.DRY_RUN };
const problem = (p: { path: string; line?: number; message: string }) => ({ path: p.path, line: p.line ?? null, message: p.message });

@Resolver()
export class DocumentMutationResolver {
  @Authorized()
  @Mutation(() => IngestDocumentPayload, {
    description: "Adds a document from its annotation (YAML, the format of `npm run ingest`) and its text, or replaces the claims of the document with the same slug. Send both as variables. Needs an API token.",
  })
  async ingestDocument(
    @Arg("annotation", () => String, { description: "The annotation file's content (YAML)." }) annotation: string,
    @Arg("text", () => String, { description: "The text file's content, starting with its `date YYYY-MM-DD` line if it has one." }) text: string,
    @Arg("dryRun", () => Boolean, { defaultValue: false, description: "Report what would change and write nothing." }) dryRun: boolean,
    @Ctx() { prisma }: Context,
  ): Promise<IngestDocumentPayload> {
    const check = new InputCheck();
    check.text(annotation, "annotation", { max: MAX_ANNOTATION });
    check.text(text, "text", { max: MAX_TEXT });
    check.done();
    const result = await ingestSource(prisma, "annotation", annotation, text, { dryRun });
    if (!result.ok) return { document: null, problems: result.problems.map(problem), status: null, changes: [], dateChanges: [], warnings: [] };
    return {
      document: result.documentId ? await prisma.document.findUnique({ where: { id: result.documentId } }) : null,
      problems: [],
      status: STATUS[result.status],
      changes: result.changes,
      dateChanges: result.dateChanges,
      warnings: result.warnings.map(problem),
    };
  }

  @Authorized()
  @Mutation(() => RemoveDocumentPayload, {
    description: "Retracts a document: its evidence, quotes, mentions and claims go, what the graph shows is derived again from the other documents' claims, and entities no claim names any more disappear. Needs an API token.",
  })
  async removeDocument(
    @Arg("slug", () => String, { description: "The document's slug." }) slug: string,
    @Arg("dryRun", () => Boolean, { defaultValue: false, description: "Report what would change and write nothing." }) dryRun: boolean,
    @Ctx() { prisma }: Context,
  ): Promise<RemoveDocumentPayload> {
    const check = new InputCheck();
    check.slug(slug, "slug");
    check.done();
    const result = await removeDocumentBySlug(prisma, slug, { dryRun });
    if (!result.ok) throw new NotFoundError(`no document has slug "${slug}"`, "slug");
    return { slug, status: STATUS[result.status], changes: result.changes, dateChanges: result.dateChanges };
  }
}
