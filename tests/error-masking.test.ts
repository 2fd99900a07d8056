/**
 * Internal errors in production mode: the client gets "Internal server error" and the request id
 * (the one in x-request-id), never a stack, SQL or Prisma text; the log has the real error under
 * that id. The failure is real: the test renames a table under the running service.
 * DETAILED_ERRORS and INTROSPECTION turn the production defaults back.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { send } from "./helpers/writes.ts";

/** Runs `fn` with the table Theme missing, and gives back what was logged on stderr meanwhile. */
async function withThemeTableMissing<T>(t: TestApp, fn: () => Promise<T>): Promise<{ result: T; log: string }> {
  const prisma = t.app.db.prisma;
  const write = process.stderr.write;
  let log = "";
  await prisma.$executeRawUnsafe(`ALTER TABLE "Theme" RENAME TO "ThemeGone"`);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    log += chunk.toString();
    return write.call(process.stderr, chunk, ...rest);
  }) as typeof process.stderr.write;
  try {
    return { result: await fn(), log };
  } finally {
    process.stderr.write = write;
    await prisma.$executeRawUnsafe(`ALTER TABLE "ThemeGone" RENAME TO "Theme"`);
  }
}

/** Through Prisma (theme) and through raw SQL (themes): both fail on the missing table. */
const BROKEN = `{ one: theme(slug: "space") { name } all: themes { nodes { slug } } }`;

describe("production mode", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp("pglite", { env: { NODE_ENV: "production" } });
  });
  after(async () => t?.close());

  test("internal errors are masked, carry the request id, and are logged under it", async () => {
    const { result: res, log } = await withThemeTableMissing(t, () => send(t.app.url, BROKEN));
    assert.ok(res.requestId);
    assert.equal(res.body.errors?.length, 2, JSON.stringify(res.body));
    for (const error of res.body.errors!) {
      assert.deepEqual(Object.keys(error).sort(), ["extensions", "locations", "message", "path"]);
      assert.equal(error.message, "Internal server error");
      assert.deepEqual(error.extensions, { code: "INTERNAL_SERVER_ERROR", requestId: res.requestId });
    }
    assert.doesNotMatch(JSON.stringify(res.body), /ThemeGone|"Theme"|relation|does not exist|prisma|select|stack|\.[jt]s:\d/i);

    const lines = log.split("\n").filter((l) => l.includes(res.requestId!) && l.includes("internal error"));
    assert.equal(lines.length, 2, log);
    for (const line of lines) assert.match(JSON.parse(line).err.message, /Theme/, "the log keeps what the client does not see");
  });

  test("coded errors still pass through", async () => {
    const res = await send(t.app.url, `{ themes(first: 101) { nodes { slug } } }`);
    assert.equal(res.body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.match(res.body.errors![0]!.message, /first must be between 0 and 100/);
  });

  test("introspection is off, and error messages suggest no field names", async () => {
    const introspection = await send(t.app.url, `{ __schema { queryType { name } } }`);
    assert.equal(introspection.body.errors?.[0]?.extensions?.code, "GRAPHQL_VALIDATION_FAILED");
    assert.match(introspection.body.errors![0]!.message, /introspection/i);
    const typo = await send(t.app.url, `{ themez { totalCount } }`);
    assert.equal(typo.body.errors?.[0]?.extensions?.code, "GRAPHQL_VALIDATION_FAILED");
    assert.doesNotMatch(typo.body.errors![0]!.message, /Did you mean|themes/);
  });
});

describe("production mode with DETAILED_ERRORS and INTROSPECTION", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp("pglite", { env: { NODE_ENV: "production", DETAILED_ERRORS: "true", INTROSPECTION: "true" } });
  });
  after(async () => t?.close());

  test("internal errors show their message and stack, still with the request id", async () => {
    const { result: res } = await withThemeTableMissing(t, () => send(t.app.url, `{ theme(slug: "space") { name } }`));
    const error = res.body.errors![0]!;
    assert.equal(error.extensions?.code, "INTERNAL_SERVER_ERROR");
    assert.equal(error.extensions?.requestId, res.requestId);
    assert.match(error.message, /Theme/);
    assert.ok(Array.isArray(error.extensions?.stacktrace));
  });

  test("introspection answers", async () => {
    const res = await send(t.app.url, `{ __schema { queryType { name } } }`);
    assert.deepEqual(res.body, { data: { __schema: { queryType: { name: "Query" } } } });
  });
});
