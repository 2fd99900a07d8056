/**
 * One suite of tests on each backend: `onEachBackend("claims", (s) => { test(…) })` declares
 * "claims on pglite" and "claims on postgresql", each with its own app (started before its tests,
 * closed after them) accepting one write token. Without a PostgreSQL server the second is a
 * skipped "needs PostgreSQL" test (a failure under REQUIRE_POSTGRES=1).
 */
import { describe, test } from "node:test";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { dataOf, useTestApp, type Backend, type TestApp } from "./app.ts";
import { skipWithoutPostgres } from "./postgres.ts";
import { send, writeToken, type Reply } from "./writes.ts";

const BACKENDS: readonly Backend[] = ["pglite", "postgresql"];

export interface BackendSuite {
  backend: Backend;
  /** The suite's app (once its `before` hook has run). */
  readonly t: TestApp;
  prisma(): PrismaClient;
  /** The data of an anonymous request; GraphQL errors fail the test. */
  read(query: string, variables?: Record<string, unknown>): Promise<any>;
  /** The data of a request sent with the write token; GraphQL errors fail the test. */
  write(query: string, variables?: Record<string, unknown>): Promise<any>;
  /** The whole reply, errors and statement count included: anonymous unless `token: true`. */
  send(query: string, variables?: Record<string, unknown>, options?: { token?: boolean }): Promise<Reply>;
}

export function onEachBackend(title: string, body: (s: BackendSuite) => void | Promise<void>, options: { env?: Record<string, string> } = {}): void {
  const token = writeToken();
  for (const backend of BACKENDS) {
    describe(`${title} on ${backend}`, async () => {
      const skip = backend === "postgresql" ? await skipWithoutPostgres() : false;
      if (skip) {
        test("needs PostgreSQL", { skip }, () => {});
        return;
      }
      const app = useTestApp(backend, { env: { ...token.env, ...options.env } });
      const reply: BackendSuite["send"] = (query, variables, { token: withToken = false } = {}) =>
        send(app.t.app.url, query, variables, withToken ? token.bearer : {});
      await body({
        backend,
        get t() {
          return app.t;
        },
        prisma: () => app.t.app.db.prisma,
        read: (query, variables) => dataOf(reply(query, variables)),
        write: (query, variables) => dataOf(reply(query, variables, { token: true })),
        send: reply,
      });
    });
  }
}
