/**
 * Prometheus metrics at GET /metrics (prom-client): requests by operation and outcome, their
 * latency, SQL statements per request, the database pool, replica lag, and Node's own (event-loop
 * lag, GC, heap, CPU). Names are listed in the README ("Operations"). Operation names come from
 * clients, so at most MAX_OPERATIONS distinct ones are labelled; the rest count as "(other)".
 */
import type { ServerResponse } from "node:http";
import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import { SeriesCounter, SeriesHistogram } from "./request-series.ts";

const MAX_OPERATIONS = 200;

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface MetricsSources {
  pool?: () => PoolStats | undefined;
  replicas?: () => { location: string; up: boolean; lagMs: number | null }[];
}

export interface RequestRecord {
  /** `graphql`, or the route (`healthz`, `ide`, ...). */
  route: string;
  operation: string | null;
  /** `ok`, a GraphQL error code, or `http_<status>`. */
  outcome: string;
  seconds: number;
  statements?: number;
}

export class Metrics {
  private readonly registry = new Registry();
  private readonly operations = new Set<string>();
  // Observed on every request: kept by a string key (http/request-series.ts), not prom-client's label hashing.
  private readonly requests = new SeriesCounter("themegraph_requests_total", "HTTP requests answered, by route, GraphQL operation name and outcome (ok, the first error's code, or http_<status>).", this.registry);
  private readonly duration = new SeriesHistogram("themegraph_request_duration_seconds", "Time to answer a request, by route and GraphQL operation name.", [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], this.registry);
  private readonly statements = new SeriesHistogram("themegraph_sql_statements_per_request", "SQL statements one GraphQL request sent.", [0, 1, 2, 3, 5, 10, 20, 50], this.registry);

  constructor(sources: MetricsSources) {
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
    new Gauge({
      name: "themegraph_db_pool_connections", help: "PostgreSQL pool connections by state (in_use, idle, waiting: requests queued for one).", labelNames: ["state"], registers: [this.registry],
      collect() {
        const pool = sources.pool?.();
        if (!pool) return;
        this.set({ state: "in_use" }, pool.total - pool.idle);
        this.set({ state: "idle" }, pool.idle);
        this.set({ state: "waiting" }, pool.waiting);
      },
    });
    new Gauge({
      name: "themegraph_replica_lag_seconds", help: "How far each read replica was behind the primary at its last check (-1: it does not answer).", labelNames: ["replica"], registers: [this.registry],
      collect() {
        for (const r of sources.replicas?.() ?? []) this.set({ replica: r.location }, r.up && r.lagMs !== null ? r.lagMs / 1000 : -1);
      },
    });
  }

  record(r: RequestRecord): void {
    let operation = r.operation ?? "(anonymous)";
    if (!this.operations.has(operation)) {
      if (this.operations.size >= MAX_OPERATIONS || operation.length > 100) operation = "(other)";
      else this.operations.add(operation);
    }
    const { route, outcome } = r;
    const key = `${route}\u0000${operation}`;
    this.requests.inc(`${key}\u0000${outcome}`, () => ({ route, operation, outcome }));
    this.duration.observe(key, () => ({ route, operation }), r.seconds);
    if (r.statements !== undefined) this.statements.observe(operation, () => ({ operation }), r.statements);
  }

  async send(res: ServerResponse): Promise<void> {
    const text = await this.registry.metrics();
    res.writeHead(200, { "content-type": this.registry.contentType, "cache-control": "no-store" }).end(text);
  }
}
