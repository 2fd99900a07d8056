/**
 * Runs operations with graphql-jit instead of graphql-js: each operation is compiled once into
 * JavaScript specialised for its selection set, then reused. Apollo Server has no executor
 * option, so this plugs in through its gateway interface (the hook federation gateways use);
 * parsing, validation, plugins and error formatting stay Apollo's.
 */
import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import type { RawQueries } from "../db/raw.ts";
import { planSqlAnswer, type SqlAnswer, type SqlRootList } from "./sql-answer.ts";
import { coerceVariables } from "./variables.ts";

/**
 * graphql-jit reports field errors without `extensions`, which Apollo cannot format (it falls
 * back to a bare "Internal server error", skipping formatError): rebuild them as graphql-js makes them.
 */
function asGraphQLError(error: { message: string; locations?: unknown; path?: ReadonlyArray<string | number>; originalError?: Error; extensions?: Record<string, unknown> }): GraphQLError {
  if (error instanceof GraphQLError && error.extensions) return error;
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  return Object.assign(rebuilt, { locations: error.locations });
}

/** Compiled operations kept, least recently used evicted first. */
const MAX_COMPILED = 500;

/** An operation compiled, and how PostgreSQL answers it alone when it can (sql-answer.ts). */
interface Compiled {
  query: CompiledQuery;
  sql?: SqlAnswer;
}

/** `sqlLists`: root lists PostgreSQL may answer alone; the context's `raw` runs their statements. */
export function jitGateway(schema: GraphQLSchema, sqlLists: Readonly<Record<string, SqlRootList>> = {}): GatewayInterface {
  const compiled = new Map<string, Compiled>();
  const executor: GatewayExecutor = async (request) => {
    const key = `${request.queryHash}\u0000${request.operationName ?? ""}`;
    let entry = compiled.get(key);
    if (entry) compiled.delete(key);
    else {
      const result = compileQuery(schema, request.document, request.operationName ?? undefined);
      if (!isCompiledQuery(result)) return result;
      entry = { query: result, sql: planSqlAnswer(schema, request.operation, sqlLists) };
      if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    }
    compiled.set(key, entry);
    // graphql-jit's own coercion drops defaults of non-null variables and uncodes its errors:
    // coerce the way graphql-js does (once: the cost limit did it already), and hand it complete values.
    const variables = coerceVariables(schema, request.operation, request.request.variables);
    if (variables.errors) {
      return { errors: variables.errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, originalError: e, extensions: { code: "BAD_USER_INPUT" } })) };
    }
    if (entry.sql) {
      const answered = await entry.sql.run((request.context as { raw: RawQueries }).raw, variables.coerced);
      if (answered) return answered;
    }
    const result = await entry.query.query(undefined, request.context, variables.coerced);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };
  return {
    load: async () => ({ executor }),
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => undefined;
    },
    stop: async () => undefined,
  };
}
