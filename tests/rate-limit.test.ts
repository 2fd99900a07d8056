/**
 * Rate limits: per client address, and per API token for requests that carry a valid one; over the
 * limit a request gets 429, Retry-After and RATE_LIMITED before anything runs; probes are never
 * limited; X-Forwarded-For counts only with TRUST_PROXY (else any client could pick its address).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { writeToken } from "./helpers/writes.ts";

const token = writeToken();
let proxied: TestApp, direct: TestApp;
before(async () => {
  const limits = { RATE_LIMIT_PER_MINUTE: "5", RATE_LIMIT_TOKEN_PER_MINUTE: "8", ...token.env };
  [proxied, direct] = await Promise.all([startTestApp("pglite", { env: { ...limits, TRUST_PROXY: "true" } }), startTestApp("pglite", { env: limits })]);
});
after(async () => Promise.all([proxied?.close(), direct?.close()]));

async function ask(app: TestApp, headers: Record<string, string> = {}) {
  const res = await fetch(app.app.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query: "{ themes(first: 1) { totalCount } }" }) });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] } };
}

test("an address over its limit gets 429 with Retry-After; a token has its own budget; probes are not limited", async () => {
  const from = { "x-forwarded-for": "203.0.113.7" };
  for (let i = 0; i < 5; i++) assert.equal((await ask(proxied, from)).status, 200, `request ${i + 1}`);
  const refused = await ask(proxied, from);
  assert.equal(refused.status, 429);
  assert.equal(refused.body.errors?.[0]?.extensions?.code, "RATE_LIMITED");
  assert.match(refused.body.errors![0]!.message, /too many requests from address 203\.0\.113\.7: at most 5 a minute; try again in \d+ s/);
  assert.ok(Number(refused.retryAfter) >= 1 && Number(refused.retryAfter) <= 60, `Retry-After: ${refused.retryAfter}`);
  assert.equal((await fetch(proxied.app.url.replace("/graphql", "/healthz"))).status, 200, "probes are not limited");

  const withToken = { ...from, ...token.bearer };
  for (let i = 0; i < 8; i++) assert.equal((await ask(proxied, withToken)).status, 200, `token request ${i + 1}`);
  assert.equal((await ask(proxied, withToken)).status, 429, "the token's own limit");
  assert.equal((await ask(proxied, { ...from, authorization: `Bearer ${writeToken().token}` })).status, 429, "a wrong token counts as its address");
  assert.equal((await ask(proxied, { "x-forwarded-for": "203.0.113.8" })).status, 200, "another address has its own budget");
});

test("without TRUST_PROXY, X-Forwarded-For does not choose the budget", async () => {
  for (let i = 0; i < 5; i++) assert.equal((await ask(direct, { "x-forwarded-for": `198.51.100.${i}` })).status, 200);
  assert.equal((await ask(direct, { "x-forwarded-for": "198.51.100.99" })).status, 429, "all from one socket address");
});
