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
 * process, and with tracing off there is no provider at all, and the SDK is not even loaded
 * (tracing-sdk.ts is imported on demand: loading it cost every start ~130 ms).
 */
import type { IncomingMessage } from "node:http";
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import type { RequestTrace } from "./request-trace.ts";

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

/** The tracing of one app, or undefined (tracing off) when no endpoint is configured. */
export async function createTracing(options: TracingOptions): Promise<Tracing | undefined> {
  if (!options.endpoint) return undefined;
  const { startTracing } = await import("./tracing-sdk.ts");
  return startTracing({ ...options, endpoint: options.endpoint }, tracingTestHooks.exporter);
}
