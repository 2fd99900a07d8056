/**
 * What clients see of an error. Coded errors (ours, GraphQL's validation, Apollo's request errors)
 * pass through; anything else is internal (a database failure, a bug): it is logged in full with the
 * request id, and the client gets "Internal server error" with that request id in
 * `extensions.requestId` (also in the `x-request-id` header), and no stack, SQL or Prisma text.
 * With `detailed` (DETAILED_ERRORS, off in production) the client also gets the message and stack.
 *
 * Apollo's formatError does not see the request, so a plugin notes each internal error's request id
 * (didEncounterErrors runs just before formatting, on the same error objects) and logs it.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Context } from "../context.ts";
import type { Logger } from "../log.ts";
import { QueryLimitError, QUERY_LIMIT_CODES } from "./errors.ts";

const INTERNAL = "INTERNAL_SERVER_ERROR";
/** graphql-js's message when the parser's maxTokens option stops it (graphql/limits.ts). */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more than (\d+) tokens\. Parsing aborted\.$/;

const codeOf = (error: unknown) => (error instanceof GraphQLError ? error.extensions?.code : undefined);
const isInternal = (error: unknown) => (codeOf(error) ?? INTERNAL) === INTERNAL;

/** The innermost cause: graphql-js and Apollo wrap what a resolver or hook threw. */
function rootCause(error: unknown): unknown {
  let cause = error;
  while (cause instanceof GraphQLError && cause.originalError && cause.originalError !== cause) cause = cause.originalError;
  return cause;
}

/** Query limit refusals keep their own code (Apollo relabels validation errors GRAPHQL_VALIDATION_FAILED). */
function limitCode(formatted: GraphQLFormattedError, error: unknown): string | undefined {
  const cause = rootCause(error);
  if (cause instanceof QueryLimitError) return cause.code;
  if (formatted.extensions?.code === "GRAPHQL_PARSE_FAILED" && TOO_MANY_TOKENS.test(formatted.message)) return QUERY_LIMIT_CODES.tokens;
  return undefined;
}

export interface ErrorHandling {
  plugin: ApolloServerPlugin<Context>;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
}

export function createErrorHandling({ detailed, logger }: { detailed: boolean; logger: Logger }): ErrorHandling {
  const requestIds = new WeakMap<object, string>();

  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
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
    const limit = limitCode(formatted, error);
    if (limit) return { ...formatted, message: formatted.message.replace(/^Syntax Error: /, ""), extensions: { ...formatted.extensions, code: limit } };
    if ((formatted.extensions?.code ?? INTERNAL) !== INTERNAL) return formatted;
    const requestId = typeof error === "object" && error ? requestIds.get(error) : undefined;
    const cause = rootCause(error);
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
