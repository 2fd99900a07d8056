/**
 * The HTTP front: a bare node:http server that hands GraphQL requests to Apollo Server and answers
 * the few plain routes. Owning this layer (rather than startStandaloneServer) lets every request count
 * its SQL statements (x-sql-statements) and carry a request id, and lets the endpoint follow the
 * GraphQL-over-HTTP specification where Apollo does not (http/graphql-over-http.ts).
 */
import { randomUUID } from "node:crypto";
import { ServerResponse, type IncomingMessage, type OutgoingHttpHeader, type OutgoingHttpHeaders } from "node:http";
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from "@apollo/server";
import type { Context } from "./context.ts";
import type { StatementCount } from "./db/statement-counter.ts";
import { assertGetRunsQuery, dropEmptyParams, errorMediaType, prefersHtml, responseMediaType, specStatus, type ResponseMediaType } from "./http/graphql-over-http.ts";
import { HttpError } from "./http/http-error.ts";
import { readJsonBody } from "./http/request-body.ts";
import { endWithBody, writeAnswer, type Body } from "./http/send-body.ts";
import type { Ide } from "./ide/static.ts";
import type { Readiness } from "./db/readiness.ts";
import { applyCors } from "./http/cors.ts";
import { routeLabel } from "./http/routes.ts";
import { cacheAnswer, cacheDefaults } from "./http/cache-control.ts";
import type { RateLimiter } from "./http/rate-limit.ts";
import type { Metrics } from "./http/metrics.ts";
import { Replays } from "./read/replays.ts";
import { bytesOver, RESPONSE_TOO_LARGE, tooLargeBody } from "./http/response-size.ts";
import { LSN } from "./db/replicas.ts";
import { logRequest, type Logger, type RequestLine } from "./log.ts";
import type { ParseOptions } from "graphql";
import type { Tracing } from "./observability/tracing.ts";
import type { RequestTrace } from "./observability/request-trace.ts";

export interface HttpOptions {
  apollo: ApolloServer<Context>;
  /** Prometheus metrics (http/metrics.ts), served at /metrics; undefined when METRICS=false. */
  metrics?: Metrics;
  /** Refuses a client over its rate limit (http/rate-limit.ts); undefined when there is none. */
  rateLimit?: RateLimiter;
  /** The `data` text of a request the service answered before by one statement (read/replays.ts), else undefined. */
  replay?: (key: string, sql: StatementCount, afterLsn: string | undefined) => Promise<string | undefined> | undefined;
  /** Makes the request's context; gets the Authorization header (writes need a token) and the write a read must see. */
  buildContext: (requestId: string, sql: StatementCount, request: { authorization?: string; afterLsn?: string }) => Context;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Seconds a GET query's answer may be cached (http/cache-control.ts). */
  cacheMaxAge: number;
  /** Largest answer sent, in bytes (MAX_RESPONSE_BYTES); a larger one is replaced by a RESPONSE_TOO_LARGE error. */
  maxResponseBytes: number;
  /** Apollo's parse options (the token limit), for the one parse done here: a GET's operation type. */
  parseOptions: ParseOptions;
  /** The GraphQL IDE for browsers; undefined when it is turned off. */
  ide?: Ide;
  /** For GET /readyz. */
  readiness(): Promise<Readiness>;
  /** Origins allowed to call from browsers (CORS); empty: none. */
  corsOrigins: readonly string[];
  logger: Logger;
  /** OpenTelemetry tracing (observability/tracing.ts); undefined when it is off. */
  tracing?: Tracing;
}

/** A request being answered, and what its log line and metrics say once it is. */
interface Outcome {
  requestId: string;
  pathname: string;
  /** performance.now() when it came. */
  started: number;
  sql?: StatementCount;
  operationName?: string | null;
  /** The first GraphQL error's code, when there was one. */
  errorCode?: string;
  /** The request's trace, when tracing is on. */
  trace?: RequestTrace;
}

/** The parts of a request's target the routes read. */
interface Target {
  pathname: string;
  /** The query string with its `?`, or "". */
  search: string;
  /** Set when the target is neither a path nor a URL (`*`, `http://`): the answer is a 400. */
  invalid?: true;
}

