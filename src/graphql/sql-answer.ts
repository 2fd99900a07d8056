/**
 * Queries PostgreSQL answers alone. A query whose one root field is a list registered here (e.g.
 * `quotes`) and asks only its `nodes`, with plain fields its items' JsonType knows, is answered by
 * one statement that writes the items as JSON (db/list.ts pageJsonSql), spliced into the response
 * as text (sql-json.ts RawJson): no rows parsed, no executor walk, no serializing them again.
 * The page request is the one the field's resolver builds, so arguments, filters, orders and
 * cursors mean the same. Anything else, and any request the resolver would refuse or that fails,
 * runs through the executor as usual, which answers or reports it.
 */
import { BREAK, Kind, visit, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { getArgumentValues } from "graphql/execution/values.js";
import type { Prisma } from "../generated/prisma/client.ts";
import type { RawQueries } from "../db/raw.ts";
import { pageJsonSql, type ListSql, type PageRequest } from "../db/list.ts";
import { jsonObjectSql, RawJson, type JsonType } from "./sql-json.ts";

/** A root list field PostgreSQL can answer alone. */
export interface SqlRootList {
  list: ListSql;
  /** The page request for the field's arguments: the resolver's own (it throws what the resolver would). */
  request(args: Record<string, unknown>): PageRequest;
  /** How PostgreSQL writes the items (aliases over the list's FROM). */
  item: JsonType;
}

/**
 * A root list answered in SQL, its page requests built by `request`, typed as its resolver's
 * arguments: they arrive coerced by GraphQL against the same field's arguments, as the resolver's do.
 */
export function sqlRootList<Args>(list: ListSql, request: (args: Args) => PageRequest, item: JsonType): SqlRootList {
  return { list, request: request as (args: Record<string, unknown>) => PageRequest, item };
}

export interface SqlAnswer {
  /** The result, or undefined when the executor must answer this request. */
  run(raw: RawQueries, variables: Record<string, unknown>): Promise<{ data: RawJson } | undefined>;
}

/** How to answer `operation` in SQL, or undefined when it is not such a query. Planned once per operation. */
export function planSqlAnswer(schema: GraphQLSchema, operation: OperationDefinitionNode, lists: Readonly<Record<string, SqlRootList>>): SqlAnswer | undefined {
  if (operation.operation !== "query" || operation.directives?.length) return undefined;
  const [root, ...more] = operation.selectionSet.selections;
  if (more.length || root?.kind !== Kind.FIELD || root.directives?.length || !Object.hasOwn(lists, root.name.value)) return undefined;
  const entry = lists[root.name.value]!;
  const field = schema.getQueryType()?.getFields()[root.name.value];
  const [nodes, ...others] = root.selectionSet?.selections ?? [];
  if (!field || others.length || nodes?.kind !== Kind.FIELD || nodes.name.value !== "nodes" || nodes.directives?.length) return undefined;
  const item = jsonObjectSql(nodes.selectionSet, entry.item);
  if (!item) return undefined;
  const prefix = `{${JSON.stringify(root.alias?.value ?? root.name.value)}:{${JSON.stringify(nodes.alias?.value ?? "nodes")}:`;
  /** The statement for these variables, or undefined for arguments the resolver refuses (it reports them, with the field's path). */
  const statement = (variables: Record<string, unknown>): Prisma.Sql | undefined => {
    try {
      return pageJsonSql(entry.list, entry.request(getArgumentValues(field, root, variables)), item);
    } catch {
      return undefined;
    }
  };
  // Arguments written without variables give the same statement on every run: built once.
  let readsVariables = false;
  for (const arg of root.arguments ?? []) visit(arg, { Variable: () => ((readsVariables = true), BREAK) });
  let fixed: { sql: Prisma.Sql | undefined } | undefined;
  return {
    async run(raw, variables) {
      const sql = readsVariables ? statement(variables) : (fixed ??= { sql: statement(variables) }).sql;
      if (!sql) return undefined;
      try {
        const [row] = await raw.$queryRaw<{ items: string }[]>(sql);
        return { data: new RawJson(`${prefix}${row!.items}}}`) };
      } catch {
        return undefined; // e.g. the database is down: the executor meets it again and reports it where it belongs
      }
    },
  };
}
