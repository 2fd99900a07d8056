/**
 * Counts (and optionally logs) every SQL statement Prisma sends, per request.
 * It wraps the driver adapter, so it sees exactly what reaches the database, whichever driver it is.
 * Per-request counts ride on AsyncLocalStorage: `withStatementCount` runs a request inside a counter.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

export interface StatementCount {
  statements: number;
}

const currentCount = new AsyncLocalStorage<StatementCount>();

/** Runs `fn` with a fresh per-call counter; every statement sent inside it (and its async work) is counted. */
export function withStatementCount<T>(count: StatementCount, fn: () => T): T {
  return currentCount.run(count, fn);
}

type QueryListener = (query: SqlQuery) => void;

/** Counts one statement for the current request. */
export function recordStatement(): void {
  const count = currentCount.getStore();
  if (count) count.statements++;
}

function counted<T extends object>(target: T, onQuery: QueryListener | undefined): T {
  const record = (query: SqlQuery) => {
    recordStatement();
    onQuery?.(query);
  };
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value !== "function") return value;
      if (prop === "queryRaw" || prop === "executeRaw") {
        return (query: SqlQuery) => {
          record(query);
          return value.call(obj, query);
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
