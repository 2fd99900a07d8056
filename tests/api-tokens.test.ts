/** API tokens and the new configuration, without a server: digests only, clear config errors. */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { promisify } from "node:util";
import { authenticate, parseDigests } from "../src/auth/api-tokens.ts";
import { ConfigError, loadConfig } from "../src/config.ts";
import { builtScript } from "./helpers/process.ts";

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

test("a token matches its digest, in any configured position and hex case", () => {
  const digests = parseDigests(` ${digest("other")} , ${digest("s3cret").toUpperCase()} `)!;
  assert.equal(digests.length, 2);
  const viewer = authenticate("Bearer s3cret", digests);
  assert.deepEqual(viewer, { authenticated: true, tokenId: digest("s3cret").slice(0, 8), name: `token ${digest("s3cret").slice(0, 8)}` });
  assert.equal(authenticate("bearer s3cret", digests).authenticated, true, "the scheme is case-insensitive");
  assert.deepEqual(authenticate("Bearer s3cret2", digests), { authenticated: false, reason: "invalid" });
  assert.deepEqual(authenticate(`Bearer ${digest("s3cret")}`, digests), { authenticated: false, reason: "invalid" }, "the digest is not a token");
  assert.deepEqual(authenticate("s3cret", digests), { authenticated: false, reason: "malformed" });
  assert.deepEqual(authenticate(undefined, digests), { authenticated: false, reason: "missing" });
  assert.deepEqual(authenticate("Bearer s3cret", []), { authenticated: false, reason: "invalid" }, "no digests: no writes");
});

test("a digest may be named: curator claims record that name", () => {
  const digests = parseDigests(`alice=${digest("a-token")},${digest("other")}`)!;
  assert.deepEqual(authenticate("Bearer a-token", digests), { authenticated: true, tokenId: digest("a-token").slice(0, 8), name: "alice" });
  assert.equal(parseDigests(`al ice=${digest("a-token")}`), null, "a name is one word");
  assert.equal(parseDigests(`alice=${digest("a-token").slice(1)}`), null, "still a whole digest");
});

test("API_TOKEN_SHA256 must hold digests, and a bad value is not echoed (it may be a pasted token)", () => {
  assert.deepEqual(loadConfig({}).apiTokenDigests, []);
  assert.throws(() => loadConfig({ API_TOKEN_SHA256: "my-plain-token" }), (error: Error) =>
    error instanceof ConfigError && /API_TOKEN_SHA256/.test(error.message) && !error.message.includes("my-plain-token"));
});

test("limits, introspection and detailed errors come from the environment, production changing the defaults", () => {
  const dev = loadConfig({});
  assert.deepEqual(dev.limits, { depth: 10, aliases: 30, rootFields: 20, directives: 20, tokens: 2000, characters: 50_000, cost: 50_000, fields: 2000 });
  assert.equal(dev.introspection, true);
  assert.equal(dev.detailedErrors, true);
  const prod = loadConfig({ NODE_ENV: "production", QUERY_MAX_DEPTH: "12" });
  assert.equal(prod.introspection, false);
  assert.equal(prod.detailedErrors, false);
  assert.equal(prod.limits.depth, 12);
  assert.throws(() => loadConfig({ QUERY_MAX_DEPTH: "0" }), /QUERY_MAX_DEPTH must be an integer from 1 to 1000, got "0"/);
  assert.throws(() => loadConfig({ INTROSPECTION: "maybe" }), /INTROSPECTION must be true or false/);
});

test("`npm run token` prints a token and its digest", async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [builtScript("scripts", "token.js")]);
  const token = /^token: +(\S+)$/m.exec(stdout)?.[1];
  const sha = /^sha256: +([0-9a-f]{64})$/m.exec(stdout)?.[1];
  assert.ok(token && token.length >= 43, stdout);
  assert.equal(sha, digest(token));
});
