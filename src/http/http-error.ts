/** An HTTP-level failure (no GraphQL execution happened): its status, message, extra headers and code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    /** The error's `extensions.code`; by default from the status. */
    readonly code = status >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST",
  ) {
    super(message);
  }
}
