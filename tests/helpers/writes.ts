/** GraphQL requests with chosen headers (an Authorization token), and a token the test app accepts. */
import { newToken } from "../../src/auth/api-tokens.ts";

export interface Reply<T = any> {
  status: number;
  body: { data?: T | null; errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[] };
  /** SQL statements the request sent (x-sql-statements). */
  statements: number;
  requestId: string | null;
  /** All response headers (e.g. x-write-lsn). */
  headers: Headers;
}

/** POSTs a GraphQL request to `url` with `headers` added. */
export async function send<T = any>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Reply<T>> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    body: (await res.json()) as Reply<T>["body"],
    statements: Number(res.headers.get("x-sql-statements")),
    requestId: res.headers.get("x-request-id"),
    headers: res.headers,
  };
}

/** A fresh token, and the environment that makes the service accept it (only its digest). */
export function writeToken(): { token: string; bearer: { authorization: string }; env: { API_TOKEN_SHA256: string } } {
  const { token, sha256 } = newToken();
  // A second, unrelated digest: the service must accept any configured token, not just the first.
  return { token, bearer: { authorization: `Bearer ${token}` }, env: { API_TOKEN_SHA256: `${newToken().sha256},${sha256}` } };
}
