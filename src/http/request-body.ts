/**
 * Reads a GraphQL POST body the way the GraphQL-over-HTTP specification wants: `application/json`
 * only (415 otherwise, also without a Content-Type), UTF-8 only (an explicit other charset is a 415,
 * invalid bytes a 400), a bounded size (413), and JSON that parses (400).
 */
import type { IncomingMessage } from "node:http";
import { HttpError } from "./http-error.ts";
import { parseMediaType } from "./media-type.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Bytes of an over-limit body read and dropped after the 413, at most. */
const MAX_DISCARDED = 1 << 20;

/**
 * The body's bytes, read with plain stream events: an async iterator over the request (for await)
 * costs a few promises per request, which showed in the CPU of small requests. Past the limit the
 * rest of the body is discarded (up to MAX_DISCARDED), so the 413 can still be answered.
 */
function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, `request body is larger than ${limit} bytes`);
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData);
      reject(tooLarge());
      // The rest is read and dropped, so the 413 reaches the client; but only so much of it: a
      // client that keeps sending is cut off instead of being read until the request times out.
      let discarded = 0;
      req.on("data", (more: Buffer) => {
        discarded += more.length;
        if (discarded > MAX_DISCARDED) req.socket.destroy();
      });
    };
    req.on("data", onData);
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    req.once("error", reject);
  });
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
export function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  try {
    checkContentType(req.headers["content-type"]);
  } catch (error) {
    return Promise.reject(error);
  }
  return readBytes(req, limit).then(parseJson);
}

function parseJson(bytes: Buffer): unknown {
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
