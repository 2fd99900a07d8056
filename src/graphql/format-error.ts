/**
 * What clients see of an error. Coded errors (ours, GraphQL's validation, Apollo's request errors)
 * pass through; anything else is internal (a database failure, a bug): it is logged in full with the
 * request id, and the client gets "Internal server error" with that request id in
 * `extensions.requestId` (also in the `x-request-id` header), and no stack, SQL or Prisma text.
 * With `detailed` (DETAILED_ERRORS, off in production) the client also gets the message and stack.
 * Without `suggestions` (introspection off), "Did you mean …?" hints are cut from messages: they
 * would spell out the schema that introspection hides.
 *
 * Apollo's formatError does not see the request, so a plugin notes each internal error's request id
 * (didEncounterErrors runs just before formatting, on the same error objects) and logs it.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Context } from "../context.ts";
import { isDatabaseUnavailable } from "../db/unavailable.ts";
import type { Logger } from "../log.ts";
import { QueryLimitError, QUERY_LIMIT_CODES } from "./errors.ts";

const INTERNAL = "INTERNAL_SERVER_ERROR";
/** graphql-js's message (16.x writes "more that") when the parser's maxTokens option stops it (graphql/limits.ts). */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more th(?:at|an) (\d+) tokens\. Parsing aborted\.$/;

/** graphql-js's hint at the end of validation messages: ` Did you mean "themes"?` */
const SUGGESTION = /\s*Did you mean .*\?$/;

const codeOf = (error: unknown) => (error instanceof GraphQLError ? error.extensions?.code : undefined);
const isInternal = (error: unknown) => (codeOf(error) ?? INTERNAL) === INTERNAL;

/** The innermost cause: graphql-js and Apollo wrap what a resolver or hook threw. */
function rootCause(error: unknown): unknown {
  let cause = error;
  while (cause instanceof GraphQLError && cause.originalError && cause.originalError !== cause) cause = cause.originalError;
  return cause;
}

/**
 * Query limit refusals with their own code: Apollo relabels validation errors
 * GRAPHQL_VALIDATION_FAILED and the token limit is a parse error; null for any other error.
 */
function limitRefusal(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | null {
  const cause = rootCause(error);
  if (cause instanceof QueryLimitError) return { ...formatted, extensions: { ...formatted.extensions, code: cause.code } };
  const tokens = formatted.extensions?.code === "GRAPHQL_PARSE_FAILED" ? TOO_MANY_TOKENS.exec(formatted.message) : null;
  if (!tokens) return null;
  const message = `Document has more than ${tokens[1]} tokens, the limit (QUERY_MAX_TOKENS). Parsing stopped.`;
  return { ...formatted, message, extensions: { ...formatted.extensions, code: QUERY_LIMIT_CODES.tokens, max: Number(tokens[1]) } };
}

export interface ErrorHandling {
  plugin: ApolloServerPlugin<Context>;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
}

export function createErrorHandling({ detailed, suggestions, logger }: { detailed: boolean; suggestions: boolean; logger: Logger }): ErrorHandling {
  const requestIds = new WeakMap<object, string>();

  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          contextValue.firstError.code ??= String(codeOf(errors[0]) ?? INTERNAL);
          for (const error of errors) {
            if (!isInternal(error)) continue;
            requestIds.set(error, contextValue.requestId);
            const cause = rootCause(error);
            logger.error({ requestId: contextValue.requestId, operationName, path: error.path?.join("."), err: cause }, "internal error");
          }
        },
      };
    },
  };

  function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const limit = limitRefusal(formatted, error);
    if (limit) return limit;
    if ((formatted.extensions?.code ?? INTERNAL) !== INTERNAL) {
      return suggestions || !SUGGESTION.test(formatted.message) ? formatted : { ...formatted, message: formatted.message.replace(SUGGESTION, "") };
    }
    // Apollo raises this one uncoded: the client sent a hash that is not its query's SHA-256.
    if (formatted.message === "provided sha does not match query") {
      return { message: `${formatted.message}: extensions.persistedQuery.sha256Hash must be the SHA-256 of the query sent with it`, extensions: { code: "PERSISTED_QUERY_HASH_MISMATCH" } };
    }
    const requestId = typeof error === "object" && error ? requestIds.get(error) : undefined;
    const cause = rootCause(error);
    // The database being away is not a bug: a retryable code, and pg's pool reconnects by itself.
    if (isDatabaseUnavailable(cause)) {
      return { message: "The database is unavailable; try again shortly.", locations: formatted.locations, path: formatted.path, extensions: { code: "SERVICE_UNAVAILABLE", requestId } };
    }
    const details = detailed && cause instanceof Error ? { message: cause.message, stacktrace: cause.stack?.split("\n") } : undefined;
    return {
      message: details?.message ?? "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: INTERNAL, requestId, ...(details && { stacktrace: details.stacktrace }) },
    };
  }

  return { plugin, formatError };
}
