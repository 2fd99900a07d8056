/**
 * Apollo plugin (installed only when tracing is on): spans for parsing, validating and executing a
 * GraphQL operation, children of the request's HTTP span. While the operation executes, its span is
 * the parent of the SQL statements sent (the planner's statement, resolvers' loaders, a mutation's
 * Prisma statements).
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context.ts";

export const graphqlSpans: ApolloServerPlugin<Context> = {
  async requestDidStart({ contextValue }) {
    const trace = contextValue.sql.trace;
    if (!trace) return undefined;
    return {
      async parsingDidStart() {
        const span = trace.start("graphql.parse", {});
        return async (error) => trace.end(span, error);
      },
      async validationDidStart() {
        const span = trace.start("graphql.validate", {});
        return async (errors) => trace.end(span, errors?.[0]);
      },
      async executionDidStart({ operation, operationName }) {
        const type = operation.operation;
        // Named as OpenTelemetry's GraphQL conventions say: "query ThemeEventsQuotes".
        const span = trace.start(operationName ? `${type} ${operationName}` : type, {
          "graphql.operation.type": type,
          ...(operationName && { "graphql.operation.name": operationName }),
        });
        trace.enter(span);
        return {
          async executionDidEnd(error) {
            trace.leave();
            trace.end(span, error);
          },
        };
      },
    };
  },
};
