/** What a write changed (or, in a dry run, would change): rows per kind and event dates. */
export interface ChangeCount {
  kind: string;
  added: number;
  changed: number;
  removed: number;
}

/** An event's derived date before and after (ISO partial dates; null: the event did not exist). */
export interface DateChange {
  event: string;
  from: string | null;
  to: string | null;
}

/** Row kinds in report order. */
const KINDS = ["documents", "claims", "themes", "people", "organizations", "events", "eventLinks", "affiliations", "evidence", "quotes", "quoteThemes", "mentions"] as const;
export type RowKind = (typeof KINDS)[number];

export class Changes {
  private readonly counts = new Map<RowKind, ChangeCount>();
  readonly dates: DateChange[] = [];

  count(kind: RowKind, what: "added" | "changed" | "removed", n: number): void {
    if (!n) return;
    const entry = this.counts.get(kind) ?? { kind, added: 0, changed: 0, removed: 0 };
    entry[what] += n;
    this.counts.set(kind, entry);
  }

  /** Kinds with any change, in report order. */
  list(): ChangeCount[] {
    return KINDS.flatMap((k) => (this.counts.has(k) ? [{ ...this.counts.get(k)! }] : []));
  }
}
