/**
 * One statement whose answer is a single text value (the first column of its first row), run on
 * node-postgres with the least work: a planned read whose JSON PostgreSQL wrote (read/replays.ts)
 * needs no row objects, type parsers or field descriptions. It is a node-postgres "submittable",
 * the interface its own pg-cursor and pg-query-stream are built on: the client hands it the
 * connection to write its messages and then the server's answers, one handler each. Compared
 * with `pool.query(config)` it skips copying the config, the Result with its parsers and row
 * objects, a Describe message (PostgreSQL then sends no RowDescription) and pg-pool's promise
 * wrapper: ~10% of a small replayed request's CPU.
 */
import { createRequire } from "node:module";
import type pg from "pg";

/** What of node-postgres's connection a submittable uses (pg/lib/connection.js). */
interface Connection {
  stream: { cork?(): void; uncork?(): void };
  /** Statement names prepared on this connection, and those whose Parse is on its way, by name. */
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
  parse(opts: { text: string; name?: string }): void;
  bind(opts: { statement?: string; values?: unknown[]; valueMapper?: (value: unknown) => unknown }): void;
  execute(opts: { portal?: string; rows?: number }): void;
  sync(): void;
  sendCopyFail(message: string): void;
}

/** node-postgres's own conversion of a parameter to its text form (Dates, Buffers, arrays, JSON), as its queries use it. */
const { prepareValue } = createRequire(import.meta.url)("pg/lib/utils.js") as { prepareValue: (value: unknown) => unknown };

type Done = (error: Error | undefined, text: string | null | undefined) => void;

class TextQuery {
  /** Read by node-postgres: errors of a named statement make it forget the name on this connection. */
  readonly name: string | undefined;
  private value: string | null | undefined;
  private done: Done | undefined;

  constructor(readonly text: string, private readonly values: unknown[], name: string | undefined, done: Done) {
    this.name = name;
    this.done = done;
  }

  submit(connection: Connection): void {
    const { name } = this;
    connection.stream.cork?.();
    try {
      if (!name || (connection.parsedStatements[name] === undefined && connection.submittedNamedStatements[name] === undefined)) {
        connection.parse({ text: this.text, name });
        if (name) connection.submittedNamedStatements[name] = this.text;
      }
      connection.bind({ statement: name, values: this.values, valueMapper: prepareValue });
      connection.execute({ portal: "", rows: 0 });
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
  }

  handleRowDescription(): void {}
  handleDataRow(message: { fields: (string | null)[] }): void {
    if (this.value === undefined) this.value = message.fields[0] ?? null;
  }
  handleCommandComplete(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyInResponse(connection: Connection): void {
    connection.sendCopyFail("a read statement has no COPY data to send");
  }
  handleCopyData(): void {}

  /** An error from the server (ReadyForQuery then comes for no query), or the connection's end. */
  handleError(error: Error): void {
    this.finish(error, undefined);
  }

  handleReadyForQuery(): void {
    this.finish(undefined, this.value);
  }

  private finish(error: Error | undefined, text: string | null | undefined): void {
    const done = this.done;
    this.done = undefined;
    done?.(error, text);
  }
}

/**
 * Runs `text` with `values` on a pooled client (prepared under `name` once per connection when
 * given) and gives the first column of its first row as PostgreSQL's text: null for SQL NULL,
 * undefined when there is no row. Errors reject, as `pool.query` would, and a client whose
 * connection broke is dropped from the pool.
 */
export function queryText(pool: pg.Pool, text: string, values: unknown[], name: string | undefined): Promise<string | null | undefined> {
  return new Promise((resolve, reject) => {
    pool.connect((connectError, client, release) => {
      if (connectError || !client) return reject(connectError ?? new Error("the pool gave no client"));
      // A broken connection is reported to the query (handleError) and as the client's 'error'
      // event, which must have a listener while the client is out of the pool (as pool.query has).
      let settled = false;
      const onClientError = (error: Error) => settle(error, undefined);
      const settle: Done = (error, value) => {
        if (settled) return;
        settled = true;
        client.removeListener("error", onClientError);
        // With an error the client leaves the pool (pool.query does the same).
        release(error);
        if (error) reject(error);
        else resolve(value);
      };
      client.once("error", onClientError);
      client.query(new TextQuery(text, values, name, settle) as unknown as pg.Submittable);
    });
  });
}
