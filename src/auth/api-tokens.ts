/**
 * API tokens for writes. The service only ever holds SHA-256 digests of the tokens (config:
 * API_TOKEN_SHA256), so neither the repository, the environment dump nor a log line can leak a usable
 * token; `npm run token` makes a token and its digest. A presented token is hashed and compared with
 * every digest in constant time (timingSafeEqual on equal-length digests, no early exit), so timing
 * tells nothing about how close a guess was nor which digest matched.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Who sent the request, as far as writes are concerned. */
export type Viewer =
  | {
      authenticated: true;
      /** First 8 hex digits of the token's digest: safe to log. */
      tokenId: string;
      /** Who writes, as curator claims record it: the name configured with the digest, else `token <tokenId>`. */
      name: string;
    }
  | { authenticated: false; reason: "missing" | "malformed" | "invalid" };

const ANONYMOUS: Viewer = { authenticated: false, reason: "missing" };

const HEX_DIGEST = /^[0-9a-f]{64}$/i;
const NAMED = /^([A-Za-z0-9][A-Za-z0-9._@-]{0,63})=([0-9a-f]{64})$/i;

/** A token's digest, and the name its writes are recorded under (`alice=<digest>` in API_TOKEN_SHA256). */
export interface TokenDigest {
  digest: Buffer;
  name: string | null;
}

export const sha256 = (text: string): Buffer => createHash("sha256").update(text, "utf8").digest();

/**
 * Parses comma-separated hex digests, each optionally named (`alice=<hex>`); null when any item is
 * not one (the caller names the variable).
 */
export function parseDigests(raw: string): TokenDigest[] | null {
  const items = raw.split(",").map((s) => s.trim()).filter(Boolean);
  const parsed = items.map((item) => {
    const named = NAMED.exec(item);
    if (named) return { digest: Buffer.from(named[2]!.toLowerCase(), "hex"), name: named[1]! };
    return HEX_DIGEST.test(item) ? { digest: Buffer.from(item.toLowerCase(), "hex"), name: null } : null;
  });
  return parsed.every((p) => p !== null) ? (parsed as TokenDigest[]) : null;
}

/** The viewer an `Authorization` header makes, checked against the configured digests. */
export function authenticate(authorization: string | undefined, digests: readonly TokenDigest[]): Viewer {
  if (!authorization) return ANONYMOUS;
  const match = /^Bearer +([\x21-\x7e]+) *$/i.exec(authorization);
  if (!match) return { authenticated: false, reason: "malformed" };
  const presented = sha256(match[1]!);
  let found: TokenDigest | undefined;
  for (const entry of digests) {
    if (timingSafeEqual(entry.digest, presented)) found = entry;
  }
  if (!found) return { authenticated: false, reason: "invalid" };
  const tokenId = found.digest.toString("hex").slice(0, 8);
  return { authenticated: true, tokenId, name: found.name ?? `token ${tokenId}` };
}

/** A fresh token (256 random bits, base64url) and the digest to configure for it. */
export function newToken(): { token: string; sha256: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, sha256: sha256(token).toString("hex") };
}

/** What an unauthenticated viewer is told when it tries to write. */
export function refusal(reason: Extract<Viewer, { authenticated: false }>["reason"]): string {
  switch (reason) {
    case "missing":
      return "writes need an API token: send the header `Authorization: Bearer <token>`";
    case "malformed":
      return "the Authorization header must be `Bearer <token>`";
    case "invalid":
      return "the API token is not valid";
  }
}
