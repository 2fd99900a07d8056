/**
 * Recognises "the database is not there" (refused, reset, timed out, shut down) among the errors
 * the drivers and Prisma raise, so that clients get SERVICE_UNAVAILABLE, a retryable answer,
 * instead of an internal error. pg's pool reconnects by itself once the database is back.
 */
const CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN",
  "57P01", "57P02", "57P03", // admin shutdown, crash shutdown, cannot connect now
  "53300", // too many connections
  "08000", "08001", "08003", "08004", "08006", // connection exceptions
  "P1001", "P1002", "P1017", // Prisma: can't reach, timed out, server closed the connection
]);
// "is not currently accepting connections": ALTER DATABASE ... ALLOW_CONNECTIONS false (SQLSTATE 55000, too broad a code to list).
const MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|ECONNREFUSED|ECONNRESET|DatabaseNotReachable|socket hang up|not currently accepting connections/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
    if (typeof code === "string" && CODES.has(code)) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    const meta = (e as { meta?: { driverAdapterError?: unknown } }).meta;
    e = meta?.driverAdapterError ?? cause ?? (e as { originalError?: unknown }).originalError;
  }
  return false;
}
