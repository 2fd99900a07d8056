/**
 * The response-size limit (MAX_RESPONSE_BYTES). The query cost refuses what is large by its shape
 * before any SQL; what is large by its data (a page of unusually long documents) is known only once
 * answered. Such an answer is not sent: the client gets one RESPONSE_TOO_LARGE error instead, with
 * the limit and the size, before a byte of the answer is written.
 *
 * Checked on the text about to be written, whichever path made it (the planner's spliced JSON, a
 * replay, Apollo's serialization of a resolver result), so nothing is serialized twice. The text's
 * length is known for free: UTF-8 takes 1 to 3 bytes per UTF-16 code unit (4 for a surrogate pair,
 * which is 2 units), so an answer of n units is n to 3n bytes, and it is measured exactly only when
 * 3n passes the limit.
 */
import { bodyBytes, bodyLength, type Body } from "./send-body.ts";

/** `extensions.code` of an answer over the limit. */
export const RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE";

/** The size in bytes of `body` as UTF-8 when it is over `max`; undefined when it is within. */
export function bytesOver(body: Body, max: number): number | undefined {
  if (bodyLength(body) * 3 <= max) return undefined;
  const bytes = bodyBytes(body);
  return bytes > max ? bytes : undefined;
}

/**
 * What is sent, with status 200, instead of an answer of `size` bytes: `data` null (the operation
 * did run, and a mutation's writes stand) and one coded error. 200 with either media type, as the
 * GraphQL-over-HTTP specification has it for a response with `data`, and as other errors met while
 * executing are answered.
 */
export function tooLargeBody(size: number, max: number): string {
  const message = `The answer is ${size} bytes, over the limit of ${max} (MAX_RESPONSE_BYTES), and was not sent: ask for smaller pages (first/last) or fewer large text fields (Document.text and annotation; a long document's text can be read in parts with Document.paragraphs(from, first)). The operation ran: a mutation's writes stand.`;
  return JSON.stringify({ errors: [{ message, extensions: { code: RESPONSE_TOO_LARGE, max, size } }], data: null });
}
