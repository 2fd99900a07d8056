/**
 * Counts (and optionally logs) every SQL statement sent, per request.
 * Raw reads (db/raw.ts) count into the request's counter directly (`countedRaw`). Prisma's statements
 * are seen by wrapping its driver adapter, which has no request to hand: they count into the counter
 * of the AsyncLocalStorage context they run in (`withStatementCount`). Only mutations run Prisma per
 * request, so only they enter that context (schema.ts): while any AsyncLocalStorage is on, Node 20 runs
 * a hook on every promise, which cost reads ~10% of their CPU.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import type { Prisma } from "../generated/prisma/client.ts";
import type { RawQueries } from "./raw.ts";
import type { RequestTrace } from "../observability/request-trace.ts";

export interface StatementCount {
  statements: number;
  /** The request's trace when tracing is on (observability/): each statement counted here gets a span. */
  trace?: RequestTrace;
}

const currentCount = new AsyncLocalStorage<StatementCount>();
/** Calls inside `withStatementCount` now; the storage (and its promise hook) is off when none are. */
let inside = 0;

/** Runs `fn` with `count` as the counter of every Prisma statement sent inside it (and its async work). */
export async function withStatementCount<T>(count: StatementCount, fn: () => T | Promise<T>): Promise<T> {
  inside++;
  try {
    return await currentCount.run(count, fn);
  } finally {
    if (--inside === 0) currentCount.disable();
  }
}

/** Raw reads that count each statement into `count`. */
export function countedRaw(raw: RawQueries, count: StatementCount): RawQueries {
  /** Counts the statement, and runs it in a span when the request is traced. */
  const counted = <R>(sql: Prisma.Sql, run: () => Promise<R>, rowsIn?: (result: R) => number | undefined): Promise<R> => {
    count.statements++;
    const trace = count.trace;
    return trace ? trace.statement(sql.text, run, rowsIn) : run();
  };
  return {
    $queryRaw: <T>(sql: Prisma.Sql) => counted(sql, () => raw.$queryRaw<T>(sql)),
    // One row, unless the statement returned none (undefined).
    $queryText: (sql: Prisma.Sql) => counted(sql, () => raw.$queryText(sql), (text) => (text === undefined ? 0 : 1)),
  };
}

type QueryListener = (query: SqlQuery) => void;

function counted<T extends object>(target: T, onQuery: QueryListener | undefined): T {
  /** Counts the statement into the request's counter; its trace, when there is one. */
  const record = (query: SqlQuery): RequestTrace | undefined => {
    const count = currentCount.getStore();
    if (count) count.statements++;
    onQuery?.(query);
    return count?.trace;
  };
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value !== "function") return value;
      if (prop === "queryRaw" || prop === "executeRaw") {
        return (query: SqlQuery) => {
          const trace = record(query);
          return trace ? trace.statement(query.sql, () => value.call(obj, query)) : value.call(obj, query);
        };
      }
      if (prop === "startTransaction") {
        return async (...args: unknown[]) => counted<Transaction>(await value.apply(obj, args), onQuery);
      }
      return value.bind(obj);
    },
  });
}

/** Wraps a driver adapter factory so that every adapter and transaction it makes counts its statements. */
export function countingAdapter<F extends SqlDriverAdapterFactory>(factory: F, onQuery?: QueryListener): F {
  return new Proxy(factory, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (prop === "connect" && typeof value === "function") {
        return async () => counted<SqlDriverAdapter>(await value.call(obj), onQuery);
      }
      return typeof value === "function" ? value.bind(obj) : value;
    },
  });
}
