/** Loads the bundled documents (corpus/) into an empty database, on first start. */
import path from "node:path";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { annotationFiles, describeFailure, ingestFile } from "./ingest.ts";

export class SeedError extends Error {
  override name = "SeedError";
}

/** Ingests every annotated document in `corpusDir` (or that one annotation file) when the graph has no document yet; returns how many. */
export async function seedIfEmpty(prisma: PrismaClient, corpusDir: string): Promise<number> {
  if ((await prisma.document.count()) > 0) return 0;
  const files = await annotationFiles(corpusDir);
  for (const file of files) {
    const result = await ingestFile(prisma, file);
    if (!result.ok) throw new SeedError(`bundled document ${path.basename(file)} is invalid:\n${describeFailure(result)}`);
  }
  return files.length;
}
