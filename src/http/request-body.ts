/**
 * Reads a GraphQL POST body the way the GraphQL-over-HTTP specification wants: `application/json`
 * only (415 otherwise, also without a Content-Type), UTF-8 only (an explicit other charset is a 415,
 * invalid bytes a 400), a bounded size (413), and JSON that parses (400).
 */
import type { IncomingMessage } from "node:http";
import { HttpError } from "./http-error.ts";
import { parseMediaType } from "./media-type.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

async function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, `request body is larger than ${limit} bytes`);
  if (Number(req.headers["content-length"] ?? 0) > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function checkContentType(header: string | undefined): void {
  const type = header === undefined ? null : parseMediaType(header);
  if (type?.essence !== "application/json") {
    throw new HttpError(415, `a GraphQL POST needs Content-Type: application/json, got ${header === undefined ? "none" : `"${header}"`}`);
  }
  const charset = type.params.charset;
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
    throw new HttpError(415, `request bodies must be UTF-8, got charset=${charset}`);
  }
}

/** The parsed JSON body of a GraphQL POST; undefined when it is empty (Apollo then answers 400). */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  checkContentType(req.headers["content-type"]);
  const bytes = await readBytes(req, limit);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new HttpError(400, "request body is not valid UTF-8");
  }
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `request body is not valid JSON: ${(error as Error).message}`);
  }
}
