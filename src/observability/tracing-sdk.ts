/**
 * The OpenTelemetry SDK side of tracing.ts, loaded only when tracing is on: the tracer provider, its
 * exporter, and the server span of each request.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, defaultTextMapGetter, trace } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { httpRoute, isProbeOrScrape } from "../http/routes.ts";
import { RequestTrace } from "./request-trace.ts";
import type { Tracing, TracingOptions } from "./tracing.ts";

const propagator = new W3CTraceContextPropagator();

/** The tracing of one app, to `endpoint` (or the test hook's exporter). */
export function startTracing(options: TracingOptions & { endpoint: string }, exporter: SpanExporter | undefined): Tracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": options.serviceName }),
    spanProcessors: [exporter
      ? new SimpleSpanProcessor(exporter)
      : new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/+$/, "")}/v1/traces` }))],
  });
  const tracer = provider.getTracer("themegraph");
  return {
    startRequest(req, pathname) {
      if (isProbeOrScrape(pathname)) return undefined;
      const route = httpRoute(pathname);
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
