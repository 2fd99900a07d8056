/**
 * A claim as ingest plans it, before it is stored: one fact one document states (docs/annotation-format.md,
 * "Claims"). `path` is where the annotation says it, for warnings; it is not stored.
 */
import type { ClaimProperty, ClaimSubject } from "../generated/prisma/enums.ts";
import type { Span } from "../ingest/anchor.ts";

export interface PlannedClaim {
  subject: ClaimSubject;
  slug: string;
  property: ClaimProperty;
  value: string;
  note: string | null;
  position: number;
  span: Span | null;
  path: (string | number)[];
}

/** What makes two claims of one document the same claim (a re-ingest keeps the stored one). */
export const claimKey = (c: { subject: string; slug: string; property: string; value: string; note: string | null; position: number; paragraph: number | null; start: number | null; end: number | null }) =>
  `${c.subject}|${c.slug}|${c.property}|${c.value}|${c.note ?? ""}|${c.position}|${c.paragraph ?? ""}|${c.start ?? ""}|${c.end ?? ""}`;

/** Subjects whose derived rows a change of claims touches: the claims' subjects and the targets of their links. */
export function touchedBy(claims: { subject: ClaimSubject; slug: string; property: ClaimProperty; value: string }[]): Map<ClaimSubject, Set<string>> {
  const touched = new Map<ClaimSubject, Set<string>>([["EVENT", new Set()], ["PERSON", new Set()], ["ORGANIZATION", new Set()], ["THEME", new Set()]]);
  for (const c of claims) {
    touched.get(c.subject)!.add(c.slug);
    const target = LINK_TARGET[c.property];
    if (target) touched.get(target)!.add(c.value);
  }
  return touched;
}

/** Properties whose value is another subject's slug, and that subject's kind. */
export const LINK_TARGET: Partial<Record<ClaimProperty, ClaimSubject>> = {
  PERSON: "PERSON",
  ORGANIZATION: "ORGANIZATION",
  THEME: "THEME",
  AFFILIATION: "ORGANIZATION",
};
