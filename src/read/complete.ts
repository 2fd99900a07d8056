/**
 * Fields that need JavaScript, run on what the planned statement fetched. Where the operation asks
 * such a field, the statement writes a slot, `{"__js": N, "row": {...}}`, holding the columns its
 * resolver reads (catalogue.ts JsField); once PostgreSQL has answered, the answer is parsed, each
 * slot's resolver runs on its row (all of them in the same tick, so their DataLoaders batch), and
 * the value is completed against the field's selection as graphql-js would: leaves serialized,
 * objects by their fields' resolvers (or properties), lists item by item. A field that fails is
 * null with an error at its path.
 */
import {
  defaultFieldResolver, getNamedType, GraphQLError, isLeafType, isListType, isNonNullType, isObjectType,
  type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLObjectType, type GraphQLOutputType,
  type GraphQLResolveInfo, type GraphQLSchema, type OperationDefinitionNode,
} from "graphql";
import { collectSubfields } from "graphql/execution/collectFields.js";
import { getArgumentValues } from "graphql/execution/values.js";
import type { Args } from "./catalogue.ts";

/** A field the statement left to its resolver. */
export interface Slot {
  parentType: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  nodes: readonly FieldNode[];
  args: Args;
  /** Row properties that hold dates (YYYY-MM-DD in JSON, Date objects for resolvers). */
  dates: readonly string[];
}

export interface Run {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  context: unknown;
}

type Path = (string | number)[];

/** What graphql-js gives resolvers; ours read fieldNodes, fragments, variables and parentType. */
function infoFor(run: Run, parentType: GraphQLObjectType, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], path: Path): GraphQLResolveInfo {
  let prev: GraphQLResolveInfo["path"] | undefined;
  for (const key of path) prev = { prev, key, typename: undefined };
  return {
    fieldName: field.name, fieldNodes: nodes, returnType: field.type, parentType, path: prev!, schema: run.schema,
    fragments: run.fragments, rootValue: undefined, operation: run.operation, variableValues: run.variables,
  };
}

async function complete(run: Run, type: GraphQLOutputType, nodes: readonly FieldNode[], value: unknown, path: Path): Promise<unknown> {
  const resolved = await value;
  if (isNonNullType(type)) return complete(run, type.ofType, nodes, resolved, path);
  if (resolved === null || resolved === undefined) return null;
  if (isListType(type)) return Promise.all([...(resolved as Iterable<unknown>)].map((item, i) => complete(run, type.ofType, nodes, item, [...path, i])));
  if (isLeafType(type)) return type.serialize(resolved);
  if (!isObjectType(type)) throw new GraphQLError(`${getNamedType(type).name} is abstract: not completed here`);
  const out: Record<string, unknown> = {};
  for (const [key, fieldNodes] of collectSubfields(run.schema, run.fragments, run.variables, type, nodes)) {
    const name = fieldNodes[0]!.name.value;
    if (name === "__typename") {
      out[key] = type.name;
      continue;
    }
    const field = type.getFields()[name]!;
    const args = getArgumentValues(field, fieldNodes[0]!, run.variables);
    const at = [...path, key];
    const resolve = field.resolve ?? defaultFieldResolver;
    out[key] = await complete(run, field.type, fieldNodes, resolve(resolved, args, run.context, infoFor(run, type, field, fieldNodes, at)), at);
  }
  return out;
}

/** Runs every slot of `data` (parsed from the statement's JSON) in place; returns the errors. */
export async function fillSlots(data: Record<string, unknown>, slots: readonly Slot[], run: Run): Promise<GraphQLError[]> {
  const errors: GraphQLError[] = [];
  const work: Promise<void>[] = [];
  const visit = (holder: Record<string, unknown> | unknown[], key: string | number, path: Path): void => {
    const value = (holder as Record<string | number, unknown>)[key];
    if (value === null || typeof value !== "object") return;
    if (Array.isArray(value)) return value.forEach((_, i) => visit(value, i, [...path, i]));
    const slot = (value as { __js?: number }).__js;
    if (slot === undefined) {
      for (const child of Object.keys(value)) visit(value as Record<string, unknown>, child, [...path, child]);
      return;
    }
    const { parentType, field, nodes, args, dates } = slots[slot]!;
    const row = (value as { row: Record<string, unknown> }).row;
    for (const column of dates) if (typeof row[column] === "string") row[column] = new Date(row[column] as string);
    const resolve = field.resolve ?? defaultFieldResolver;
    work.push(
      (async () => {
        try {
          const result = resolve(row, args, run.context, infoFor(run, parentType, field, nodes, path));
          (holder as Record<string | number, unknown>)[key] = await complete(run, field.type, nodes, result, path);
        } catch (error) {
          (holder as Record<string | number, unknown>)[key] = null;
          const original = error instanceof Error ? error : new Error(String(error));
          errors.push(error instanceof GraphQLError && !error.path
            ? new GraphQLError(error.message, { nodes, path, originalError: error.originalError ?? error, extensions: error.extensions })
            : new GraphQLError(original.message, { nodes, path, originalError: original }));
        }
      })(),
    );
  };
  for (const key of Object.keys(data)) visit(data, key, [key]);
  await Promise.all(work);
  return errors;
}
