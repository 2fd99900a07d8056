/**
 * The per-request metrics (requests, their latency, their SQL statements) as series kept by one
 * string key and rendered by prom-client's registry when scraped. prom-client's own Counter and
 * Histogram check, copy and hash the label object on every observation: three of them per request
 * were ~4% of a small request's CPU. Here a request costs a map lookup and a few additions; the
 * registry formats what `get()` returns exactly as it formats its own metrics.
 */
import type { Registry } from "prom-client";

type Labels = Record<string, string>;

interface Series {
  labels: Labels;
  count: number;
  sum: number;
  /** Observations per bucket (not cumulative), in the order of `bounds`; the last is +Inf's. */
  buckets: number[];
}

/** What prom-client's registry reads from a metric (its `get()`). */
interface MetricValue {
  metricName?: string;
  labels: Record<string, string | number>;
  value: number;
}

abstract class SeriesMetric {
  protected readonly series = new Map<string, Series>();
  abstract readonly type: "counter" | "histogram";
  readonly aggregator = "sum";

  constructor(readonly name: string, readonly help: string, registry: Registry) {
    registry.registerMetric(this as never);
  }

  /** The series of `key`, made with `labels()` the first time (the labels are only built then). */
  protected at(key: string, labels: () => Labels, buckets: number): Series {
    let series = this.series.get(key);
    if (!series) this.series.set(key, (series = { labels: labels(), count: 0, sum: 0, buckets: new Array<number>(buckets).fill(0) }));
    return series;
  }

  reset(): void {
    this.series.clear();
  }

  protected abstract values(): MetricValue[];

  get() {
    return { name: this.name, help: this.help, type: this.type, values: this.values(), aggregator: this.aggregator };
  }
}

export class SeriesCounter extends SeriesMetric {
  readonly type = "counter";

  inc(key: string, labels: () => Labels): void {
    this.at(key, labels, 0).count++;
  }

  protected values(): MetricValue[] {
    return [...this.series.values()].map((s) => ({ labels: s.labels, value: s.count }));
  }
}

export class SeriesHistogram extends SeriesMetric {
  readonly type = "histogram";

  constructor(name: string, help: string, private readonly bounds: readonly number[], registry: Registry) {
    super(name, help, registry);
  }

  observe(key: string, labels: () => Labels, value: number): void {
    const series = this.at(key, labels, this.bounds.length + 1);
    let bucket = 0;
    while (bucket < this.bounds.length && value > this.bounds[bucket]!) bucket++;
    series.buckets[bucket]!++;
    series.count++;
    series.sum += value;
  }

  /** As prom-client writes a histogram: cumulative `_bucket`s with `le` first, +Inf, `_sum`, `_count`. */
  protected values(): MetricValue[] {
    const out: MetricValue[] = [];
    for (const s of this.series.values()) {
      let cumulative = 0;
      this.bounds.forEach((le, i) => {
        cumulative += s.buckets[i]!;
        out.push({ metricName: `${this.name}_bucket`, labels: { le, ...s.labels }, value: cumulative });
      });
      out.push({ metricName: `${this.name}_bucket`, labels: { le: "+Inf", ...s.labels }, value: s.count });
      out.push({ metricName: `${this.name}_sum`, labels: s.labels, value: s.sum });
      out.push({ metricName: `${this.name}_count`, labels: s.labels, value: s.count });
    }
    return out;
  }
}
