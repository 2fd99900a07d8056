/**
 * Every string argument, literal or variable, is checked before anything runs (so a refusal sends no
 * SQL): no NUL character (U+0000), which PostgreSQL text cannot hold and would answer with an
 * internal error, and at most MAX_STRING characters, so that a 900 KB slug never reaches a statement.
 * Arguments that carry a whole document (`text`, `annotation`) have their own, larger limits where
 * they are read (BODY_LIMIT_BYTES, the mutations' checks).
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from "graphql";

export const MAX_STRING = 10_000;
const DOCUMENT_SIZED = new Set(["text", "annotation"]);

function refuse(where: string, problem: string): never {
  throw new GraphQLError(`${where} ${problem}`, { extensions: { code: "BAD_USER_INPUT", argument: where.replace(/^(argument|variable) /, ""), http: { status: 400 } } });
}

function checkString(value: string, where: string, max: number): void {
  if (value.includes("\u0000")) refuse(where, "contains a NUL character (U+0000), which no text can hold");
  if (value.length > max) refuse(where, `is ${value.length} characters long, over the limit of ${max}`);
}

/** Strings anywhere in a variable's value (input objects, lists). */
function checkValue(value: unknown, where: string, max: number): void {
  if (typeof value === "string") checkString(value, where, max);
  else if (Array.isArray(value)) value.forEach((v, i) => checkValue(v, `${where}[${i}]`, max));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) checkValue(v, `${where}.${k}`, max);
}

/** Checks literal strings and notes, per variable, the largest limit of the arguments it is used in. */
function checkLiterals(operation: OperationDefinitionNode, document: DocumentNode): Map<string, number> {
  const variableLimits = new Map<string, number>();
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const seen = new Set<string>();
  const value = (node: ValueNode, where: string, max: number): void => {
    if (node.kind === Kind.STRING) checkString(node.value, where, max);
    else if (node.kind === Kind.VARIABLE) variableLimits.set(node.name.value, Math.max(variableLimits.get(node.name.value) ?? 0, max));
    else if (node.kind === Kind.LIST) node.values.forEach((v, i) => value(v, `${where}[${i}]`, max));
    else if (node.kind === Kind.OBJECT) for (const f of node.fields) value(f.value, `${where}.${f.name.value}`, MAX_STRING);
  };
  const selections = (set: SelectionSetNode): void => {
    for (const s of set.selections) {
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(s.name.value);
        if (fragment && !seen.has(s.name.value)) {
          seen.add(s.name.value);
          selections(fragment.selectionSet);
        }
        continue;
      }
      if (s.kind === Kind.FIELD) {
        for (const a of s.arguments ?? []) value(a.value, `argument ${s.name.value}(${a.name.value})`, DOCUMENT_SIZED.has(a.name.value) ? Infinity : MAX_STRING);
      }
      if (s.selectionSet) selections(s.selectionSet);
    }
  };
  selections(operation.selectionSet);
  return variableLimits;
}

export const stringArgumentsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, request }) {
        if (!operation) return;
        const limits = checkLiterals(operation, document);
        for (const [name, raw] of Object.entries(request.variables ?? {})) checkValue(raw, `variable $${name}`, limits.get(name) ?? MAX_STRING);
      },
    };
  },
};
