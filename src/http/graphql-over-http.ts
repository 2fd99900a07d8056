/**
 * The GraphQL-over-HTTP specification's rules that Apollo Server does not follow by itself (stage 2
 * draft as of 2025, the text graphql-http's audit suite checks):
 * - negotiate the response media type before executing anything (406 when neither is acceptable;
 *   Apollo executes first and refuses afterwards), a wildcard or missing Accept meaning
 *   application/json as the specification's audit suite expects;
 * - in a GET, an empty optional parameter is the same as none (Apollo looks for an operation named
 *   "" and parses "" as JSON);
 * - GET runs queries only: 405 even when the schema has no Mutation type (Apollo's own 405 comes
 *   after validation, which would reject such a mutation with a validation error instead);
 * - status codes: with application/json a well-formed request gets 200 even when its document does
 *   not parse or validate or its variables do not coerce (Apollo answers 400); with
 *   application/graphql-response+json a response without `data` is never 2xx (Apollo answers an
 *   unknown persisted query hash with 200).
 */
import { QUERY_LIMIT_CODES } from "../graphql/errors.ts";
import { getOperationAST, parse, type DocumentNode, type ParseOptions } from "graphql";
import { HttpError } from "./http-error.ts";
import { negotiate } from "./media-type.ts";

export const GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
export const APPLICATION_JSON = "application/json";
export type ResponseMediaType = typeof GRAPHQL_RESPONSE_JSON | typeof APPLICATION_JSON;

/** application/json first: it wins ties, which is what wildcard Accept headers and legacy clients need. */
const RESPONSE_TYPES = [APPLICATION_JSON, GRAPHQL_RESPONSE_JSON] as const;

/** The response media type the Accept header asks for; a 406 HttpError when it accepts neither. */
export function responseMediaType(accept: string | undefined): ResponseMediaType {
  const type = negotiate(accept, RESPONSE_TYPES);
  if (!type) throw new HttpError(406, `the Accept header allows neither ${GRAPHQL_RESPONSE_JSON} nor ${APPLICATION_JSON}`);
  return type;
}

/** The media type for an error answer: the negotiated one, or application/json when none is acceptable. */
export function errorMediaType(accept: string | undefined): ResponseMediaType {
  return negotiate(accept, RESPONSE_TYPES) ?? APPLICATION_JSON;
}

const PAGE_OR_RESPONSE_TYPES = [...RESPONSE_TYPES, "text/html"] as const;

/** True when a GET to the endpoint comes from a browser that wants a page (the IDE) rather than JSON. */
export function prefersHtml(accept: string | undefined): boolean {
  return negotiate(accept, PAGE_OR_RESPONSE_TYPES) === "text/html";
}

/** The GET query string without empty optional parameters, as the specification reads them. */
export function dropEmptyParams(search: string): string {
  const params = new URLSearchParams(search);
  const empty = ["operationName", "variables", "extensions"].filter((name) => params.get(name) === "");
  if (empty.length === 0) return search;
  for (const name of empty) params.delete(name);
  return `?${params}`;
}

/** Refuses a GET whose operation is not a query, before Apollo parses, validates or runs it. */
export function assertGetRunsQuery(search: string, parseOptions: ParseOptions): void {
  const params = new URLSearchParams(search);
  const query = params.get("query");
  if (!query) return; // a persisted query hash or a malformed request: Apollo checks those
  let document: DocumentNode;
  try {
    document = parse(query, parseOptions);
  } catch {
    return; // Apollo reports the syntax error (or the token limit)
  }
  const operation = getOperationAST(document, params.get("operationName") || undefined);
  if (operation && operation.operation !== "query") {
    throw new HttpError(405, `GET requests only run queries; send this ${operation.operation} with POST`, { allow: "POST" });
  }
}

/**
 * Apollo's codes for GraphQL request errors of well-formed requests: the document does not parse or
 * validate, the operation cannot be determined, the variables do not coerce. Anything else Apollo
 * answers with a 4xx (BAD_REQUEST: not a well-formed request; a hash that does not match its
 * document) keeps its status.
 */
const REQUEST_ERRORS = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "OPERATION_RESOLUTION_FAILURE", "BAD_USER_INPUT", ...Object.values(QUERY_LIMIT_CODES)]);

function errorCodes(body: string): unknown[] | null {
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    return parsed.errors?.map((error) => error.extensions?.code) ?? null;
  } catch {
    return null;
  }
}

/** The status the specification asks for, given the media type, Apollo's status and its JSON body. */
export function specStatus(type: ResponseMediaType, status: number, body: string): number {
  if (type === APPLICATION_JSON) {
    if (status !== 400) return status;
    const codes = errorCodes(body);
    return codes && codes.length > 0 && codes.every((code) => REQUEST_ERRORS.has(String(code))) ? 200 : status;
  }
  // Apollo writes `errors` before `data`, so a body that starts with data has it.
  if (status >= 300 || !body.startsWith('{"errors"')) return status;
  return "data" in (JSON.parse(body) as object) ? status : 400;
}