const GRAPHQL_TARGET: Target = Object.freeze({ pathname: "/graphql", search: "" });

/**
 * The target as a URL parser reads it (dot segments resolved, escapes kept): a path (`//x` is the
 * path `//x`, not a host), or an absolute URL as proxies send. The endpoint as clients post to it
 * is recognised without one: parsing a URL was ~2% of a small request's CPU.
 */
function parseTarget(target = "/"): Target {
  if (target === "/graphql") return GRAPHQL_TARGET;
  try {
    const url = target.startsWith("/") ? new URL(`http://localhost${target}`) : new URL(target);
    return { pathname: url.pathname, search: url.search };
  } catch {
    return { pathname: target, search: "", invalid: true };
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" }).end(JSON.stringify(value));
}

function sendError(res: ServerResponse, status: number, message: string, type: ResponseMediaType, headers: Record<string, string> = {}, code = status >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST"): void {
  if (!res.hasHeader("cache-control")) res.setHeader("cache-control", "no-store");
  res
    .writeHead(status, { ...headers, "content-type": `${type}; charset=utf-8` })
    .end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * `body`, or when it is over MAX_RESPONSE_BYTES the RESPONSE_TOO_LARGE answer that replaces it
 * (http/response-size.ts: costs a comparison unless the body is within 3x of the limit).
 */
function withinLimit<B extends Body>(body: B, options: HttpOptions, outcome: Outcome): B | string {
  const size = bytesOver(body, options.maxResponseBytes);
  if (size === undefined) return body;
  outcome.errorCode = RESPONSE_TOO_LARGE;
  options.logger.warn({ requestId: outcome.requestId, operationName: outcome.operationName ?? null, size, max: options.maxResponseBytes }, "answer over MAX_RESPONSE_BYTES not sent");
  return tooLargeBody(size, options.maxResponseBytes);
}

/** Writes Apollo's response; `bounded` is its complete body as withinLimit left it. */
async function sendGraphQL(res: ServerResponse, response: HTTPGraphQLResponse, type: ResponseMediaType, sql: StatementCount, bounded: string | undefined): Promise<void> {
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.setHeader("content-type", `${type}; charset=utf-8`); // the type negotiated in graphql(), not Apollo's default
  if (response.body.kind === "complete") {
    const body = bounded ?? response.body.string;
    res.statusCode = body === response.body.string ? specStatus(type, response.status ?? 200, body) : 200;
    res.setHeader("x-sql-statements", String(sql.statements));
    endWithBody(res, body);
    return;
  }
  // Incremental delivery (@defer/@stream) only: graphql 16 and graphql-jit never make it.
  res.statusCode = response.status ?? 200;
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** The write a read must see (`x-read-after-lsn`, from an earlier answer's `x-write-lsn`; db/routing.ts). */
function readAfterLsn(req: IncomingMessage): string | undefined {
  const value = req.headers["x-read-after-lsn"];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !LSN.test(value.trim())) {
    throw new HttpError(400, `x-read-after-lsn must be a write-ahead log position as x-write-lsn gives it (e.g. 0/3000148), got ${JSON.stringify(value)}`);
  }
  return value.trim();
}

/** The headers every answer carries, set unless they are (a replay writes its own, all at once). */
function labelAnswer(res: ServerResponse, outcome: Outcome): void {
  if (res.headersSent || res.hasHeader("x-request-id")) return;
  res.setHeader("x-request-id", outcome.requestId);
  res.setHeader("x-sql-statements", "0"); // the GraphQL route replaces it with its count
}

/**
 * A request answered before by one statement (read/replays.ts): its answer, with every header
 * written at once. On the hot path (`bare`) no header was set before, so node:http takes them as
 * they are; set one by one, as the other answers are, they were ~3% of a small request's CPU.
 */
function sendReplay(res: ServerResponse, data: string, type: ResponseMediaType, options: HttpOptions, outcome: Outcome): void {
  const head = ["content-type", `${type}; charset=utf-8`, "cache-control", "no-store", "x-request-id", outcome.requestId, "x-sql-statements", String(outcome.sql!.statements)];
  writeAnswer(res, 200, head, withinLimit(["{\"data\":", data, "}"], options, outcome));
}

/**
 * /graphql. `bare`: a POST that may be a replay, with no header set yet (labelAnswer sets them
 * if Apollo answers); else they are, and every answer here has the cache defaults.
 */
async function graphql(req: IncomingMessage, res: ServerResponse, url: Target, options: HttpOptions, outcome: Outcome, bare: boolean) {
  // Negotiated before anything runs: a client that cannot read the answer gets a 406, not a side effect.
  const type = responseMediaType(req.headers.accept);
  if (!bare) cacheDefaults(req, res);
  if (options.rateLimit) await options.rateLimit(req); // no await (a turn of the microtask queue) without one
  const search = req.method === "GET" ? dropEmptyParams(url.search) : url.search;
  if (req.method === "GET") assertGetRunsQuery(search, options.parseOptions);
  const body = req.method === "POST" ? await readJsonBody(req, options.bodyLimit) : undefined;
  const sql: StatementCount = outcome.trace ? { statements: 0, trace: outcome.trace } : { statements: 0 };
  outcome.sql = sql;
  // What the client sent, for the log and the metrics: a name only when it is a string.
  const name = body === undefined ? new URLSearchParams(url.search).get("operationName") : (body as { operationName?: unknown } | null)?.operationName;
  outcome.operationName = typeof name === "string" ? name : null;
  const afterLsn = readAfterLsn(req);
  const replayKey = options.replay && Replays.keyOf(body);
  const replaying = replayKey ? options.replay!(replayKey, sql, afterLsn) : undefined;
  const replayed = replaying && (await replaying);
  if (replayed !== undefined) return sendReplay(res, replayed, type, options, outcome);
  if (bare) {
    labelAnswer(res, outcome);
    cacheDefaults(req, res);
  }
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    // Accept was negotiated here, and the answer is labelled here (sendGraphQL). Given it, Apollo
    // would parse it twice more per request (its content type, and whether to stream @defer,
    // which graphql-jit does not run): ~8% of a small request's CPU.
    if (value !== undefined && name !== "accept") headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  let context: Context | undefined;
  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? "GET", headers, search, body },
    context: async () => (context = options.buildContext(outcome.requestId, sql, { authorization: req.headers.authorization, afterLsn })),
  });
  outcome.errorCode = context?.firstError.code;
  // After a write on a primary with replicas: where the client's next reads must have got to.
  if (context?.route?.writeLsn) res.setHeader("x-write-lsn", context.route.writeLsn);
  // Before caching is decided: an answer replaced for its size has an error, and is never cached.
  const bounded = response.body.kind === "complete" ? withinLimit(response.body.string, options, outcome) : undefined;
  cacheAnswer(req, res, { status: response.status ?? 200, errorCode: outcome.errorCode }, options.cacheMaxAge);
  await sendGraphQL(res, response, type, sql, bounded);
}

