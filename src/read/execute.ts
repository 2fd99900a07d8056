/**
 * How an operation is answered. Apollo parses, validates, checks limits and formats errors; this
 * executor (plugged in through Apollo's gateway interface, its only executor hook) then:
 * 1. coerces the variables once (graphql/variables.ts);
 * 2. for a query the planner takes (plan.ts), sends its one statement and splices the JSON text
 *    PostgreSQL wrote into the response (stringifyResult) without parsing it;
 * 3. otherwise runs the resolvers, compiled by graphql-jit or by graphql-js. That happens, and is
 *    logged at debug with the reason, for: mutations; queries asking a field the catalogue marks as
 *    needing JavaScript (or does not know); arguments a list refuses (its resolver reports the
 *    error at the field's path); and a statement that fails (the database is down: the resolvers
 *    meet the same failure and report it where it belongs).
 */
import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import { execute, GraphQLError, type FragmentDefinitionNode, type GraphQLSchema, Kind } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import { planForAnyValues, type RawQueries } from "../db/raw.ts";
import { coerceVariables } from "../graphql/variables.ts";
import type { Logger } from "../log.ts";
import type { Catalogue } from "./catalogue.ts";
import { ArgumentRefused, planOperation, Unplanned, type Plan } from "./plan.ts";
import { fillSlots } from "./complete.ts";
import { Replays } from "./replays.ts";
import type { Route } from "../db/routing.ts";

/** A value of `data` that is JSON text already: the response is written around it (`stringifyResult`). */
export class RawJson {
  constructor(readonly text: string) {}
  /** For anything else that serializes a result. */
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** Apollo's `stringifyResult`: compact JSON, with the JSON PostgreSQL wrote spliced in as it came. */
export function stringifyResult(result: { data?: unknown }): string {
  if (!(result.data instanceof RawJson)) return JSON.stringify(result);
  const { data, ...rest } = result;
  const others = JSON.stringify(rest);
  return others === "{}" ? `{"data":${data.text}}` : `{"data":${data.text},${others.slice(1)}`;
}

/**
 * graphql-jit reports field errors without `extensions`, which Apollo cannot format (it falls
 * back to a bare "Internal server error", skipping formatError): rebuild them as graphql-js makes them.
 */
function asGraphQLError(error: { message: string; locations?: unknown; path?: ReadonlyArray<string | number>; originalError?: Error; extensions?: Record<string, unknown> }): GraphQLError {
  if (error instanceof GraphQLError && error.extensions) return error;
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  return Object.assign(rebuilt, { locations: error.locations });
}

/** Operations kept (plans and compiled resolvers), least recently used evicted first. */
const MAX_OPERATIONS = 500;
/** Statements kept per operation, one per set of variables (a slug each, say). */
const MAX_STATEMENTS = 8;

type Planned = Plan | { unplanned: string };

interface Entry {
  fragments: Record<string, FragmentDefinitionNode>;
  /** By the variables' JSON. */
  plans: Map<string, Planned>;
  compiled?: CompiledQuery;
}

export interface ExecutorOptions {
  schema: GraphQLSchema;
  catalogue: Catalogue;
  /** Run resolvers compiled by graphql-jit (else graphql-js). */
  jit: boolean;
  /** Answer what the planner can take with it (else every field runs its resolver). */
  planner: boolean;
  logger: Logger;
  /** Where requests answered whole by one statement are kept for the HTTP layer to replay. */
  replays?: Replays;
}

export function readGateway({ schema, catalogue, jit, planner, logger, replays }: ExecutorOptions): GatewayInterface {
  const entries = new Map<string, Entry>();

  const plan = (entry: Entry, operation: Parameters<typeof planOperation>[1], variables: Record<string, unknown>): Planned => {
    const key = JSON.stringify(variables);
    let planned = entry.plans.get(key);
    if (planned) return planned;
    try {
      // Prepared once per connection (db/raw.ts): planning these statements costs PostgreSQL more
      // than running them, and their values (slugs, cursors, filters) do not change the plan's shape.
      planned = planOperation({ schema, catalogue, fragments: entry.fragments, variables }, operation);
      planForAnyValues(planned.sql);
    } catch (error) {
      if (!(error instanceof Unplanned || error instanceof ArgumentRefused)) throw error;
      planned = { unplanned: error instanceof ArgumentRefused ? `an argument is refused: ${error.message}` : error.message };
    }
    if (entry.plans.size >= MAX_STATEMENTS) entry.plans.delete(entry.plans.keys().next().value!);
    entry.plans.set(key, planned);
    return planned;
  };

  const executor: GatewayExecutor = async (request) => {
    const key = `${request.queryHash}\u0000${request.operationName ?? ""}`;
    let entry = entries.get(key);
    if (entry) entries.delete(key);
    else {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of request.document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      entry = { fragments, plans: new Map() };
      if (entries.size >= MAX_OPERATIONS) entries.delete(entries.keys().next().value!);
    }
    entries.set(key, entry);
    if (!request.operation) {
      return { errors: [new GraphQLError(`Unknown operation named "${request.operationName}".`, { extensions: { code: "OPERATION_RESOLUTION_FAILURE" } })] };
    }
    // graphql-jit's own coercion drops defaults of non-null variables and uncodes its errors:
    // coerce the way graphql-js does (once: the cost limit did it already), and hand it complete values.
    const variables = coerceVariables(schema, request.operation, request.request.variables);
    if (variables.errors) {
      return { errors: variables.errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, originalError: e, extensions: { code: "BAD_USER_INPUT" } })) };
    }
    const context = request.context as { raw: RawQueries; requestId?: string; route?: Route };
    // A write reads its own result: all of a mutation's reads go to the primary.
    if (request.operation.operation !== "query" && context.route) context.route.primary = true;
    if (planner) {
      const planned = plan(entry, request.operation, variables.coerced);
      if ("sql" in planned) {
        let text: string | undefined;
        try {
          const answered = await context.raw.$queryText(planned.sql);
          if (typeof answered !== "string") throw new Error("the planned statement gave no JSON text");
          text = answered;
        } catch (error) {
          logger.warn({ err: error, requestId: context.requestId, operationName: request.operationName }, "the planned statement failed; the resolvers answer");
        }
        if (text !== undefined && planned.slots.length === 0) {
          const replay = replays && Replays.keyOf(request.request);
          if (replay) replays!.remember(replay, planned.sql);
          return { data: new RawJson(text) };
        }
        if (text !== undefined) {
          // Fields that need JavaScript: their resolvers run on what the statement fetched.
          const data = JSON.parse(text) as Record<string, unknown>;
          const errors = await fillSlots(data, planned.slots, { schema, operation: request.operation, fragments: entry.fragments, variables: variables.coerced, context: request.context });
          return errors.length ? { data, errors } : { data };
        }
      } else {
        logger.debug({ requestId: context.requestId, operationName: request.operationName, reason: planned.unplanned }, "answered by the resolvers");
      }
    }
    if (!jit) return execute({ schema, document: request.document, operationName: request.operationName, variableValues: request.request.variables, contextValue: request.context });
    if (!entry.compiled) {
      const compiled = compileQuery(schema, request.document, request.operationName ?? undefined);
      if (!isCompiledQuery(compiled)) return compiled;
      entry.compiled = compiled;
    }
    const result = await entry.compiled.query(undefined, request.context, variables.coerced);
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
