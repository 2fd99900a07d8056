/**
 * What ingest tells the curator after writing, without refusing the file: where this document's
 * claims differ from other documents' (both stand; the warning names the others and says what the
 * graph shows), and slugs that no document describes yet (they show their slug until one does).
 */
import type { ClaimSubject } from "../generated/prisma/enums.ts";
import { SINGLE_VALUED, type DerivedEntity, type DerivedEvent } from "../claims/derive.ts";
import { subjectKey, type Derivation, type StoredClaim } from "../claims/sync.ts";
import { parsePartialDate, isoDay } from "../partial-date.ts";
import type { Plan, PlanProblem } from "./plan.ts";

const NOUN: Record<ClaimSubject, string> = { EVENT: "event", PERSON: "person", ORGANIZATION: "organization", THEME: "theme" };
const DESCRIBING: Record<ClaimSubject, string> = { EVENT: "TITLE", PERSON: "NAME", ORGANIZATION: "NAME", THEME: "NAME" };

/** Do two claimed values disagree? Dates disagree when neither lies within the other. */
function differ(property: string, a: string, b: string): boolean {
  if (property !== "DATE") return a !== b;
  const x = parsePartialDate(a), y = parsePartialDate(b);
  if (!x || !y) return a !== b;
  const within = (i: typeof x, o: typeof x) => i.start >= o.start && i.end <= o.end;
  return !within(x, y) && !within(y, x);
}

function shown(property: string, derived: DerivedEntity | DerivedEvent | undefined): string {
  if (!derived) return "";
  if (property === "DATE" && "date" in derived) return isoDay(derived.date.start).slice(0, { YEAR: 4, MONTH: 7, DAY: 10 }[derived.date.precision]);
  const value = { NAME: "name", TITLE: "title", SUMMARY: "summary", KIND: "kind", PLACE: "place", DESCRIPTION: "description" }[property] as keyof typeof derived;
  return String(derived[value] ?? "");
}

export function warningsFor(plan: Plan, documentId: string, derivation: Derivation): PlanProblem[] {
  const warnings: PlanProblem[] = [];
  const seen = new Set<string>();
  const sourceOf = (c: StoredClaim) => (c.documentId ? `document "${derivation.documents.get(c.documentId)}"` : `curator ${c.curator ?? "(unnamed)"}`);
  for (const claim of plan.claims) {
    const slug = derivation.redirects.resolve(claim.subject, claim.slug);
    const key = subjectKey(claim.subject, slug);
    const all = derivation.claims.get(key) ?? [];
    if (claim.property === "REFERENCE") {
      if (seen.has(`described|${key}`)) continue;
      seen.add(`described|${key}`);
      if (!all.some((c) => c.property === DESCRIBING[claim.subject])) {
        warnings.push({ path: claim.path, message: `${NOUN[claim.subject]} "${claim.slug}" is described by no document yet: it shows its slug until one ${claim.subject === "EVENT" ? "gives its title" : "names it"}` });
      }
      continue;
    }
    if (!SINGLE_VALUED.has(claim.property)) continue;
    const others = all.filter((c) => c.property === claim.property && c.documentId !== documentId && differ(claim.property, claim.value, c.value));
    if (!others.length || seen.has(`${key}|${claim.property}`)) continue;
    seen.add(`${key}|${claim.property}`);
    const byValue = new Map<string, string[]>();
    for (const c of others) byValue.set(c.value, [...new Set([...(byValue.get(c.value) ?? []), sourceOf(c)])]);
    const theirs = [...byValue].map(([value, sources]) => `"${value}" (${sources.join(", ")})`).join(", ");
    const now = shown(claim.property, derivation.derived.get(key));
    warnings.push({
      path: claim.path,
      message: `"${claim.value}" differs from ${theirs} for ${NOUN[claim.subject]} "${slug}": both claims are kept, and the graph shows "${now}"`,
    });
  }
  return warnings;
}
