/**
 * The HTTP front: a bare node:http server that hands GraphQL requests to Apollo Server and answers
 * the few plain routes. Owning this layer (rather than startStandaloneServer) lets every request run
 * inside its own SQL statement counter and carry a request id, and lets the endpoint follow the
 * GraphQL-over-HTTP specification where Apollo does not (http/graphql-over-http.ts).
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from "@apollo/server";
import type { Context } from "./context.ts";
import { withStatementCount, type StatementCount } from "./db/statement-counter.ts";
import { assertGetRunsQuery, dropEmptyParams, errorMediaType, prefersHtml, responseMediaType, specStatus, type ResponseMediaType } from "./http/graphql-over-http.ts";
import { HttpError } from "./http/http-error.ts";
import { readJsonBody } from "./http/request-body.ts";
import type { Ide } from "./ide/static.ts";

export interface HttpOptions {
  apollo: ApolloServer<Context>;
  buildContext: (requestId: string, sql: StatementCount) => Context;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** The GraphQL IDE for browsers; undefined when it is turned off. */
  ide?: Ide;
}

function sendError(res: ServerResponse, status: number, message: string, type: ResponseMediaType, headers: Record<string, string> = {}): void {
  const code = status >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST";
  res
    .writeHead(status, { ...headers, "content-type": `${type}; charset=utf-8` })
    .end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

async function sendGraphQL(res: ServerResponse, response: HTTPGraphQLResponse, type: ResponseMediaType, sql: StatementCount): Promise<void> {
  for (const [name, value] of response.headers) res.setHeader(name, value);
  if (response.body.kind === "complete") {
    res.statusCode = specStatus(type, response.status ?? 200, response.body.string);
    res.setHeader("x-sql-statements", String(sql.statements));
    res.end(response.body.string);
    return;
  }
  res.statusCode = response.status ?? 200;
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

async function graphql(req: IncomingMessage, res: ServerResponse, url: URL, options: HttpOptions, requestId: string) {
  // Negotiated before anything runs: a client that cannot read the answer gets a 406, not a side effect.
  const type = responseMediaType(req.headers.accept);
  const search = req.method === "GET" ? dropEmptyParams(url.search) : url.search;
  if (req.method === "GET") assertGetRunsQuery(search);
  const body = req.method === "POST" ? await readJsonBody(req, options.bodyLimit) : undefined;
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  headers.set("accept", type); // so that Apollo labels its answer with the type chosen here
  const sql: StatementCount = { statements: 0 };
  const response = await withStatementCount(sql, () =>
    options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search, body },
      context: async () => options.buildContext(requestId, sql),
    }),
  );
  await sendGraphQL(res, response, type, sql);
}

async function route(req: IncomingMessage, res: ServerResponse, url: URL, options: HttpOptions, requestId: string) {
  const { ide } = options;
  const isGet = req.method === "GET" || req.method === "HEAD";
  if (url.pathname === "/graphql") {
    if (ide && isGet && prefersHtml(req.headers.accept)) return ide.page(req, res);
    return graphql(req, res, url, options, requestId);
  }
  if (url.pathname === "/" && ide) return ide.page(req, res);
  if (url.pathname.startsWith("/ide/") && ide) return ide.asset(req, res, url.pathname);
  if (url.pathname === "/healthz") return void res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end('{"status":"ok"}');
  throw new HttpError(404, `no route for ${url.pathname}; GraphQL is served at /graphql`);
}

/** The request listener for node:http. */
export function createRequestListener(options: HttpOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    res.setHeader("x-request-id", requestId);
    res.setHeader("x-sql-statements", "0"); // the GraphQL route replaces it with its count
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      await route(req, res, url, options, requestId);
    } catch (error) {
      const known = error instanceof HttpError;
      if (!known) console.error(`[${requestId}] unhandled HTTP error`, error);
      if (res.headersSent) return void res.end();
      // Errors are GraphQL-shaped, in the media type the client asked for when it asked for one we have.
      const type = errorMediaType(req.headers.accept);
      if (known) sendError(res, error.status, error.message, type, error.headers);
      else sendError(res, 500, `internal error (request id ${requestId})`, type);
    }
  };
}
