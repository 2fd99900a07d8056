/**
 * What a text field weighs in the query cost (graphql/cost.ts). The cost counts rows, and a row of an
 * answer (an object with its names, slugs and dates) is about 100 bytes; a document's text is
 * kilobytes. So a text field declares the kilobytes it usually holds, beside its `@Field`, and costs
 * COST_PER_KB for each: `documents(first: 100) { nodes { text } }` costs as much as 8,000 rows, not
 * 100. The sizes are typical ones, not bounds: an answer larger than expected is caught by the
 * response-size limit (MAX_RESPONSE_BYTES, http/response-size.ts).
 *
 * An extension rather than type-graphql's `complexity` option: a `@FieldResolver` replaces the
 * type's `complexity` (with undefined when it gives none), while extensions of both are merged.
 */
import { Extensions } from "type-graphql";
import type { GraphQLField } from "graphql";

/** Cost of a kilobyte of text: about as many bytes as ten rows of an answer. */
export const COST_PER_KB = 10;

/** Declares the kilobytes a text field usually holds (e.g. `@ExpectedKb(8)` for a document's text). */
export const ExpectedKb = (kb: number) => Extensions({ expectedKb: kb });

/** What a leaf field costs: COST_PER_KB per kilobyte it declares, rounded up; 0 for other fields. */
export function textCost(field: GraphQLField<unknown, unknown>): number {
  const kb = field.extensions?.expectedKb;
  return typeof kb === "number" ? Math.ceil(kb * COST_PER_KB) : 0;
}
