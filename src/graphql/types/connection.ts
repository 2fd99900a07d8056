/**
 * Relay cursor connections: `XConnection { edges { cursor node } nodes pageInfo totalCount }` for
 * every list, root and nested, paged with first/after or last/before (keyset, db/list.ts).
 * `totalCount` costs a statement only when a query asks for it.
 */
import { ArgsType, Extensions, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { BREAK, visit, type ASTNode, type FieldNode, type GraphQLResolveInfo } from "graphql";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { RawQueries } from "../../db/raw.ts";
import type { ListLoaders } from "../../db/batch.ts";
import { countRows, decodeCursor, fetchPage, type ListSql, type Ordering, type Page, type PageRequest } from "../../db/list.ts";
import { PROMISED } from "../direct-resolvers.ts";
import { BadInputError } from "../errors.ts";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: "Where a page sits in its list." })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "With first/after: true when `after` was given (rows exist before it)." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size from the start (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Start after this cursor." })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page size from the end (at most ${MAX_PAGE_SIZE}).` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: "End before this cursor." })
  before?: string | null;
}

/** A bound filter and a key naming it (for loader caches); `cte` binds values the list's FROM reads. */
export interface Filter {
  where?: Prisma.Sql;
  key?: string;
  cte?: Prisma.Sql;
}

function size(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw new BadInputError(`${name} must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`, name);
  }
  return value;
}

function cursor(ordering: Ordering, value: string, name: string): unknown[] {
  const decoded = decodeCursor(ordering, value);
  if (!decoded) throw new BadInputError(`${name} is not a cursor of this list`, name);
  return decoded;
}

/** Validates connection arguments into a page request; errors name the argument. */
export function pageRequest(args: ConnectionArgs, ordering: Ordering, filter?: Filter): PageRequest {
  const { first, after, last, before } = args;
  if (first != null && last != null) throw new BadInputError("pass either first or last, not both", "last");
  if (after != null && before != null) throw new BadInputError("pass either after or before, not both", "before");
  const backward = last != null || before != null;
  if (backward && first != null) throw new BadInputError("first pages forward and cannot go with before", "first");
  if (!backward && last != null) throw new BadInputError("last pages backward and cannot go with after", "last");
  return {
    limit: backward ? size(last ?? DEFAULT_PAGE_SIZE, "last") : size(first ?? DEFAULT_PAGE_SIZE, "first"),
    backward,
    cursor: after != null ? cursor(ordering, after, "after") : before != null ? cursor(ordering, before, "before") : undefined,
    ordering,
    where: filter?.where,
    whereKey: filter?.key,
    cte: filter?.cte,
  };
}

export interface ConnectionValue<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

/**
 * Shapes a page as a connection. Only what the query selects is computed: cursors for `edges`
 * and `pageInfo`, the count statement for `totalCount`.
 */
export function toConnection<T>(page: Page<T>, count: () => Promise<number>): ConnectionValue<T> {
  const { rows } = page;
  const cursor = (row: T | undefined) => (row === undefined ? null : page.cursorOf(row));
  return {
    get edges() {
      return rows.map((node) => ({ cursor: page.cursorOf(node), node }));
    },
    nodes: rows,
    get pageInfo() {
      return { hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage, startCursor: cursor(rows[0]), endCursor: cursor(rows.at(-1)) };
    },
    get totalCount() {
      return count();
    },
  };
}

/** What identifies a field's request: its nodes in the operation, its fragments, and the operation's variables. */
export type FieldInfo = Pick<GraphQLResolveInfo, "fieldNodes" | "fragments" | "variableValues">;

/** Stands for "any variables" when a field's subtree reads none. */
const NO_VARIABLES = Object.freeze({});
const readsVariables = new WeakMap<readonly FieldNode[], boolean>();

/**
 * The variables a field's page requests depend on, as a cache key: none when nothing in the field's
 * subtree (arguments, directives, fragments it spreads) reads a variable, so that the requests built
 * for it are shared by every run of the operation; else the run's own variables object.
 */
function variablesKey(info: FieldInfo): object {
  let reads = readsVariables.get(info.fieldNodes);
  if (reads === undefined) {
    reads = false;
    const spread = new Set<string>();
    const scan = (node: ASTNode) =>
      visit(node, {
        Variable() {
          reads = true;
          return BREAK;
        },
        FragmentSpread(fragment) {
          const name = fragment.name.value;
          if (!spread.has(name) && info.fragments[name]) {
            spread.add(name);
            scan(info.fragments[name]);
          }
        },
      });
    for (const node of info.fieldNodes) if (!reads) scan(node);
    readsVariables.set(info.fieldNodes, reads);
  }
  return reads ? info.variableValues : NO_VARIABLES;
}

/** Values kept per field (its nodes) and the variables it reads (`variablesKey`). */
export type FieldCache<T> = WeakMap<readonly FieldNode[], WeakMap<object, T>>;

/** The value kept for this field and its variables, built on first use. A build that throws keeps nothing. */
export function onceForField<T>(cache: FieldCache<T>, info: FieldInfo, build: () => T): T {
  let byVariables = cache.get(info.fieldNodes);
  if (!byVariables) cache.set(info.fieldNodes, (byVariables = new WeakMap()));
  const key = variablesKey(info);
  let value = byVariables.get(key);
  if (value === undefined) byVariables.set(key, (value = build()));
  return value;
}

/**
 * A list field's resolver runs once per parent row (and once per run of the operation) with the same
 * field nodes: its page request (arguments checked, cursor decoded, columns chosen) is built once for
 * them and the variables they read, and being one object, its loader's shape key (db/list.ts
 * shapeOf) is computed once too. A request that fails to build (bad arguments) is not kept: each
 * parent reports the error.
 */
const requests: FieldCache<PageRequest> = new WeakMap();
const requestOnce = (info: FieldInfo, build: () => PageRequest) => onceForField(requests, info, build);

/** A page of a list under `parentId`, batched with its siblings through `loaders`. */
export async function nestedConnection<T extends object>(
  loaders: ListLoaders<T>, parentId: string, info: FieldInfo, build: () => PageRequest,
): Promise<ConnectionValue<T>> {
  const req = requestOnce(info, build);
  const page = await loaders.page(req).load(parentId);
  return toConnection(page, () => loaders.count(req.where, req.whereKey).load(parentId));
}

/** A page of a root list. */
export async function rootConnection<T extends object>(
  raw: RawQueries, list: ListSql, info: FieldInfo, build: () => PageRequest,
): Promise<ConnectionValue<T>> {
  const req = requestOnce(info, build);
  const page = await fetchPage<T>(raw, list, req);
  return toConnection(page, async () => (await countRows(raw, list, null, req.where, req.cte))[0]!);
}

/** Declares `<Node>Connection` and `<Node>Edge` for a node type; call once per type. */
export function Connection<T extends object>(node: ClassType<T>, name = node.name) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String, { description: "Pass as after/before to page from this item." })
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [node], { description: "The items of the page, without cursors." })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "How many items the whole list has (one more statement)." })
    @Extensions({ [PROMISED]: true }) // a getter that starts the count statement (toConnection)
    totalCount!: number;
  }
  return ConnectionType;
}
