/**
 * The composition root: builds the schema, opens (and migrates, and seeds) the database, and
 * serves GraphQL over HTTP. `startApp` is what main.ts, the tests and the benchmarks start.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import type { Config } from "./config.ts";
import { buildContext, type Context } from "./context.ts";
import { openDatabase, type Database } from "./db/database.ts";
import { createErrorHandling } from "./graphql/format-error.ts";
import { queryLimits } from "./graphql/limits.ts";
import { createRequestListener } from "./http.ts";
import { createIde } from "./ide/static.ts";
import { Drafts } from "./extract/drafts.ts";
import { seedIfEmpty } from "./ingest/seed.ts";
import { Replays } from "./read/replays.ts";
import { readYourWrites } from "./graphql/read-your-writes.ts";
import { createRateLimiter } from "./http/rate-limit.ts";
import { Metrics } from "./http/metrics.ts";
import { countedRaw } from "./db/statement-counter.ts";
import { logger } from "./log.ts";
import { projectRoot } from "./paths.ts";
import { readGateway, stringifyResult } from "./read/execute.ts";
import { catalogue } from "./read/index.ts";
import { buildAppSchema } from "./schema.ts";
import { createTracing } from "./observability/tracing.ts";
import { graphqlSpans } from "./observability/graphql-spans.ts";

export interface App {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  port: number;
  db: Database;
  /** Documents loaded by this start's seeding (0 when the database already had some). */
  seeded: number;
  stop(): Promise<void>;
}


function listen(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** How long, at shutdown, a request already on the wire may still arrive (it is answered, and its connection closed). */
const DRAIN_GRACE_MS = 150;

export async function startApp(config: Config): Promise<App> {
  logger.level = config.logLevel;
  const [schema, db] = await Promise.all([buildAppSchema(), openDatabase({ ...config, projectRoot })]);
  try {
    const seeded = config.seed ? await seedIfEmpty(db.prisma, config.corpus) : 0;
    // Internal errors masked (unless DETAILED_ERRORS) and logged with the request id; query limits
    // refuse hostile documents before they execute (graphql/limits.ts, QUERY_MAX_* variables).
    const errors = createErrorHandling({ detailed: config.detailedErrors, suggestions: config.introspection, logger });
    const limits = queryLimits(config.limits);
    const drafts = new Drafts(config.extractTimeoutMs);
    const replays = new Replays();
    // Off (undefined: no provider, no plugin, no per-request work) unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
    const tracing = await createTracing(config.tracing);
    const apollo = new ApolloServer<Context>({
      // Queries the planner takes are one statement whose JSON PostgreSQL writes; the rest run
      // their resolvers, compiled by graphql-jit unless GRAPHQL_JIT=false (read/execute.ts).
      gateway: readGateway({ schema, catalogue, jit: config.jit, planner: config.planner, logger, replays }),
      formatError: errors.formatError,
      includeStacktraceInErrorResponses: false,
      introspection: config.introspection,
      parseOptions: limits.parseOptions,
      validationRules: limits.validationRules,
      // main.ts owns shutdown: Apollo's own handler would re-raise the signal and kill the process mid-close.
      stopOnTerminationSignals: false,
      // Apollo's default landing page loads Sandbox from a CDN, which does not work offline: the
      // HTTP layer serves the bundled GraphiQL instead (src/ide/).
      // Cache-control hints and inline traces are unused here, and either makes Apollo wrap every
      // field's resolver (measured: ~3% of a deep query's CPU).
      plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled(),
        // The write's log position only matters, and only costs a statement, with replicas.
        errors.plugin, ...limits.plugins, ...(db.replicas ? [readYourWrites] : []), ...(tracing ? [graphqlSpans] : [])],
      // Compact JSON: Apollo's default pretty-printing costs CPU and bytes on every response; items
      // PostgreSQL wrote (read/execute.ts) go in as they came.
      stringifyResult,
      // APQ: a client sends an operation's SHA-256 hash, and the full text only the first time.
      // No expiry: the bounded in-memory cache evicts the least recently used ones.
      persistedQueries: config.persistedQueries ? { ttl: null } : false,
    });
    await apollo.start();
    const listener = createRequestListener({
      apollo,
      rateLimit: createRateLimiter(config.rateLimits, config.apiTokenDigests),
      metrics: config.metrics ? new Metrics({ pool: db.poolStats, replicas: () => db.replicas?.states() ?? [] }) : undefined,
      bodyLimit: config.bodyLimit,
      cacheMaxAge: config.cacheMaxAge,
      maxResponseBytes: config.maxResponseBytes,
      parseOptions: limits.parseOptions,
      corsOrigins: config.corsOrigins,
      tracing,
      readiness: db.readiness,
      logger,
      ide: config.ide ? createIde(path.join(projectRoot, "dist", "ide")) : undefined,
      // Without replicas `routed` is the primary's raw, and a context has no route.
      replay: (key, sql, after) => replays.answer(key, () => countedRaw(db.routed({ primary: false, after }), sql)),
      buildContext: (requestId, sql, request) => {
        const route = db.replicas ? { primary: false, after: request.afterLsn } : undefined;
        return buildContext(db.prisma, { requestId, sql, raw: route ? db.routed(route) : db.raw, route, authorization: request.authorization, apiTokenDigests: config.apiTokenDigests, drafts });
      },
    });
    const server = createServer({ ServerResponse: listener.ServerResponse }, listener);
    const port = await listen(server, config.port, config.host);
    return {
      url: `http://localhost:${port}/graphql`,
      port,
      db,
      seeded,
      stop: async () => {
        // Stop accepting. Answers from now on close their keep-alive connection (a client that keeps
        // one busy would otherwise be served until the deadline). Idle connections close after a
        // moment's grace: closed at once, as server.close() would do them (Node >= 19), one whose next
        // request is already on the wire would be reset instead of answered.
        listener.drain();
        const closeIdle = server.closeIdleConnections.bind(server);
        server.closeIdleConnections = () => undefined;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections = closeIdle;
        const idle = setTimeout(closeIdle, DRAIN_GRACE_MS);
        // Requests in flight finish (bounded), then the database closes.
        const deadline = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
        await closed;
        clearTimeout(idle);
        clearTimeout(deadline);
        await apollo.stop();
        await drafts.stop();
        await db.close();
        await tracing?.shutdown();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
