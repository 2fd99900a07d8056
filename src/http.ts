/**
 * The HTTP front: a bare node:http server that hands GraphQL requests to Apollo Server and answers
 * the few plain routes. Owning this layer (rather than startStandaloneServer) lets every request run
 * inside its own SQL statement counter and carry a request id.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from "@apollo/server";
import type { Context } from "./context.ts";
import { withStatementCount, type StatementCount } from "./db/statement-counter.ts";

export interface HttpOptions {
  apollo: ApolloServer<Context>;
  buildContext: (requestId: string, sql: StatementCount) => Context;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw new HttpError(413, `request body is larger than ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `request body is larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Apollo wants JSON bodies parsed and everything else as text. */
function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!contentType?.toLowerCase().includes("json") || raw === "") return raw;
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new HttpError(400, `request body is not valid JSON: ${(error as Error).message}`);
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(value));
}

async function sendGraphQL(res: ServerResponse, response: HTTPGraphQLResponse, sql: StatementCount): Promise<void> {
  res.statusCode = response.status ?? 200;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  if (response.body.kind === "complete") {
    res.setHeader("x-sql-statements", String(sql.statements));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

async function graphql(req: IncomingMessage, res: ServerResponse, url: URL, options: HttpOptions, requestId: string) {
  const sql: StatementCount = { statements: 0 };
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const body = req.method === "POST" ? parseBody(await readBody(req, options.bodyLimit), req.headers["content-type"]) : undefined;
  const response = await withStatementCount(sql, () =>
    options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
      context: async () => options.buildContext(requestId, sql),
    }),
  );
  await sendGraphQL(res, response, sql);
}

/** The request listener for node:http. */
export function createRequestListener(options: HttpOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    res.setHeader("x-request-id", requestId);
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      if (url.pathname === "/graphql") return await graphql(req, res, url, options, requestId);
      if (url.pathname === "/healthz") return sendJson(res, 200, { status: "ok" });
      sendJson(res, 404, { errors: [{ message: `no route for ${url.pathname}; GraphQL is served at /graphql` }] });
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) console.error(`[${requestId}] unhandled HTTP error`, error);
      const message = error instanceof HttpError ? error.message : `internal error (request id ${requestId})`;
      if (!res.headersSent) sendJson(res, status, { errors: [{ message, extensions: { code: status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST" } }] });
      else res.end();
    }
  };
}
