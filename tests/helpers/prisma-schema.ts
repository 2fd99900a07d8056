/** Reads prisma/schema.prisma just enough to list each model's scalar (column) fields. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../../src/paths.ts";

export function scalarFieldsByModel(): Map<string, string[]> {
  const source = readFileSync(path.join(projectRoot, "prisma", "schema.prisma"), "utf8");
  const models = [...source.matchAll(/^model (\w+) \{([^}]*)\}/gm)];
  const modelNames = new Set(models.map((m) => m[1]!));
  const result = new Map<string, string[]>();
  for (const [, name, body] of models) {
    const fields = body!
      .split("\n")
      .map((line) => /^\s*(\w+)\s+(\w+)/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null && !modelNames.has(m[2]!))
      .map((m) => m[1]!);
    result.set(name!, fields);
  }
  return result;
}
