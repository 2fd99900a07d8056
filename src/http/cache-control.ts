/**
 * HTTP caching of GraphQL answers. A GET runs only queries (a mutation is a 405), so its answer is
 * what any client sending that URL gets: the persisted-query GETs (APQ) of the typed client are made
 * for caches. Such an answer, without errors, may be kept `CACHE_MAX_AGE` seconds by any cache
 * (`public`); every other GraphQL answer is `no-store`: POSTs (mutations, and the replayed queries of
 * read/replays.ts), errors (Apollo marks an APQ `PERSISTED_QUERY_NOT_FOUND` `private, no-cache,
 * must-revalidate` itself: kept by a cache, it would stop the client from ever registering its
 * query), requests with `Authorization` (what a viewer sees is theirs) and
 * reads after a write (`x-read-after-lsn`: they want fresh data). GET answers vary on the headers that
 * change them: `Accept` (their media type), `Authorization` and `X-Read-After-LSN` (a shared cache would
 * otherwise give a `public` answer to a request carrying them).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { addVary } from "./vary.ts";

/** The Vary of GET answers (http/vary.ts adds to what CORS added). */
export const GET_VARY = "Accept, Authorization, X-Read-After-LSN";

/** Before Apollo answers a GraphQL request: `no-store` unless told otherwise, and GET's Vary (a replay writes its own no-store). */
export function cacheDefaults(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("cache-control", "no-store");
  if (req.method === "GET" || req.method === "HEAD") addVary(res, GET_VARY);
}

/**
 * Once the answer is known: `public, max-age=<maxAge>` for a GET query answered with status 200 and
 * no error, from a request without `Authorization` or `x-read-after-lsn`; otherwise the default stays.
 */
export function cacheAnswer(req: IncomingMessage, res: ServerResponse, answer: { status: number; errorCode: string | undefined }, maxAge: number): void {
  if (maxAge <= 0 || answer.status !== 200 || answer.errorCode !== undefined) return;
  if (req.method !== "GET" && req.method !== "HEAD") return;
  if (req.headers.authorization !== undefined || req.headers["x-read-after-lsn"] !== undefined) return;
  res.setHeader("cache-control", `public, max-age=${maxAge}`);
}
