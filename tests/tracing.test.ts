/**
 * OpenTelemetry tracing (src/observability/): with OTEL_EXPORTER_OTLP_ENDPOINT set, one request is one
 * trace continuing the caller's `traceparent`: the HTTP server span, GraphQL's parse/validate/execute
 * under it, and under the execution one client span per SQL statement (as many as x-sql-statements
 * says, for the planner's raw reads and for a mutation's Prisma statements); probes are not traced.
 * Without the variable, nothing is recorded. The spans are the real SDK's, caught by its in-memory
 * exporter (the test hook replaces the OTLP exporter only); they are read once the app has stopped,
 * when every span has ended.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import { SpanKind } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { ConfigError, loadConfig } from "../src/config.ts";
import { tracingTestHooks } from "../src/observability/tracing.ts";
import { startTestApp, type Backend } from "./helpers/app.ts";
import { skipWithoutPostgres } from "./helpers/postgres.ts";
import { send, writeToken } from "./helpers/writes.ts";

/** The SDK's in-memory exporter, keeping its spans through the shutdown of the provider (app.stop). */
class KeptSpans extends InMemorySpanExporter {
  override shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

const QUERY = `query ThemeEventsQuotes($slug: String!) {
  theme(slug: $slug) { name events(first: 3) { nodes { title quotes(first: 2) { nodes { text speaker { name } } } } } }
}`;
const CREATE = `mutation CreateTheme($input: CreateThemeInput!) { createTheme(input: $input) { slug name } }`;

/** A W3C traceparent: version 00, a fresh trace id and parent span id, sampled. */
function traceparent(): { header: string; traceId: string; parentId: string } {
  const traceId = randomBytes(16).toString("hex"), parentId = randomBytes(8).toString("hex");
  return { header: `00-${traceId}-${parentId}-01`, traceId, parentId };
}

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan) => span.spanContext().spanId;

/**
 * Checks one request's trace and returns its SQL spans: one server span whose parent is the
 * caller's, the operation's execute span under it, and every SQL span under that one.
 */
function checkTrace(spans: ReadableSpan[], sent: ReturnType<typeof traceparent>, operation: string, statements: number): ReadableSpan[] {
  const mine = spans.filter((s) => s.spanContext().traceId === sent.traceId);
  const servers = mine.filter((s) => s.kind === SpanKind.SERVER);
  assert.equal(servers.length, 1, `one server span in trace ${sent.traceId}: ${mine.map((s) => s.name).join(", ")}`);
  const server = servers[0]!;
  assert.equal(server.name, "POST /graphql");
  assert.equal(parentOf(server), sent.parentId, "the server span continues the caller's traceparent");
  assert.equal(server.attributes["http.response.status_code"], 200);
  assert.equal(server.attributes["themegraph.sql_statements"], statements);
  assert.equal(server.resource.attributes["service.name"], "themegraph-traced");

  const executes = mine.filter((s) => s.name === operation);
  assert.equal(executes.length, 1, `one "${operation}" span: ${mine.map((s) => s.name).join(", ")}`);
  const execute = executes[0]!;
  assert.equal(parentOf(execute), idOf(server));
  assert.equal(execute.attributes["graphql.operation.type"], operation.split(" ")[0]);
  for (const phase of ["graphql.parse", "graphql.validate"]) {
    assert.deepEqual(mine.filter((s) => s.name === phase).map(parentOf), [idOf(server)], `${phase} under the server span`);
  }

  const sql = mine.filter((s) => s.kind === SpanKind.CLIENT);
  assert.ok(statements > 0, "the request sent SQL");
  assert.equal(sql.length, statements, "one span per statement x-sql-statements counted");
  for (const span of sql) {
    assert.equal(parentOf(span), idOf(execute), `${span.name} under the execution`);
    assert.equal(span.attributes["db.system.name"], "postgresql");
    const text = span.attributes["db.query.text"];
    assert.ok(typeof text === "string" && text.length > 0, "statement text present");
    assert.equal(span.name, /^\s*(\w+)/.exec(text)![1]!.toUpperCase());
  }
  // Every span of the trace is one of these: nothing outside the tree.
  assert.equal(mine.length, 1 + 3 + sql.length, mine.map((s) => s.name).join(", "));
  return sql;
}

