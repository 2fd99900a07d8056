import type { ServerResponse } from "node:http";

/** Adds to the response's Vary header: layers (CORS, compression) each add theirs, none replaces another's. */
export function addVary(res: ServerResponse, value: string): void {
  const current = res.getHeader("vary");
  res.setHeader("vary", current ? `${String(current)}, ${value}` : value);
}
