/**
 * JSON written by PostgreSQL: a selection set of plain fields becomes one `json_build_object(...)`
 * expression, so that the items of a list reach the response as text PostgreSQL wrote, without
 * being parsed into rows, walked by the executor and serialized again (graphql/sql-answer.ts).
 */
import { Kind, type SelectionSetNode } from "graphql";

/** How PostgreSQL writes an object type's fields: SQL giving each field's value, or a nested object. */
export interface JsonType {
  typeName: string;
  fields: Readonly<Record<string, string | JsonType>>;
  /** For a nullable object nested in another: SQL that holds when it is there (else it is written as null). */
  presentWhen?: string;
}

/** json_build_object takes at most 100 arguments: a key and a value per field. */
const MAX_KEYS = 50;

/**
 * `json_build_object('key', value, ...)` for a selection set, keys in the order the query asks them
 * (aliases as given), or undefined when a selection is anything but a plain field of `type`:
 * a fragment, a directive, arguments, a field PostgreSQL cannot write, or a response key asked twice.
 */
export function jsonObjectSql(set: SelectionSetNode | undefined, type: JsonType): string | undefined {
  if (!set || set.selections.length > MAX_KEYS) return undefined;
  const keys = new Set<string>();
  const parts: string[] = [];
  for (const selection of set.selections) {
    if (selection.kind !== Kind.FIELD || selection.directives?.length || selection.arguments?.length) return undefined;
    const key = selection.alias?.value ?? selection.name.value;
    if (keys.has(key)) return undefined;
    keys.add(key);
    const name = selection.name.value;
    const field = Object.hasOwn(type.fields, name) ? type.fields[name] : undefined;
    let value: string | undefined;
    if (name === "__typename") value = selection.selectionSet ? undefined : `'${type.typeName}'`;
    else if (typeof field === "string") value = selection.selectionSet ? undefined : field;
    else if (field) {
      const object = jsonObjectSql(selection.selectionSet, field);
      value = object && field.presentWhen ? `CASE WHEN ${field.presentWhen} THEN ${object} END` : object;
    }
    if (value === undefined) return undefined;
    // Keys are GraphQL names ([_A-Za-z][_0-9A-Za-z]*): nothing to escape in a SQL string.
    parts.push(`'${key}', ${value}`);
  }
  return `json_build_object(${parts.join(", ")})`;
}

/** A Relay global id (graphql/node.ts toGlobalId: base64url of "Type:rowId", unpadded) written in SQL. */
export const globalIdSql = (typeName: string, idColumn: string) =>
  `rtrim(translate(encode(convert_to('${typeName}:' || ${idColumn}, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')`;

/**
 * A type whose fields are its global `id`, its row's columns of the same names (the row aliased
 * `alias`) and any `more` written otherwise.
 */
export function columnsJson(typeName: string, alias: string, columns: readonly string[], more: JsonType["fields"] = {}): JsonType {
  const fields: Record<string, string | JsonType> = { id: globalIdSql(typeName, `${alias}.id`) };
  for (const column of columns) fields[column] = `${alias}."${column}"`;
  return { typeName, fields: { ...fields, ...more } };
}

/** A value of `data` that is JSON text already: the response is written around it (`stringifyResult`). */
export class RawJson {
  constructor(readonly text: string) {}
  /** For anything else that serializes a result. */
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** Apollo's `stringifyResult`: compact JSON, with written-in-SQL data spliced in as it came. */
export function stringifyResult(result: { data?: unknown }): string {
  if (!(result.data instanceof RawJson)) return JSON.stringify(result);
  const { data, ...rest } = result;
  const others = JSON.stringify(rest);
  return others === "{}" ? `{"data":${data.text}}` : `{"data":${data.text},${others.slice(1)}`;
}
