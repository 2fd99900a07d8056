/**
 * Ends a response with its body, written as the pieces it was made of after the head.
 * `res.end(text)` would send `head + text`, one string that Node first concatenates and then copies
 * again to write it (a rope is flattened): two copies of every answer, a third of what a small request
 * allocated. Here the head goes out first into the corked socket and each piece is written as it came
 * (PostgreSQL's text, flat, between `{"data":` and `}`), all in one writev when the socket is uncorked.
 */
import type { ServerResponse } from "node:http";

/** An answer's text, or the pieces that make it up in order. */
export type Body = string | readonly string[];

export const pieces = (body: Body): readonly string[] => (typeof body === "string" ? [body] : body);

/** The body's length in UTF-16 code units (its UTF-8 size is 1 to 3 times that). */
export const bodyLength = (body: Body): number => pieces(body).reduce((sum, piece) => sum + piece.length, 0);

export const bodyBytes = (body: Body): number => pieces(body).reduce((sum, piece) => sum + Buffer.byteLength(piece, "utf8"), 0);

export function endWithBody(res: ServerResponse, body: Body): void {
  const parts = pieces(body);
  if (!res.headersSent) res.setHeader("content-length", bodyBytes(parts));
  writePieces(res, parts);
}

/**
 * Writes a whole answer whose headers are all known: the status and `headers` (name, value, ...;
 * its Content-Length is appended to this list) at once, then the pieces. With no header set before,
 * node:http takes the list as it is instead of storing each header.
 */
export function writeAnswer(res: ServerResponse, status: number, headers: string[], body: Body): void {
  const parts = pieces(body);
  headers.push("content-length", String(bodyBytes(parts)));
  res.writeHead(status, headers);
  writePieces(res, parts);
}

/** The head (unless it is out) and the pieces into the corked socket: one writev when it is uncorked. */
function writePieces(res: ServerResponse, parts: readonly string[]): void {
  const socket = res.socket;
  socket?.cork();
  res.flushHeaders();
  for (let i = 0; i < parts.length - 1; i++) res.write(parts[i]!);
  res.end(parts[parts.length - 1]);
  socket?.uncork();
}
