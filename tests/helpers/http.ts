/** Raw HTTP requests with exactly the headers a test gives (fetch would add Accept and more). */
import { request } from "node:http";

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
  /** The body parsed as JSON (throws when it is not). */
  json(): any;
}

export interface RawRequest {
  method?: string;
  /** Path and query, e.g. /graphql?query=... */
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Sends one request to `origin` (e.g. http://127.0.0.1:4000) and reads the whole answer. */
export function rawRequest(origin: string, { method = "GET", path = "/graphql", headers = {}, body }: RawRequest = {}): Promise<RawResponse> {
  // An explicit length: Node sends DELETE bodies without framing otherwise.
  const length = body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, origin), { method, headers: { ...length, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const all = Buffer.concat(chunks);
        const text = all.toString("utf8");
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: all, text, json: () => JSON.parse(text) });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A GET path for a GraphQL request with these parameters. */
export function getPath(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) search.set(name, typeof value === "string" ? value : JSON.stringify(value));
  return `/graphql?${search}`;
}

/**
 * POSTs `body` to `origin`'s /graphql as application/json, with exactly the `headers` given besides
 * (one given as undefined is not sent, e.g. no Accept at all). An object is serialized; a string or
 * Buffer goes as it is, for bodies that are not valid JSON.
 */
export function postJson(origin: string, body: unknown, headers: Record<string, string | undefined> = {}): Promise<RawResponse> {
  const sent = Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return rawRequest(origin, {
    method: "POST",
    headers: { "content-type": "application/json", ...sent },
    body: typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body),
  });
}