async function route(req: IncomingMessage, res: ServerResponse, url: Target, options: HttpOptions, outcome: Outcome) {
  const { ide } = options;
  const isGet = req.method === "GET" || req.method === "HEAD";
  if (applyCors(req, res, options.corsOrigins)) return;
  if (url.pathname === "/graphql") {
    if (ide && isGet && prefersHtml(req.headers.accept)) return ide.page(req, res);
    return graphql(req, res, url, options, outcome, false);
  }
  if (url.pathname === "/" && ide) return ide.page(req, res);
  // Where users of GraphQL Playground look for the IDE.
  if (url.pathname === "/playground" && ide) return void res.writeHead(302, { location: "/" }).end();
  if (url.pathname.startsWith("/ide/") && ide) return ide.asset(req, res, url.pathname);
  // The curator's workbench: a page of the same bundle; what it does needs the API token.
  if ((url.pathname === "/curate" || url.pathname === "/curate/") && ide) return ide.workbench(req, res);
  // Liveness: the process answers. Readiness: the database answers and is migrated.
  if (url.pathname === "/healthz") return sendJson(res, 200, { status: "ok" });
  if (url.pathname === "/metrics" && options.metrics && isGet) return options.metrics.send(res);
  if (url.pathname === "/readyz") {
    const readiness = await options.readiness();
    return sendJson(res, readiness.ready ? 200 : 503, readiness);
  }
  throw new HttpError(404, `no route for ${url.pathname}; GraphQL is served at /graphql`);
}

