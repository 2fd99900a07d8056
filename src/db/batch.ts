/**
 * Per-request batch loaders: rows by id with one `IN (...)` statement, and pages of a list for a
 * whole batch of parents with one statement (db/list.ts). Fields asked with different page
 * arguments in one request are different batches, each one statement.
 */
import DataLoader from "dataloader";
import type { Prisma } from "../generated/prisma/client.ts";
import type { RawQueries } from "./raw.ts";
import { countRows, fetchPages, shapeOf, type ListSql, type Page, type PageRequest } from "./list.ts";

/** Returns the loader memoized under `shape`, making it on first use. */
export function memo<L>(cache: Map<string, L>, shape: string, make: () => L): L {
  let loader = cache.get(shape);
  if (!loader) cache.set(shape, (loader = make()));
  return loader;
}

export interface ListLoaders<T> {
  /** The page `req` asks for, under each parent key. */
  page(req: PageRequest): DataLoader<string, Page<T>>;
  /** How many rows each parent has, under the same filter. */
  count(where: Prisma.Sql | undefined, whereKey: string | undefined): DataLoader<string, number>;
}

export function listLoaders<T>(raw: RawQueries, list: ListSql): ListLoaders<T> {
  const pages = new Map<string, DataLoader<string, Page<T>>>();
  const counts = new Map<string, DataLoader<string, number>>();
  return {
    page: (req) =>
      memo(pages, shapeOf(req), () =>
        new DataLoader((keys) => fetchPages<T>(raw, list, keys, req)),
      ),
    count: (where, whereKey) => memo(counts, whereKey ?? "", () => new DataLoader((keys) => countRows(raw, list, keys, where))),
  };
}
