/** Starts the real service on an ephemeral port for a test, on PGlite or a throw-away PostgreSQL. */
import "reflect-metadata";
import { mkdtemp, rm } from "node:fs/promises";
import { after, before } from "node:test";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/config.ts";
import { startApp, type App } from "../../src/server.ts";
import assert from "node:assert/strict";
import { createThrowawayDatabase } from "./postgres.ts";
import { send, type Reply } from "./writes.ts";
import { projectRoot } from "../../src/paths.ts";

export type Backend = "pglite" | "postgresql";

export interface TestApp {
  app: App;
  /** Where the PGlite data lives (pglite backend only). */
  dataDir: string;
  /** POSTs a GraphQL request; returns status, parsed body and the SQL statements it sent. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  /** The whole reply of a request (with `headers` added, e.g. a bearer token): errors, statements and headers included. */
  send(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<Reply>;
  /** The data of a request (with `headers` added, e.g. a bearer token); GraphQL errors fail the test. */
  data<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T>;
  close(): Promise<void>;
}

export interface GqlResponse<T> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  statements: number;
}

/** POSTs a GraphQL request to `url` (writes.ts's `send` with no headers added). */
export const post = <T>(url: string, query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>> => send(url, query, variables) as Promise<GqlResponse<T>>;

/** The data of a reply; its GraphQL errors fail the test. */
export async function dataOf<T = any>(reply: Promise<{ body: { data?: T | null; errors?: unknown[] } }>): Promise<T> {
  const { body } = await reply;
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data as T;
}

/** Temp folder for a PGlite database, removed by the caller. */
/**
 * Test apps seed the one bundled article the tests were written against, not the whole corpus
 * (corpus/ also holds the Lumen reports): a test that wants the corpus passes CORPUS.
 */
export const SEED_ONLY = path.join(projectRoot, "corpus", "2023-05-29-science-technology-innovation.yaml");

export const tempDataDir = () => mkdtemp(path.join(os.tmpdir(), "themegraph-test-"));

export async function startTestApp(backend: Backend, options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? (await tempDataDir());
  const database = backend === "postgresql" ? await createThrowawayDatabase() : undefined;
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: database?.url, CORPUS: SEED_ONLY, ...options.env });
  const app = await startApp(config);
  return {
    app,
    dataDir,
    gql: (query, variables) => post(app.url, query, variables),
    send: (query, variables, headers) => send(app.url, query, variables, headers),
    data: (query, variables, headers) => dataOf(send(app.url, query, variables, headers)),
    close: async () => {
      await app.stop();
      await database?.drop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The app of the enclosing suite (or file): started before its tests, closed after them. */
export function useTestApp(backend: Backend, options: { env?: Record<string, string> } = {}): { readonly origin: string; readonly t: TestApp } {
  let started: TestApp | undefined;
  before(async () => {
    started = await startTestApp(backend, options);
  });
  after(async () => started?.close());
  return {
    get t() {
      return started!;
    },
    get origin() {
      return `http://127.0.0.1:${started!.app.port}`;
    },
  };
}
