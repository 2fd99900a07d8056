/**
 * The planner: turns a query operation's selection into ONE statement in which PostgreSQL writes
 * the whole `data` object as JSON text, from the catalogue's declarations (catalogue.ts). Fields
 * are collected exactly as graphql-js collects them (fragments, type conditions, @skip/@include),
 * so aliases, merged selections and directives mean what they mean to the executor. Every level
 * reads its rows into a derived table with an alias of its own (r1, r2…): the lists' FROM clauses
 * use short aliases (t, l) that would otherwise hide the parent row from a nested list.
 *
 * A field that needs JavaScript gets a slot its resolver fills (complete.ts). What the planner
 * cannot take it refuses with a reason (`Unplanned`): a mutation, two searches, a field the
 * catalogue does not know. An argument its resolver refuses is an `ArgumentRefused`:
 * the resolvers then answer, reporting the error where it belongs (src/read/execute.ts).
 */
import { GraphQLObjectType, getNamedType, isAbstractType, isObjectType, type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { collectFields, collectSubfields } from "graphql/execution/collectFields.js";
import { getArgumentValues } from "graphql/execution/values.js";
import { Prisma } from "../generated/prisma/client.ts";
import { keysetCondition, orderClause, sortSql, type PageRequest } from "../db/list.ts";
import type { Args, Catalogue, ConnectionField, ReadType, SqlPart } from "./catalogue.ts";
import { cursorSql } from "./cursor.ts";
import { fromGlobalId } from "./global-id.ts";
import type { Slot } from "./complete.ts";

/** The planner does not take this operation; `reason` says why (logged at debug). */
export class Unplanned extends Error {}

/** A field's arguments were refused (bad page size, cursor, filter): the resolvers report it. */
export class ArgumentRefused extends Error {
  constructor(readonly error: unknown) {
    super(error instanceof Error ? error.message : String(error));
  }
}

/** json_build_object takes at most 100 arguments: a key and a value per field. */
const MAX_KEYS = 50;

/** Builds one statement's text and bound values in order. */
class Writer {
  private readonly strings: string[] = [""];
  private readonly values: unknown[] = [];

  text(text: string): void {
    this.strings[this.strings.length - 1] += text;
  }

  sql(part: SqlPart): void {
    if (typeof part === "string") return this.text(part);
    part.strings.forEach((text, i) => {
      this.text(text);
      if (i < part.values.length) {
        this.values.push(part.values[i]);
        this.strings.push("");
      }
    });
  }

  done(): Prisma.Sql {
    return new Prisma.Sql(this.strings, this.values);
  }
}

interface Operation {
  schema: GraphQLSchema;
  catalogue: Catalogue;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

type Fields = Map<string, readonly FieldNode[]>;

/** Plans one operation for one set of (coerced) variables. */
class Planner {
  private readonly w = new Writer();
  private aliases = 0;
  private cte: Prisma.Sql | undefined;
  readonly slots: Slot[] = [];

  constructor(private readonly op: Operation) {}

  statement(operation: OperationDefinitionNode): Prisma.Sql {
    if (operation.operation !== "query") throw new Unplanned(`a ${operation.operation} runs its resolvers`);
    const query = this.op.schema.getQueryType()!;
    const fields = collectFields(this.op.schema, this.op.fragments, this.op.variables, query, operation.selectionSet);
    const read = this.readType(query.name);
    this.w.text("SELECT ");
    this.object(query, read, "", fields);
    this.w.text("::text AS data");
    const body = this.w.done();
    return this.cte ? Prisma.sql`${this.cte} ${body}` : body;
  }

  private alias(): string {
    return `r${++this.aliases}`;
  }

  private readType(name: string): ReadType {
    const read = this.op.catalogue.get(name);
    if (!read) throw new Unplanned(`the catalogue has no type ${name}`);
    return read;
  }

  private subfields(type: GraphQLObjectType, nodes: readonly FieldNode[]): Fields {
    return collectSubfields(this.op.schema, this.op.fragments, this.op.variables, type, nodes);
  }

  private args(field: GraphQLField<unknown, unknown>, node: FieldNode): Args {
    try {
      return getArgumentValues(field, node, this.op.variables);
    } catch (error) {
      throw new ArgumentRefused(error);
    }
  }

  /** `json_build_object(...)` of `fields` of an object of `type` whose row is aliased `row`. */
  private object(type: GraphQLObjectType, read: ReadType, row: string, fields: Fields): void {
    if (fields.size > MAX_KEYS) throw new Unplanned(`${type.name} is asked more than ${MAX_KEYS} fields`);
    this.w.text("json_build_object(");
    let first = true;
    for (const [key, nodes] of fields) {
      // Response keys are GraphQL names ([_A-Za-z][_0-9A-Za-z]*): nothing to escape. "__" starts
      // only __typename here: complete.ts reads "__js" as a slot.
      if (key.startsWith("__") && key !== "__typename") throw new Unplanned(`the response key ${key} starts with "__"`);
      this.w.text(`${first ? "" : ", "}'${key}', `);
      first = false;
      this.field(type, read, row, nodes);
    }
    this.w.text(")");
  }

  private field(type: GraphQLObjectType, read: ReadType, row: string, nodes: readonly FieldNode[]): void {
    const name = nodes[0]!.name.value;
    if (name === "__typename") return this.w.text(`'${type.name}'`);
    const field = type.getFields()[name];
    const declared = Object.hasOwn(read.fields, name) ? read.fields[name] : undefined;
    if (!field || !declared) throw new Unplanned(`${type.name}.${name} is not in the catalogue`);
    const args = this.args(field, nodes[0]!);
    switch (declared.kind) {
      case "value":
        return this.w.sql(declared.sql(row, args));
      case "js": {
        // A slot for its resolver (complete.ts): the columns it reads of this row.
        this.slots.push({ parentType: type, field, nodes, args, dates: declared.dates });
        const columns = declared.columns.map((c) => `'${c}', ${row}."${c}"`).join(", ");
        return this.w.text(`json_build_object('__js', ${this.slots.length - 1}, 'row', json_build_object(${columns}))`);
      }
      case "embedded": {
        const inner = this.objectType(field);
        const present = declared.presentWhen?.(row);
        if (present) this.w.text(`CASE WHEN ${present} THEN `);
        this.object(inner, declared.type(row), row, this.subfields(inner, nodes));
        if (present) this.w.text(" END");
        return;
      }
      case "one": {
        const inner = this.objectType(field);
        const target = this.readType(inner.name);
        const alias = this.alias();
        this.w.text("(SELECT ");
        this.object(inner, target, alias, this.subfields(inner, nodes));
        this.w.text(` FROM "${target.table}" ${alias} WHERE `);
        this.w.sql(declared.where(alias, row, args));
        this.w.text(")");
        return;
      }
      case "connection":
        return this.connection(field, declared, row, nodes, args);
      case "poly":
        return this.poly(field, nodes, declared.typeOf(row), declared.id(row));
      case "node": {
        const global = fromGlobalId(String(args.id));
        const type = global && this.op.schema.getType(global.type);
        const target = global && this.op.catalogue.get(global.type);
        const abstract = getNamedType(field.type);
        if (!global || !isObjectType(type) || !target?.table || !isAbstractType(abstract) || !this.op.schema.isSubType(abstract, type)) return this.w.text("NULL");
        return this.objectOfTable(type, target, nodes, Prisma.sql`= ${global.rowId}`);
      }
      case "derived": {
        const inner = this.objectType(field);
        const target = this.readType(declared.type);
        const alias = this.alias();
        this.w.text(declared.list ? "(SELECT coalesce(json_agg(" : "(SELECT ");
        this.object(inner, target, alias, this.subfields(inner, nodes));
        this.w.text(declared.list ? ` ORDER BY ${alias}."_o"), '[]') FROM (` : " FROM (");
        this.w.sql(declared.from(row, args));
        this.w.text(`) ${alias})`);
        return;
      }
    }
  }

  /** `(SELECT <object> FROM "<table>" rN WHERE rN.id <condition>)`: a row of a table-backed type by its id. */
  private objectOfTable(type: GraphQLObjectType, target: ReadType, nodes: readonly FieldNode[], idIs: SqlPart): void {
    const alias = this.alias();
    this.w.text("(SELECT ");
    this.object(type, target, alias, this.subfields(type, nodes));
    this.w.text(` FROM "${target.table}" ${alias} WHERE ${alias}.id `);
    this.w.sql(idIs);
    this.w.text(")");
  }

  /** An object of an abstract type: for each of its object types, the row of its table, as `typeOf` says. */
  private poly(field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], typeOf: string, id: string): void {
    const abstract = getNamedType(field.type);
    if (!isAbstractType(abstract)) throw new Unplanned(`${field.name} is declared abstract but returns ${abstract.name}`);
    this.w.text(`CASE ${typeOf}`);
    for (const type of this.op.schema.getPossibleTypes(abstract)) {
      const target = this.readType(type.name);
      if (!target.table) throw new Unplanned(`${type.name} has no table`);
      this.w.text(` WHEN '${type.name}' THEN `);
      this.objectOfTable(type, target, nodes, `= ${id}`);
    }
    this.w.text(" END");
  }

  private objectType(field: GraphQLField<unknown, unknown>): GraphQLObjectType {
    const type = getNamedType(field.type);
    if (!isObjectType(type)) throw new Unplanned(`${field.name} returns the abstract type ${type.name}`);
    return type;
  }

  private request(declared: ConnectionField, args: Args): PageRequest {
    try {
      return declared.request(args);
    } catch (error) {
      throw new ArgumentRefused(error);
    }
  }

  /**
   * A page of a list, as `XConnection` JSON: its rows (limit + 1 of them when pageInfo is asked,
   * numbered in fetch order, so the extra row tells whether more follow) in a derived table, and
   * the connection's fields aggregated over them.
   */
  private connection(field: GraphQLField<unknown, unknown>, declared: ConnectionField, parent: string, nodes: readonly FieldNode[], args: Args): void {
    const req = this.request(declared, args);
    const list = typeof declared.list === "function" ? declared.list(args) : declared.list;
    if (req.cte) {
      if (this.cte) throw new Unplanned("an operation with two searches");
      this.cte = req.cte;
    }
    const connectionType = this.objectType(field);
    const fields = this.subfields(connectionType, nodes);
    const asked = new Set([...fields.values()].map((f) => f[0]!.name.value));
    const numbered = asked.has("pageInfo");
    // Only totalCount (or __typename): no rows to read, and no FROM (over no rows it would give no row at all).
    const readsRows = numbered || asked.has("nodes") || asked.has("edges");
    const item = this.readType(declared.item);
    const itemType = this.op.schema.getType(declared.item) as GraphQLObjectType;
    const r = this.alias();
    const limit = Math.trunc(req.limit);
    const inPage = numbered ? ` FILTER (WHERE ${r}."_n" <= ${limit})` : "";
    const dir = req.ordering.direction;
    const keys = req.ordering.columns.map((_, i) => `${r}."_k${i}"`);
    const order = keys.map((k) => `${k} ${dir}`).join(", ");
    const cursor = () => cursorSql(req.ordering, keys);
    const cursorGiven = req.cursor ? "true" : "false";

    this.w.text(readsRows ? "(SELECT json_build_object(" : "json_build_object(");
    let first = true;
    for (const [key, sub] of fields) {
      this.w.text(`${first ? "" : ", "}'${key}', `);
      first = false;
      const name = sub[0]!.name.value;
      if (name === "__typename") this.w.text(`'${connectionType.name}'`);
      else if (name === "nodes") {
        this.w.text("coalesce(json_agg(");
        this.object(itemType, item, r, this.subfields(itemType, sub));
        this.w.text(` ORDER BY ${order})${inPage}, '[]')`);
      } else if (name === "edges") {
        const edgeType = this.objectType(connectionType.getFields().edges!);
        this.w.text("coalesce(json_agg(json_build_object(");
        let firstEdge = true;
        for (const [edgeKey, edgeNodes] of this.subfields(edgeType, sub)) {
          this.w.text(`${firstEdge ? "" : ", "}'${edgeKey}', `);
          firstEdge = false;
          const edgeField = edgeNodes[0]!.name.value;
          if (edgeField === "__typename") this.w.text(`'${edgeType.name}'`);
          else if (edgeField === "cursor") this.w.text(cursor());
          else this.object(itemType, item, r, this.subfields(itemType, edgeNodes));
        }
        this.w.text(`) ORDER BY ${order})${inPage}, '[]')`);
      } else if (name === "pageInfo") {
        const more = `count(*) > ${limit}`;
        const fetchOrder = (last: boolean) => `(array_agg(${cursor()} ORDER BY ${r}."_n"${last ? " DESC" : ""})${inPage})[1]`;
        const parts: Record<string, string> = {
          __typename: "'PageInfo'",
          hasNextPage: req.backward ? cursorGiven : more,
          hasPreviousPage: req.backward ? more : cursorGiven,
          startCursor: fetchOrder(req.backward),
          endCursor: fetchOrder(!req.backward),
        };
        const pageInfo = this.objectType(connectionType.getFields().pageInfo!);
        const asked = [...this.subfields(pageInfo, sub)].map(([k, n]) => `'${k}', ${parts[n[0]!.name.value]}`);
        this.w.text(`json_build_object(${asked.join(", ")})`);
      } else if (name === "totalCount") {
        this.w.text(`(SELECT count(*)::int FROM ${list.from} WHERE ${list.parentKey ? `${list.parentKey} = ${parent}.id` : "TRUE"}`);
        if (req.where) this.w.sql(Prisma.sql` AND ${req.where}`);
        this.w.text(")");
      } else throw new Unplanned(`${connectionType.name}.${name} is not a connection field`);
    }
    if (!readsRows) return this.w.text(")");
    // The page's rows, in fetch order (reversed when paging backward), limit + 1 when numbered.
    const select = [list.select ?? "t.*", ...req.ordering.columns.map((c, i) => `${sortSql(list, c)} AS "_k${i}"`)];
    const fetch = orderClause(list, req.ordering, req.backward).strings.join("");
    if (numbered) select.push(`row_number() OVER (ORDER BY ${fetch}) AS "_n"`);
    this.w.text(`) FROM (SELECT ${select.join(", ")} FROM ${list.from} WHERE ${list.parentKey ? `${list.parentKey} = ${parent}.id` : "TRUE"}`);
    if (req.where) this.w.sql(Prisma.sql` AND ${req.where}`);
    this.w.sql(keysetCondition(list, req));
    this.w.text(` ORDER BY ${fetch} LIMIT ${numbered ? limit + 1 : limit}) ${r})`);
  }
}

/** A planned operation: its statement, and the fields its resolvers complete. */
export interface Plan {
  /** One row, one column `data`: the `data` object's JSON text (with a slot where a resolver answers). */
  sql: Prisma.Sql;
  slots: Slot[];
}

/** Plans `operation` for these variables. Throws `Unplanned` or `ArgumentRefused`. */
export function planOperation(op: Operation, operation: OperationDefinitionNode): Plan {
  const planner = new Planner(op);
  const sql = planner.statement(operation);
  return { sql, slots: planner.slots };
}
