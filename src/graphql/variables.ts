/**
 * An operation's variables, coerced once per request: the cost limit (graphql/cost.ts, before
 * execution) and the executor (read/execute.ts) both need them, and Apollo hands both the same raw
 * variables object and operation node, which key the result.
 */
import { getVariableValues, type GraphQLSchema, type OperationDefinitionNode } from "graphql";

type Coerced = ReturnType<typeof getVariableValues>;

const coerced = new WeakMap<object, { schema: GraphQLSchema; operation: OperationDefinitionNode; result: Coerced }>();

export function coerceVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, raw: Record<string, unknown> | undefined): Coerced {
  const known = raw && coerced.get(raw);
  if (known && known.schema === schema && known.operation === operation) return known.result;
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], raw ?? {});
  if (raw) coerced.set(raw, { schema, operation, result });
  return result;
}
