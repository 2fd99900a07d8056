/** A misconfigured start fails fast with one clear line and a non-zero exit code. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { runService } from "./helpers/process.ts";

const oneLine = (stderr: string) => stderr.trim().split("\n");

test("an unreachable DATABASE_URL is one line naming the host, exit code 1", async () => {
  const { code, stderr } = await runService("main.js", { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere", PORT: "0" });
  assert.equal(code, 1);
  const lines = oneLine(stderr);
  assert.equal(lines.length, 1, `expected one line, got:\n${stderr}`);
  assert.match(lines[0]!, /^themegraph: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/nowhere: .+/);
});

test("a DATABASE_URL that is not PostgreSQL's is refused before connecting", async () => {
  const { code, stderr } = await runService("main.js", { DATABASE_URL: "mysql://root@localhost/db" });
  assert.equal(code, 1);
  assert.deepEqual(oneLine(stderr), ['themegraph: DATABASE_URL must start with postgresql://, got "mysql://"']);
});

test("a malformed DATABASE_URL or PORT names the variable", async () => {
  const bad = await runService("main.js", { DATABASE_URL: "not a url" });
  assert.equal(bad.code, 1);
  assert.deepEqual(oneLine(bad.stderr), ["themegraph: DATABASE_URL is not a valid URL (expected postgresql://user@host:port/database)"]);
  const port = await runService("main.js", { PORT: "eighty" });
  assert.equal(port.code, 1);
  assert.deepEqual(oneLine(port.stderr), ['themegraph: PORT must be an integer from 0 to 65535, got "eighty"']);
});

test("a password in DATABASE_URL never appears in the error", async () => {
  const { stderr } = await runService("main.js", { DATABASE_URL: "postgresql://postgres:s3cret-pw@127.0.0.1:1/nowhere" });
  assert.doesNotMatch(stderr, /s3cret-pw/);
});
