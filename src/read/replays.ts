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

/** Requests kept (the least recently used go first, see remember); and the characters of their texts, at most. */
const MAX_REPLAYS = 1000;
const MAX_CHARACTERS = 4_000_000;

interface Replay {
  statement: Prisma.Sql;
  /** Asked for again since it was last passed over for eviction (see remember). */
  used: boolean;
}

export class Replays {
  private readonly statements = new Map<string, Replay>();
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

  /**
   * Called by the read gateway once a request's whole answer came from this statement. Over the
   * bounds, the oldest go, except those asked for again since: they get a second chance (moved to
   * the newest end, their mark cleared). An LRU that moved every hit to the end would delete and
   * re-insert on every replay, and deleting from a small Map makes V8 shrink its table each time
   * (a runtime call: ~1.5 us of a 150 us request).
   */
  remember(key: string, statement: Prisma.Sql): void {
    if (this.statements.has(key)) return;
    this.statements.set(key, { statement, used: false });
    this.characters += key.length;
    for (const [oldest, replay] of this.statements) {
      if (this.statements.size <= MAX_REPLAYS && this.characters <= MAX_CHARACTERS) break;
      this.statements.delete(oldest);
      if (replay.used) {
        replay.used = false;
        this.statements.set(oldest, replay);
      } else this.characters -= oldest.length;
    }
  }

  /**
   * The `data` text of a request answered before (the HTTP layer sends it inside `{"data":...}`),
   * or undefined (then the full path answers): at once when the request is not one of them. `raw`
   * gives the queries to run it with (made only then).
   */
  answer(key: string, raw: () => RawQueries): Promise<string | undefined> | undefined {
    const replay = this.statements.get(key);
    if (!replay) return undefined;
    replay.used = true;
    const { statement } = replay;
    // Any failure, thrown or rejected: the full path runs it again, and reports or recovers from
    // it as it always does.
    let answered: Promise<string | null | undefined>;
    try {
      answered = raw().$queryText(statement);
    } catch {
      return undefined;
    }
    return answered.then(
      (data) => data ?? undefined,
      () => undefined,
    );
  }
}
