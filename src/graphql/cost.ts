/**
 * Connection-aware query cost, checked after validation and before execution (Apollo's
 * didResolveOperation, where the variables are known), so a refused query sends no SQL.
 *
 * The cost approximates the rows an operation can make the database return: an object field costs 1
 * plus what it selects; a list field that takes `first`/`last` (every Relay connection here, and
 * Document.paragraphs) multiplies what it selects by its page size. The page size is the argument's
 * value (variables included), else its default, else DEFAULT_PAGE_SIZE, and never more than
 * MAX_PAGE_SIZE: the list's own resolver refuses larger sizes before it loads anything. A text field
 * that holds kilobytes (Document.text, Paragraph.text, a quote's words) costs by the kilobytes it
 * declares (graphql/text-size.ts), as a row is ~100 bytes of answer; other scalars and introspection
 * cost nothing. graphql-armor's cost rule reads literal `first` values only and weights depth
 * instead, hence this rule.
 *
 * The same walk counts field selections with fragments expanded (no page sizes): a few fragments
 * spreading each other twice make a short document name millions of fields, which costs executors
 * that plan per field (graphql-jit compiles each) time before anything runs. Each fragment is
 * walked once and its tally reused, so this walk itself stays linear.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import {
  getArgumentValues,
  getNamedType,
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
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./types/connection.ts";
import { QueryLimitError } from "./errors.ts";
import { COST_PER_KB, textCost } from "./text-size.ts";
import { coerceVariables } from "./variables.ts";

type Variables = Record<string, unknown>;

/** What an operation asks for: `cost` (rows, weighted by page sizes) and `fields` (selections, expanded). */
export interface Tally {
  cost: number;
  fields: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Variables;
  /** Tally of each fragment, computed once: repeated spreads cannot make the walk exponential. */
  fragmentTally: Map<string, Tally>;
  /** Where to note the weighted text fields met (`Type.field` and what one costs): for a refusal's message only. */
  texts?: Map<string, number>;
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

function selectionTally(set: SelectionSetNode, type: GraphQLCompositeType, walk: Walk): Tally {
  const tally: Tally = { cost: 0, fields: 0 };
  const add = (more: Tally, times = 1) => {
    tally.cost += more.cost * times;
    tally.fields += more.fields;
  };
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith("__") || !(isObjectType(type) || isInterfaceType(type))) continue;
      tally.fields++;
      const field = type.getFields()[selection.name.value];
      const itemType = field && getNamedType(field.type);
      if (field && !isCompositeType(itemType)) {
        const text = textCost(field);
        if (text && walk.texts) walk.texts.set(`${type.name}.${field.name}`, text);
        tally.cost += text;
        continue;
      }
      if (!field || !selection.selectionSet || !isCompositeType(itemType)) continue;
      tally.cost++;
      add(selectionTally(selection.selectionSet, itemType, walk), pageSize(field, selection, walk.variables));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : type;
      if (isCompositeType(condition)) add(selectionTally(selection.selectionSet, condition, walk));
    } else {
      add(fragmentTally(selection.name.value, walk));
    }
  }
  return tally;
}

function fragmentTally(name: string, walk: Walk): Tally {
  const known = walk.fragmentTally.get(name);
  if (known) return known;
  const fragment = walk.fragments[name];
  const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
  // Validation has refused fragment cycles already; the placeholder only guards against them.
  walk.fragmentTally.set(name, { cost: 0, fields: 0 });
  const tally = fragment && isCompositeType(type) ? selectionTally(fragment.selectionSet, type, walk) : { cost: 0, fields: 0 };
  walk.fragmentTally.set(name, tally);
  return tally;
}

/**
 * The tally of `operation` with these (raw) variables; null when the variables do not coerce. Given
 * `texts`, the weighted text fields it selects are noted there, with what one costs.
 */
export function operationTally(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, rawVariables: Variables | undefined, texts?: Map<string, number>): Tally | null {
  const coerced = coerceVariables(schema, operation, rawVariables);
  if (coerced.errors) return null;
  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0, fields: 0 };
  return selectionTally(operation.selectionSet, root, { schema, fragments, variables: coerced.coerced, fragmentTally: new Map(), texts });
}

/** The refusal's explanation of where the cost comes from, naming the text fields the operation weighs. */
function costMessage(found: number, max: number, texts: ReadonlyMap<string, number>): string {
  const weighed = [...texts].map(([field, cost]) => `${field} ${cost}`).join(", ");
  const text = weighed ? `; a text field costs ${COST_PER_KB} per kilobyte it usually holds (here ${weighed}, each time it is selected): ask for fewer of them or smaller pages` : "";
  return `Query cost ${found} exceeds the limit of ${max} (QUERY_MAX_COST): a list costs its page size (first or last, default ${DEFAULT_PAGE_SIZE}) times the cost of what it selects per item${text}.`;
}

/** Refuses operations over the cost (MAX_COST_EXCEEDED) or expanded-field (MAX_FIELDS_EXCEEDED) limits before they execute. */
export function costLimitPlugin(max: { cost: number; fields: number }): ApolloServerPlugin {
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
          const tally = operationTally(schema, operation, fragments, request.variables);
          if (tally && tally.fields > max.fields) {
            throw new QueryLimitError("fields", `The operation selects ${tally.fields} fields once fragments are expanded, over the limit of ${max.fields} (QUERY_MAX_FIELDS).`, { nodes: operation, max: max.fields, found: tally.fields });
          }
          if (tally && tally.cost > max.cost) {
            // Walked again to name the text fields: a refusal is rare, and an answer costs no allocation for it.
            const texts = new Map<string, number>();
            operationTally(schema, operation, fragments, request.variables, texts);
            throw new QueryLimitError("cost", costMessage(tally.cost, max.cost, texts), { nodes: operation, max: max.cost, found: tally.cost });
          }
        },
      };
    },
  };
}
