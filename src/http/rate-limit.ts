/**
 * Rate limits on GraphQL requests, counted per API token for a request that carries a valid one and
 * per client address otherwise (RATE_LIMIT_TOKEN_PER_MINUTE, RATE_LIMIT_PER_MINUTE; 0, the default,
 * is no limit). A client over its limit gets 429 with Retry-After before its body is read.
 * Counted in this instance's memory (rate-limiter-flexible): behind N instances a client may get up
 * to N times the limit, so a load balancer's own limit is the one that holds across them.
 * Behind a proxy, TRUST_PROXY=true takes the address from the first X-Forwarded-For entry.
 */
import type { IncomingMessage } from "node:http";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { authenticate, type TokenDigest } from "../auth/api-tokens.ts";
import { HttpError } from "./http-error.ts";

export interface RateLimits {
  perAddress: number;
  perToken: number;
  trustProxy: boolean;
}

export type RateLimiter = (req: IncomingMessage) => Promise<void>;

function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.headers["x-forwarded-for"] ?? "").split(",")[0]?.trim() : "";
  return forwarded || req.socket.remoteAddress || "unknown";
}

export function createRateLimiter(limits: RateLimits, digests: readonly TokenDigest[]): RateLimiter | undefined {
  if (!limits.perAddress && !limits.perToken) return undefined;
  const byAddress = limits.perAddress ? new RateLimiterMemory({ points: limits.perAddress, duration: 60 }) : undefined;
  const byToken = limits.perToken ? new RateLimiterMemory({ points: limits.perToken, duration: 60 }) : undefined;
  return async (req) => {
    const viewer = req.headers.authorization ? authenticate(req.headers.authorization, digests) : undefined;
    const [limiter, key, what] = viewer?.authenticated
      ? [byToken, viewer.tokenId, `API token ${viewer.tokenId}`]
      : [byAddress, clientAddress(req, limits.trustProxy), `address ${clientAddress(req, limits.trustProxy)}`];
    if (!limiter) return;
    try {
      await limiter.consume(key);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw new HttpError(429, `too many requests from ${what}: at most ${limiter.points} a minute; try again in ${seconds} s`, { "retry-after": String(seconds) }, "RATE_LIMITED");
    }
  };
}
