/**
 * OpenTelemetry tracing, on only when OTEL_EXPORTER_OTLP_ENDPOINT is set: a server span per HTTP
 * request (continuing the caller's trace from a W3C `traceparent` header), spans for GraphQL's
 * parse, validate and execute (graphql-spans.ts), and a client span per SQL statement under them
 * (request-trace.ts), exported over OTLP/HTTP in batches.
 *
 * Spans of our own rather than OpenTelemetry's auto-instrumentations: those patch modules through
 * require/ESM loader hooks (fragile for an ESM service), know nothing of PGlite, and need the
 * AsyncLocalStorage context manager. Nothing here is registered globally (no global tracer provider,
 * propagator or context manager): each started app owns its provider, so several can run in one
 * process, and with tracing off there is no provider at all.
 */
import type { IncomingMessage } from "node:http";
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, defaultTextMapGetter, trace } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { RequestTrace } from "./request-trace.ts";

export interface TracingOptions {
  /** OTEL_EXPORTER_OTLP_ENDPOINT: the collector's base URL; traces go to `<endpoint>/v1/traces`. */
  endpoint?: string;
  /** OTEL_SERVICE_NAME: `service.name` of every span. */
  serviceName: string;
}

/**
 * Test hook: when set, spans go to this exporter (as each ends) instead of OTLP. Tracing is still
 * on only when the endpoint is configured, so a test can also show that nothing is recorded without it.
 */
export const tracingTestHooks: { exporter?: SpanExporter } = {};

export interface Tracing {
  /**
   * Starts the request's server span, which the HTTP layer ends (`endRequest`) when the response is
   * done; undefined for probes and metrics scrapes (every few seconds each, they would bury the traces).
   */
  startRequest(req: IncomingMessage, pathname: string): RequestTrace | undefined;
  endRequest(trace: RequestTrace, status: number, statements: number | undefined): void;
  /** Exports what is left and stops. */
  shutdown(): Promise<void>;
}

const propagator = new W3CTraceContextPropagator();

/** Paths that are routes of their own (anything else is named by its method alone: no unbounded span names). */
const ROUTES = new Set(["/graphql", "/", "/curate", "/curate/", "/playground"]);
/** Probes and metrics scrapes: not traced. */
const UNTRACED = new Set(["/healthz", "/readyz", "/metrics"]);
const routeOf = (pathname: string) => (ROUTES.has(pathname) ? pathname : pathname.startsWith("/ide/") ? "/ide/*" : undefined);

/** The tracing of one app, or undefined (tracing off) when no endpoint is configured. */
export function createTracing(options: TracingOptions): Tracing | undefined {
  if (!options.endpoint) return undefined;
  const exporter = tracingTestHooks.exporter;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": options.serviceName }),
    spanProcessors: [exporter
      ? new SimpleSpanProcessor(exporter)
      : new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/+$/, "")}/v1/traces` }))],
  });
  const tracer = provider.getTracer("themegraph");
  return {
    startRequest(req, pathname) {
      if (UNTRACED.has(pathname)) return undefined;
      const route = routeOf(pathname);
      const parent = propagator.extract(ROOT_CONTEXT, req.headers, defaultTextMapGetter);
      const method = req.method ?? "GET";
      const span = tracer.startSpan(route ? `${method} ${route}` : method, {
        kind: SpanKind.SERVER,
        attributes: {
          "http.request.method": method,
          "url.path": pathname,
          "url.scheme": "http",
          ...(route && { "http.route": route }),
          ...(req.headers["user-agent"] && { "user_agent.original": req.headers["user-agent"] }),
        },
      }, parent);
      return new RequestTrace(tracer, span, trace.setSpan(parent, span));
    },
    endRequest(requestTrace, status, statements) {
      const { span } = requestTrace;
      span.setAttribute("http.response.status_code", status);
      if (statements !== undefined) span.setAttribute("themegraph.sql_statements", statements);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
    shutdown: () => provider.shutdown(),
  };
}