/** The request listener, and the drain that ends keep-alive: from then on every answer closes its connection. */
export interface RequestListener {
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
  drain(): void;
  /** The server's response class (`http.createServer({ ServerResponse })`): it carries out the drain. */
  ServerResponse: typeof ServerResponse;
}

/** The request each response answers, for the handlers shared by all responses (one closure fewer per request). */
const OUTCOME = Symbol("outcome");
type Tracked = ServerResponse & { [OUTCOME]: Outcome; req: IncomingMessage };

export function createRequestListener(options: HttpOptions): RequestListener {
  let draining = false;
  /**
   * Every head is written through writeHead (an implicit one too): written once the drain began, it
   * says Connection: close. Responses in flight are not kept in a Set to be told: in a long-lived
   * Set, each one stayed reachable after its answer (from tables V8 had replaced but not yet freed,
   * in the old generation) until the next full GC, so every request's objects were promoted: 2.4 MB
   * per scavenge, GC ~10% of a small request's CPU.
   */
  class Response<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
    override writeHead(status: number, ...rest: [(string | OutgoingHttpHeaders | OutgoingHttpHeader[])?, (OutgoingHttpHeaders | OutgoingHttpHeader[])?]): this {
      if (draining && !this.headersSent) this.setHeader("connection", "close");
      return super.writeHead(status, ...(rest as [string?, OutgoingHttpHeaders?]));
    }
  }
  /** Once answered: the request's log line and metrics. */
  const finished = function (this: Tracked) {
    const outcome = this[OUTCOME];
    const { pathname, sql } = outcome;
    const status = this.statusCode;
    const durationMs = Math.round((performance.now() - outcome.started) * 10) / 10;
    const line: RequestLine = { requestId: outcome.requestId, method: this.req.method ?? "", path: pathname, status, durationMs };
    if (sql) line.graphql = { operationName: outcome.operationName ?? null, sqlStatements: sql.statements };
    if (outcome.trace) line.traceId = outcome.trace.traceId;
    if (pathname === "/healthz" || pathname === "/readyz") options.logger.debug(line, "probe");
    else logRequest(options.logger, line);
    options.metrics?.record({
      route: routeLabel(pathname), operation: outcome.operationName ?? null,
      outcome: status >= 400 ? `http_${status}` : (outcome.errorCode ?? "ok"),
      seconds: durationMs / 1000, statements: sql?.statements,
    });
  };
  const listener = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = parseTarget(req.url);
    const outcome: Outcome = { requestId: randomUUID(), pathname: url.pathname, started: performance.now() };
    (res as Tracked)[OUTCOME] = outcome;
    res.on("finish", finished);
    const trace = options.tracing?.startRequest(req, url.pathname);
    if (trace) {
      outcome.trace = trace;
      res.once("close", () => options.tracing!.endRequest(trace, res.statusCode, outcome.sql?.statements));
    }
    // The hot request, a POST to the endpoint, sets no header before it knows its answer (sendReplay).
    const bare = url === GRAPHQL_TARGET && req.method === "POST" && !trace && options.corsOrigins.length === 0;
    try {
      if (url.invalid) throw new HttpError(400, `the request target ${JSON.stringify(url.pathname)} is neither a path nor a URL`);
      if (bare) await graphql(req, res, url, options, outcome, true);
      else {
        labelAnswer(res, outcome);
        await route(req, res, url, options, outcome);
      }
    } catch (error) {
      const known = error instanceof HttpError;
      if (!known) options.logger.error({ requestId: outcome.requestId, err: error }, "unhandled HTTP error");
      if (res.headersSent) return void res.end();
      labelAnswer(res, outcome);
      // Errors are GraphQL-shaped, in the media type the client asked for when it asked for one we have.
      const type = errorMediaType(req.headers.accept);
      if (known) sendError(res, error.status, error.message, type, error.headers, error.code);
      else sendError(res, 500, `internal error (request id ${outcome.requestId})`, type);
    }
  };
  return Object.assign(listener, {
    drain: () => {
      draining = true;
    },
    ServerResponse: Response as typeof ServerResponse,
  });
}
