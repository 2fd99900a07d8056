/**
 * CORS for browsers on other origins (CORS_ORIGINS: a comma-separated list, or `*`). Off by
 * default: the bundled IDE is same-origin. Apollo's CSRF prevention stays on either way.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { addVary } from "./vary.ts";

const ALLOWED_HEADERS = "content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-read-after-lsn";

/** Sets CORS headers for an allowed origin; returns true when it answered a preflight itself. */
export function applyCors(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): boolean {
  if (origins.length === 0) return false;
  const any = origins.includes("*");
  // With a list, every answer depends on Origin (allowed or not, or none sent): a shared cache must
  // not give one made without Access-Control-Allow-Origin to a browser on an allowed origin.
  if (!any) addVary(res, "origin");
  const origin = req.headers.origin;
  if (!origin || !(any || origins.includes(origin))) return false;
  res.setHeader("access-control-allow-origin", any ? "*" : origin);
  res.setHeader("access-control-expose-headers", "x-request-id, x-sql-statements, x-write-lsn");
  if (req.method !== "OPTIONS") return false;
  res.writeHead(204, {
    "access-control-allow-methods": "GET, POST, OPTIONS",
    "access-control-allow-headers": ALLOWED_HEADERS,
    "access-control-max-age": "600",
  }).end();
  return true;
}
