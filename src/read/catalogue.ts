/**
 * The catalogue: for each GraphQL object type, how each of its fields reads from the database,
 * declared once beside the type (`<domain>/<domain>.read.ts`) and read by the one planner
 * (src/read/plan.ts). A field is one of:
 * - `value`: SQL for a scalar, enum or list of scalars, over the object's row;
 * - `embedded`: an object read from the same row (a quote's `date`, its `evidence`);
 * - `one`: an object of another table, found by a key of this row (a quote's speaker);
 * - `connection`: a paged list (ListSql and the page request its arguments make, db/list.ts);
 * - `js`: a field that needs JavaScript; an operation that asks it is answered by the resolvers.
 * Types refer to each other by GraphQL type name, so domains never import each other.
 * SQL here comes from code, never from requests: request values are bound parameters.
 */
import type { Prisma } from "../generated/prisma/client.ts";
import type { ListSql, PageRequest } from "../db/list.ts";
import { globalIdSql } from "./global-id.ts";

/** A field's coerced arguments. */
export type Args = Record<string, unknown>;

/** SQL text from code, or a statement fragment with bound values. */
export type SqlPart = string | Prisma.Sql;

export interface ValueField {
  kind: "value";
  /** SQL of the value over the row aliased `row`; may bind argument values. */
  sql(row: string, args: Args): SqlPart;
}

export interface EmbeddedField {
  kind: "embedded";
  /** The object's type as read from the row aliased `row`. */
  type(row: string): ReadType;
  /** For a nullable object: SQL that holds when it is there (else it is null). */
  presentWhen?(row: string): string;
}

export interface OneField {
  kind: "one";
  /** GraphQL type name of the object. */
  type: string;
  /** The condition that finds the object's row (aliased `target`) from this row (aliased `row`) and the arguments. */
  where(target: string, row: string, args: Args): SqlPart;
}

export interface ConnectionField {
  kind: "connection";
  /** GraphQL type name of the items. */
  item: string;
  /** The list: its FROM (items aliased `t`), parent key and selected columns (for some lists, by the arguments). */
  list: ListSql | ((args: any) => ListSql);
  /** The page request for the field's arguments: the same function its resolver uses (it throws what the resolver would). */
  request(args: Args): PageRequest;
}

/**
 * An object, or a list of objects, that a query over this row computes (aggregates: an event's
 * source counts, a theme's timeline). Its rows are aliased for the item type's fields; a list is
 * ordered by the rows' `_o` column.
 */
export interface DerivedField {
  kind: "derived";
  /** GraphQL type name of the object(s). */
  type: string;
  list: boolean;
  /** The query giving the object's row (or the list's rows), over this row aliased `row`. */
  from(row: string, args: Args): SqlPart;
}

/**
 * An object of an abstract type (a union or interface): the row of the table of the type this
 * row names (`typeOf`, SQL giving a GraphQL type name) whose id is `id` (e.g. a search hit's item).
 */
export interface PolyField {
  kind: "poly";
  typeOf(row: string): string;
  id(row: string): string;
}

/** Query.node: the object a global id names (its type is read from the id, the argument). */
export interface NodeField {
  kind: "node";
}

/**
 * A field that needs JavaScript: the statement fetches what its resolver reads of the row (`columns`,
 * `dates` among them revived as Date objects, as the driver gives them), and its resolver runs on
 * that once PostgreSQL has answered (src/read/complete.ts).
 */
export interface JsField {
  kind: "js";
  /** Why it needs JavaScript (said in the catalogue, and in the README). */
  why: string;
  columns: readonly string[];
  dates: readonly string[];
}

export type ReadField = ValueField | EmbeddedField | OneField | ConnectionField | DerivedField | PolyField | NodeField | JsField;

export interface ReadType {
  /** GraphQL type name. */
  name: string;
  /** The table whose rows are this type's objects (none for embedded types such as PartialDate). */
  table?: string;
  fields: Readonly<Record<string, ReadField>>;
}

/** `row."column"`: a column of the row, by its Prisma field name. */
export const column = <T>(name: keyof T & string): ValueField => ({ kind: "value", sql: (row) => `${row}."${name}"` });

/** Any SQL over the row. */
export const value = (sql: (row: string, args: Args) => SqlPart): ValueField => ({ kind: "value", sql });

/** The Relay global id of a row of `typeName` (one definition, src/read/global-id.ts). */
export const globalId = (typeName: string): ValueField => value((row) => globalIdSql(typeName, `${row}.id`));

export const embedded = (type: (row: string) => ReadType, presentWhen?: (row: string) => string): EmbeddedField => ({ kind: "embedded", type, presentWhen });

export const one = (type: string, where: OneField["where"]): OneField => ({ kind: "one", type, where });

/** The object of `type` whose id is this row's `key` column (null when the key is). */
export const byKey = (type: string, key: string): OneField => one(type, (target, row) => `${target}.id = ${row}."${key}"`);

export const connection = (item: string, list: ConnectionField["list"], request: (args: any) => PageRequest): ConnectionField => ({ kind: "connection", item, list, request });

export const derived = (type: string, list: boolean, from: DerivedField["from"]): DerivedField => ({ kind: "derived", type, list, from });

export const needsJs = (why: string, columns: readonly string[], dates: readonly string[] = []): JsField => ({ kind: "js", why, columns, dates });

/**
 * Declares a table-backed type: `columns` are read as they are (names from the Prisma model `T`),
 * `id` as the global id, and `more` as given.
 */
export function tableType<T>(name: string, table: string, columns: readonly (keyof T & string)[], more: Record<string, ReadField> = {}): ReadType {
  const fields: Record<string, ReadField> = { id: globalId(name) };
  for (const c of columns) fields[c] = column<T>(c);
  return { name, table, fields: { ...fields, ...more } };
}

/** The types the planner knows, by GraphQL name. */
export class Catalogue {
  private readonly types = new Map<string, ReadType>();

  constructor(types: readonly ReadType[]) {
    for (const type of types) {
      if (this.types.has(type.name)) throw new Error(`the catalogue declares ${type.name} twice`);
      this.types.set(type.name, type);
    }
  }

  get(name: string): ReadType | undefined {
    return this.types.get(name);
  }
}
