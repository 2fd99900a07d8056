/**
 * The per-request context: made once per request by `buildContext`, never shared between requests
 * (its loaders cache rows for that request only). Tests and scripts build one without HTTP.
 */
import { randomUUID } from "node:crypto";
import { authenticate, type TokenDigest, type Viewer } from "./auth/api-tokens.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { prismaRaw, type RawQueries } from "./db/raw.ts";
import { countedRaw, type StatementCount } from "./db/statement-counter.ts";
import { createClaimLoaders } from "./claims/claims.loaders.ts";
import { createDocumentLoaders } from "./document/document.loaders.ts";
import { createEventLoaders } from "./event/event.loaders.ts";
import { createOrganizationLoaders } from "./organization/organization.loaders.ts";
import { createPersonLoaders } from "./person/person.loaders.ts";
import { createQuoteLoaders } from "./quote/quote.loaders.ts";
import { createThemeLoaders } from "./theme/theme.loaders.ts";
import { Drafts } from "./extract/drafts.ts";
import type { Route } from "./db/routing.ts";

const LOADER_FACTORIES = {
  claims: createClaimLoaders,
  document: createDocumentLoaders,
  event: createEventLoaders,
  organization: createOrganizationLoaders,
  person: createPersonLoaders,
  quote: createQuoteLoaders,
  theme: createThemeLoaders,
};

export type Loaders = { [K in keyof typeof LOADER_FACTORIES]: ReturnType<(typeof LOADER_FACTORIES)[K]> };

/** Each domain's loaders are made on first use: most requests touch two or three domains. */
function createLoaders(raw: RawQueries): Loaders {
  const made: Partial<Loaders> = {};
  const loaders = {} as Loaders;
  for (const key of Object.keys(LOADER_FACTORIES) as (keyof Loaders)[]) {
    Object.defineProperty(loaders, key, {
      enumerable: true,
      get: () => (made[key] ??= LOADER_FACTORIES[key](raw) as never),
    });
  }
  return loaders;
}

export interface Context {
  prisma: PrismaClient;
  /**
   * Raw reads on the driver, for list statements (db/raw.ts), counted into `sql`; Prisma's $queryRaw
   * when not given (then counted only inside mutations, as all Prisma statements are).
   */
  raw: RawQueries;
  loaders: Loaders;
  /** Echoed to the client in `x-request-id` and in logs. */
  requestId: string;
  /** SQL statements this request has sent so far. */
  sql: StatementCount;
  /** Who may write: mutations need an authenticated viewer (graphql/auth.ts). Reads are public. */
  viewer: Viewer;
  /** Drafts annotations in a worker thread (extract/drafts.ts); one per service. */
  drafts: Drafts;
  /** Where the reads go, when there are read replicas (db/routing.ts); `raw` follows it. */
  route?: Route;
  /**
   * The code of the first error the request met (for /metrics), set by graphql/format-error.ts. An
   * object the HTTP layer also holds: Apollo hands plugins a shallow copy of the context.
   */
  firstError: { code?: string };
}

export interface ContextOptions {
  requestId?: string;
  sql?: StatementCount;
  raw?: RawQueries;
  /** The request's `Authorization` header, if any. */
  authorization?: string;
  /** SHA-256 digests of the API tokens that may write (config.apiTokenDigests); none: no one may. */
  apiTokenDigests?: readonly TokenDigest[];
  /** The service's drafting worker; contexts made without one (scripts, tests) share a default. */
  drafts?: Drafts;
  /** The request's route, when `raw` is routed between primary and replicas. */
  route?: Route;
}

let defaultDrafts: Drafts | undefined;

export function buildContext(prisma: PrismaClient, options: ContextOptions = {}): Context {
  const sql = options.sql ?? { statements: 0 };
  const raw = options.raw ? countedRaw(options.raw, sql) : prismaRaw(prisma);
  return {
    prisma,
    raw,
    loaders: createLoaders(raw),
    requestId: options.requestId ?? randomUUID(),
    sql,
    viewer: authenticate(options.authorization, options.apiTokenDigests ?? []),
    drafts: options.drafts ?? (defaultDrafts ??= new Drafts(10_000)),
    route: options.route,
    firstError: {},
  };
}
