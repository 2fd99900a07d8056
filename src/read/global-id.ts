/**
 * Relay global ids: base64url("Type:rowId"), unpadded, opaque to clients. One definition, written
 * in JavaScript (resolvers, Query.node) and in SQL (the planner), which must agree byte for byte.
 */

export function toGlobalId(type: string, rowId: string): string {
  return Buffer.from(`${type}:${rowId}`).toString("base64url");
}

/** Splits a global id into type and row id; null when it is not one of ours. */
export function fromGlobalId(globalId: string): { type: string; rowId: string } | null {
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0 || colon === decoded.length - 1) return null;
  return { type: decoded.slice(0, colon), rowId: decoded.slice(colon + 1) };
}

/** `toGlobalId` in SQL: PostgreSQL's base64 wraps lines at 76 characters and pads; base64url does neither. */
export const globalIdSql = (typeName: string, idColumn: string) =>
  `rtrim(translate(encode(convert_to('${typeName}:' || ${idColumn}, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')`;
