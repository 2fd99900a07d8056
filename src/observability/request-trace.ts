/**
 * One request's trace: its HTTP server span, and the span that SQL statements sent now belong to.
 * Context is passed explicitly (the request's StatementCount carries this object to every place a
 * statement is counted), not through OpenTelemetry's AsyncLocalStorage context manager: with any
 * AsyncLocalStorage on, Node 20 runs a hook on every promise (db/statement-counter.ts measured ~10%
 * of a read's CPU), and a request's statements are all counted through one object anyway.
 */
import { SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span, type Tracer } from "@opentelemetry/api";

/** The statement's first keyword (SELECT, INSERT, WITH...), its span's name. */
function operationOf(text: string): string {
  const match = /^\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*([A-Za-z]+)/.exec(text);
  return match ? match[1]!.toUpperCase() : "SQL";
}

/** Rows a driver answered with: an array of rows, or Prisma's result set (`rows`). */
function rowsOf(result: unknown): number | undefined {
  if (Array.isArray(result)) return result.length;
  const rows = (result as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? rows.length : undefined;
}

export class RequestTrace {
  /** Parent of the spans started now: the HTTP span, or the GraphQL execution while it runs. */
  private parent: Context;

  constructor(
    private readonly tracer: Tracer,
    /** The HTTP server span; ended by the HTTP layer when the response is done. */
    readonly span: Span,
    private readonly root: Context,
  ) {
    this.parent = root;
  }

  get traceId(): string {
    return this.span.spanContext().traceId;
  }

  /** Starts a span under the current parent (ended by `end`). */
  start(name: string, attributes: Attributes, kind: SpanKind = SpanKind.INTERNAL): Span {
    return this.tracer.startSpan(name, { kind, attributes }, this.parent);
  }

  /** Ends `span`, marked failed when `error` is given. */
  end(span: Span, error?: unknown): void {
    if (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    }
    span.end();
  }

  /** Makes `span` the parent of what starts next (the GraphQL execution); `leave` goes back to the HTTP span. */
  enter(span: Span): void {
    this.parent = trace.setSpan(this.root, span);
  }

  leave(): void {
    this.parent = this.root;
  }

  /**
   * Runs one SQL statement in a client span: the statement's text as sent, with `$n` placeholders
   * and never its values, and the rows it answered.
   */
  async statement<T>(text: string, run: () => Promise<T>, rowsIn: (result: T) => number | undefined = rowsOf): Promise<T> {
    const operation = operationOf(text);
    const span = this.start(operation, {
      "db.system.name": "postgresql",
      "db.operation.name": operation,
      "db.query.text": text,
    }, SpanKind.CLIENT);
    try {
      const result = await run();
      const rows = rowsIn(result);
      if (rows !== undefined) span.setAttribute("db.response.returned_rows", rows);
      span.end();
      return result;
    } catch (error) {
      this.end(span, error);
      throw error;
    }
  }
}
