/**
 * `npm run token`: prints a fresh API token and its SHA-256 digest. The operator keeps the token (for
 * clients' `Authorization: Bearer <token>`) and configures only the digest (API_TOKEN_SHA256, comma-
 * separated for several tokens), so the service never holds a usable token.
 */
import { newToken } from "../src/auth/api-tokens.ts";
import { parseCli } from "../src/cli-args.ts";

parseCli({
  command: "npm run token --",
  summary: `Prints a fresh API token and its SHA-256 digest. Give the token to the client (Authorization:
Bearer <token>) and configure only the digest, in API_TOKEN_SHA256 (comma-separated for several,
each optionally named: alice=<digest>).`,
  examples: ["npm run token", "API_TOKEN_SHA256=<digest> npm start"],
});

const { token, sha256 } = newToken();
console.log(`token:  ${token}`);
console.log(`sha256: ${sha256}`);
console.log(`\nGive the token to the client (Authorization: Bearer <token>); configure the digest:\n  API_TOKEN_SHA256=${sha256}`);
