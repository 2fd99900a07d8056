/**
 * The per-request context: made once per request by `buildContext`, never shared between requests
 * (its loaders cache rows for that request only). Tests and scripts build one without HTTP.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "./generated/prisma/client.ts";
import type { StatementCount } from "./db/statement-counter.ts";
import { createDocumentLoaders } from "./document/document.loaders.ts";
import { createEventLoaders } from "./event/event.loaders.ts";
import { createOrganizationLoaders } from "./organization/organization.loaders.ts";
import { createPersonLoaders } from "./person/person.loaders.ts";
import { createQuoteLoaders } from "./quote/quote.loaders.ts";
import { createThemeLoaders } from "./theme/theme.loaders.ts";

function createLoaders(prisma: PrismaClient) {
  return {
    document: createDocumentLoaders(prisma),
    event: createEventLoaders(prisma),
    organization: createOrganizationLoaders(prisma),
    person: createPersonLoaders(prisma),
    quote: createQuoteLoaders(prisma),
    theme: createThemeLoaders(prisma),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  prisma: PrismaClient;
  loaders: Loaders;
  /** Echoed to the client in `x-request-id` and in logs. */
  requestId: string;
  /** SQL statements this request has sent so far. */
  sql: StatementCount;
}

export function buildContext(prisma: PrismaClient, options: { requestId?: string; sql?: StatementCount } = {}): Context {
  return {
    prisma,
    loaders: createLoaders(prisma),
    requestId: options.requestId ?? randomUUID(),
    sql: options.sql ?? { statements: 0 },
  };
}
