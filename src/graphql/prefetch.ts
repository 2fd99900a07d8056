/**
 * Selection-aware loading: when a list's query also asks for child lists of each item (events ->
 * people, organizations, quotes…), fetch those child pages in the parent's own statement (JSON
 * arrays, db/list.ts) and prime the child loaders, so the child resolvers find them already loaded.
 * The child resolvers stay the source of truth: a child list is folded only when its request is
 * built by the very function its resolver uses; anything unusual (directives, bad arguments) is
 * left to the resolver.
 */
import { getArgumentValues } from "graphql/execution/values.js";
import { Kind, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import type { Loaders } from "../context.ts";
import type { ListLoaders } from "../db/batch.ts";
import { toPage, type ChildQuery, type ListSql, type PageRequest } from "../db/list.ts";
import { onceForField, type ConnectionArgs, type FieldCache, type Prefetch } from "./connection.ts";

/** A list field's arguments: paging, plus whatever filter and order the list takes. */
export type ListArgs = ConnectionArgs & { filter?: unknown; orderBy?: unknown };

/** A list under each item of a parent list, as its resolver loads it. */
export interface ChildList {
  list: ListSql;
  loaders(loaders: Loaders): ListLoaders<object>;
  /**
   * The page request for the field's arguments and the fields asked on its items (names): the
   * resolver calls this too, so a folded page and the resolver's own agree.
   */
  request(args: ListArgs, itemFields?: readonly string[]): PageRequest;
}

type Fragments = GraphQLResolveInfo["fragments"];

/** Calls `visit` for each field of a selection set, through inline fragments and (10 deep) spreads. */
function eachField(set: SelectionSetNode | undefined, fragments: Fragments, visit: (field: FieldNode) => void, depth = 0): void {
  for (const sel of set?.selections ?? []) {
    if (sel.kind === Kind.FIELD) visit(sel);
    else if (sel.kind === Kind.INLINE_FRAGMENT) eachField(sel.selectionSet, fragments, visit, depth);
    else if (depth < 10) eachField(fragments[sel.name.value]?.selectionSet, fragments, visit, depth + 1);
  }
}

/** Fields selected on the connection's items, through `nodes` and `edges { node }`, fragments included. */
function itemFields(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">): FieldNode[] {
  const found: FieldNode[] = [];
  const add = (f: FieldNode) => found.push(f);
  for (const connectionField of info.fieldNodes) {
    eachField(connectionField.selectionSet, info.fragments, (field) => {
      if (field.name.value === "nodes") eachField(field.selectionSet, info.fragments, add);
      if (field.name.value === "edges") {
        eachField(field.selectionSet, info.fragments, (edgeField) => {
          if (edgeField.name.value === "node") eachField(edgeField.selectionSet, info.fragments, add);
        });
      }
    });
  }
  return found;
}

/** JSON gives dates as strings; rows elsewhere carry Date objects. */
const DATE_KEYS = ["dateStart", "dateEnd", "publishedOn", "createdAt", "updatedAt"];
function revive(row: Record<string, unknown>): Record<string, unknown> {
  for (const key of DATE_KEYS) if (typeof row[key] === "string") row[key] = new Date(row[key] as string);
  return row;
}

/**
 * Names of the fields a list field's query asks on its items (each once, in query order), and of
 * the fields asked one level below them as "field.subfield" (e.g. "speaker.name"), so that a list
 * can fetch only what the query reads of a to-one object it folds into its rows.
 */
export function itemFieldNames(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">): string[] {
  const names = new Set<string>();
  for (const field of itemFields(info)) {
    names.add(field.name.value);
    eachField(field.selectionSet, info.fragments, (sub) => names.add(`${field.name.value}.${sub.name.value}`));
  }
  return [...names];
}

type Plan = Map<string, { child: ChildList; req: PageRequest }>;

/** Which of `children` the query selects on the items, with their page requests. */
function plan(info: GraphQLResolveInfo, itemType: string, children: Record<string, ChildList>): Plan {
  const type = info.schema.getType(itemType) as GraphQLObjectType;
  const planned: Plan = new Map();
  for (const field of itemFields(info)) {
    const child = Object.hasOwn(children, field.name.value) ? children[field.name.value]! : undefined;
    const alias = `__${field.alias?.value ?? field.name.value}`;
    if (!child || field.directives?.length || planned.has(alias)) continue;
    try {
      const args: ListArgs = getArgumentValues(type.getFields()[field.name.value]!, field, info.variableValues);
      planned.set(alias, { child, req: child.request(args, itemFieldNames({ fieldNodes: [field], fragments: info.fragments })) });
    } catch {
      // Invalid arguments: the child's resolver reports them where they belong.
    }
  }
  return planned;
}

/**
 * A list field under every item of a parent list (e.g. each theme's events) plans the same
 * children: plan once per field and the variables it reads (connection.ts variablesKey), not once
 * per parent or per run.
 */
const plans: FieldCache<{ planned: Plan; children: ChildQuery[] }> = new WeakMap();

/** Plans which of `children` the query selects on the items of this list, and how to prime them. */
export function prefetchChildren(info: GraphQLResolveInfo, itemType: string, children: Record<string, ChildList>, loaders: Loaders): Prefetch {
  const cached = onceForField(plans, info, () => {
    const planned = plan(info, itemType, children);
    return { planned, children: [...planned].map(([alias, { child, req }]) => ({ alias, list: child.list, req })) };
  });
  const { planned } = cached;
  return {
    children: cached.children,
    prime(rows) {
      for (const row of rows as Record<string, unknown>[]) {
        for (const [alias, { child, req }] of planned) {
          const childRows = ((row[alias] as Record<string, unknown>[] | null) ?? []).map(revive);
          child.loaders(loaders).page(req).prime(row.id as string, toPage(childRows, req));
          delete row[alias];
        }
      }
    },
  };
}
