/**
 * Connection-aware query cost, checked after validation and before execution (Apollo's
 * didResolveOperation, where the variables are known), so a refused query sends no SQL.
 *
 * The cost approximates the rows an operation can make the database return: an object field costs 1
 * plus what it selects; a list field that takes `first`/`last` (every Relay connection here, and
 * Document.paragraphs) multiplies what it selects by its page size. The page size is the argument's
 * value (variables included), else its default, else DEFAULT_PAGE_SIZE, and never more than
 * MAX_PAGE_SIZE: the list's own resolver refuses larger sizes before it loads anything. Scalars and
 * introspection cost nothing. graphql-armor's cost rule reads literal `first` values only and
 * weights depth instead, hence this rule.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type FieldNode,
  type SelectionSetNode,
} from "graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./connection.ts";
import { QueryLimitError } from "./errors.ts";

type Variables = Record<string, unknown>;

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Variables;
  /** Cost of each fragment, computed once: repeated spreads cannot make the walk exponential. */
  fragmentCost: Map<string, number>;
}

/** How many items a field returns per parent: its page size for paged lists, else 1. */
function pageSize(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Variables): number {
  if (!field.args.some((a) => a.name === "first" || a.name === "last")) return 1;
  try {
    const args = getArgumentValues(field, node, variables) as { first?: number | null; last?: number | null };
    const size = args.first ?? args.last ?? DEFAULT_PAGE_SIZE;
    return Math.min(Math.max(size, 0), MAX_PAGE_SIZE);
  } catch {
    return MAX_PAGE_SIZE; // arguments that do not coerce fail in execution anyway; assume the worst
  }
}

function selectionCost(set: SelectionSetNode, type: GraphQLCompositeType, walk: Walk): number {
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith("__") || !(isObjectType(type) || isInterfaceType(type))) continue;
      const field = type.getFields()[selection.name.value];
      const itemType = field && getNamedType(field.type);
      if (!field || !selection.selectionSet || !isCompositeType(itemType)) continue;
      cost += 1 + pageSize(field, selection, walk.variables) * selectionCost(selection.selectionSet, itemType, walk);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : type;
      if (isCompositeType(condition)) cost += selectionCost(selection.selectionSet, condition, walk);
    } else {
      cost += fragmentCost(selection.name.value, walk);
    }
  }
  return cost;
}

function fragmentCost(name: string, walk: Walk): number {
  const known = walk.fragmentCost.get(name);
  if (known !== undefined) return known;
  const fragment = walk.fragments[name];
  const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
  // Validation has refused fragment cycles already; the 0 placeholder only guards against them.
  walk.fragmentCost.set(name, 0);
  const cost = fragment && isCompositeType(type) ? selectionCost(fragment.selectionSet, type, walk) : 0;
  walk.fragmentCost.set(name, cost);
  return cost;
}

/** The cost of `operation` with these (raw) variables; null when the variables do not coerce. */
export function operationCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, rawVariables: Variables | undefined): number | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return null;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  return selectionCost(operation.selectionSet, root, { schema, fragments, variables: coerced.coerced, fragmentCost: new Map() });
}

/** Refuses operations costing more than `max` (MAX_COST_EXCEEDED) before they execute. */
export function costLimitPlugin(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          // Variables that do not coerce: execution refuses them before any resolver runs.
          const cost = operationCost(schema, operation, fragments, request.variables);
          if (cost !== null && cost > max) {
            throw new QueryLimitError("cost", `Query cost ${cost} exceeds the limit of ${max}: a list costs its page size (first or last, default ${DEFAULT_PAGE_SIZE}) times the cost of what it selects per item.`, { nodes: operation, max, found: cost });
          }
        },
      };
    },
  };
}