for (const backend of ["pglite", "postgresql"] as Backend[]) {
  describe(`tracing on ${backend}`, async () => {
    const skip = backend === "postgresql" ? await skipWithoutPostgres() : false;

    test("a query and a mutation: HTTP -> GraphQL execute -> one span per SQL statement, in the caller's trace", { skip }, async () => {
      const exporter = new KeptSpans();
      tracingTestHooks.exporter = exporter;
      const token = writeToken();
      const t = await startTestApp(backend, {
        // Not contacted: the test hook's exporter takes the spans; the variable turns tracing on.
        env: { OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:9", OTEL_SERVICE_NAME: "themegraph-traced", ...token.env },
      });
      const read = traceparent(), write = traceparent();
      let readStatements: number, writeStatements: number;
      try {
        const r = await send(t.app.url, QUERY, { slug: "space" }, { traceparent: read.header });
        assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
        assert.ok(r.body.data.theme.events.nodes.length > 0);
        readStatements = r.statements;
        const w = await send(t.app.url, CREATE, { input: { slug: "traced", name: "Traced" } }, { traceparent: write.header, ...token.bearer });
        assert.equal(w.body.errors, undefined, JSON.stringify(w.body.errors));
        writeStatements = w.statements;
        assert.equal((await fetch(new URL("/healthz", t.app.url))).status, 200);
      } finally {
        await t.close();
        tracingTestHooks.exporter = undefined;
      }
      const spans = exporter.getFinishedSpans();
      const reads = checkTrace(spans, read, "query ThemeEventsQuotes", readStatements);
      // The planner's statement binds the slug: its value is not in the text.
      assert.ok(reads.every((s) => !String(s.attributes["db.query.text"]).includes("'space'")));
      assert.ok(reads.every((s) => typeof s.attributes["db.response.returned_rows"] === "number"));
      const writes = checkTrace(spans, write, "mutation CreateTheme", writeStatements);
      assert.ok(writes.some((s) => s.name === "INSERT"), `the mutation's INSERT: ${writes.map((s) => s.name).join(", ")}`);
      // Probes are not traced: the two requests' spans are all there is.
      assert.equal(spans.length, 1 + 3 + readStatements + 1 + 3 + writeStatements, spans.map((s) => s.name).join(", "));
    });

    test("without OTEL_EXPORTER_OTLP_ENDPOINT nothing is recorded", { skip }, async () => {
      const exporter = new KeptSpans();
      tracingTestHooks.exporter = exporter;
      const t = await startTestApp(backend);
      try {
        const r = await send(t.app.url, QUERY, { slug: "space" }, { traceparent: traceparent().header });
        assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
        assert.ok(r.statements > 0);
      } finally {
        await t.close();
        tracingTestHooks.exporter = undefined;
      }
      assert.deepEqual(exporter.getFinishedSpans().map((s) => s.name), []);
    });
  });
}

test("a bad OTEL_EXPORTER_OTLP_ENDPOINT stops the start, naming the variable; OTEL_SERVICE_NAME defaults to themegraph", () => {
  for (const bad of ["localhost:4318", "not a url", "grpc://collector:4317"]) {
    assert.throws(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: bad }), (e: Error) => e instanceof ConfigError && e.message.startsWith("OTEL_EXPORTER_OTLP_ENDPOINT "), bad);
  }
  assert.deepEqual(loadConfig({}).tracing, { endpoint: undefined, serviceName: "themegraph" });
  assert.deepEqual(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "https://otel.example:4318/", OTEL_SERVICE_NAME: "tg-eu" }).tracing, { endpoint: "https://otel.example:4318/", serviceName: "tg-eu" });
});
