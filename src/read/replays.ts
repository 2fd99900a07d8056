/**
 * Requests already answered in full by one planned statement, kept by their exact text: the same
 * query, operation name and variables again would pass the same parse, validation, query limits and
 * cost check (each is decided by those three alone, and none was refused), and would be planned to
 * the same statement. So the HTTP layer sends it straight to that statement, past Apollo's request
 * pipeline, which otherwise costs more CPU than the rest of a small query. Only answers with no
 * JavaScript fields and no errors are kept; anything else, and any failure, takes the full path.
 */
import type { Prisma } from "../generated/prisma/client.ts";
import type { RawQueries } from "../db/raw.ts";

/** Requests kept, least recently used evicted first; and the characters of their texts, at most. */
const MAX_REPLAYS = 1000;
const MAX_CHARACTERS = 4_000_000;

export class Replays {
  /** By key, the statement and the key as first remembered (see answer). */
  private readonly statements = new Map<string, { key: string; statement: Prisma.Sql }>();
  private characters = 0;

  /** The key of a request as sent: undefined for what is never replayed (persisted queries, GETs). */
  static keyOf(body: unknown): string | undefined {
    if (!body || typeof body !== "object") return undefined;
    const { query, operationName, variables, extensions } = body as Record<string, unknown>;
    if (typeof query !== "string" || extensions !== undefined) return undefined;
    if (operationName !== undefined && operationName !== null && typeof operationName !== "string") return undefined;
    if (variables !== undefined && variables !== null && (typeof variables !== "object" || Array.isArray(variables))) return undefined;
    return `${operationName ?? ""}\u0000${JSON.stringify(variables ?? {})}\u0000${query}`;
  }

  /** Called by the read gateway once a request's whole answer came from this statement. */
  remember(key: string, statement: Prisma.Sql): void {
    if (this.statements.has(key)) return;
    this.statements.set(key, { key, statement });
    this.characters += key.length;
    for (const [oldest] of this.statements) {
      if (this.statements.size <= MAX_REPLAYS && this.characters <= MAX_CHARACTERS) break;
      this.statements.delete(oldest);
      this.characters -= oldest.length;
    }
  }

  /**
   * The `data` text of a request answered before (the HTTP layer sends it inside `{"data":...}`),
   * or undefined (then the full path answers): at once when the request is not one of them. `raw`
   * gives the queries to run it with (made only then).
   */
  answer(key: string, raw: () => RawQueries): Promise<string | undefined> | undefined {
    const entry = this.statements.get(key);
    if (!entry) return undefined;
    // Least recently used last, put back under the key it was remembered with: this request's
    // key is a young string, and in the old generation's table V8 would keep it until a full GC.
    this.statements.delete(key);
    this.statements.set(entry.key, entry);
    const { statement } = entry;
    // Any failure, thrown or rejected: the full path runs it again, and reports or recovers from
    // it as it always does.
    let answered: Promise<{ data: string | null }[]>;
    try {
      answered = raw().$queryRaw<{ data: string | null }[]>(statement);
    } catch {
      return undefined;
    }
    return answered.then(
      (rows) => rows[0]?.data ?? undefined,
      () => undefined,
    );
  }
}
