/**
 * The service's structured log: one JSON line per event on stderr (stdout stays for the start-up
 * line that scripts and tests wait for). Errors go under `err`, with their stack; lines about a
 * request carry its `requestId`, the id the client got in `x-request-id`.
 */
import { pino, type Logger } from "pino";

export type { Logger };

/** How long a debug or info line may wait to be written with the lines after it. */
const LOG_BATCH_MS = 10;
/** pino's level of warnings; lines at it or above are written at once. */
const WARN = pino.levels.values.warn!;
const MAX_PENDING_CHARACTERS = 64 * 1024;

/**
 * Lines go to stderr in batches instead of a write system call each: under load every request's
 * line was a write of its own (first ~9% of a small request's CPU; once per turn of the event loop
 * still ~4%, as a loaded service answers about one request per turn). Debug and info lines wait at
 * most LOG_BATCH_MS (or until 64K characters are pending); a warning or an error is written at once
 * with everything before it, so an error's line is out before its client reads the answer. Lines go
 * through process.stderr (not a raw fd), so what is logged can be captured in-process, in order;
 * what is left is written when the process exits.
 */
function batchedStderr(): { write(line: string): void; flush(): void } {
  let pending: string[] = [];
  let characters = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const text = pending.join("");
    pending = [];
    characters = 0;
    process.stderr.write(text);
  };
  process.on("exit", flush);
  return {
    write(line) {
      pending.push(line);
      characters += line.length;
      if (levelOf(line) >= WARN || characters >= MAX_PENDING_CHARACTERS) flush();
      else if (!timer) timer = setTimeout(flush, LOG_BATCH_MS).unref();
    },
    flush,
  };
}

/** The level pino wrote first in a line (`{"level":30,...`); a line without one counts as urgent. */
function levelOf(line: string): number {
  let level = 0;
  let i = 9; // after {"level":
  for (let c = line.charCodeAt(i); c >= 48 && c <= 57; c = line.charCodeAt(++i)) level = level * 10 + c - 48;
  return line.startsWith('{"level":') && i > 9 ? level : Infinity;
}

const stderr = batchedStderr();
export const logger: Logger = pino({ base: { service: "themegraph" } }, stderr);

/** Writes the lines still waiting, before something else writes to stderr (src/fatal.ts). */
export const flushLog = (): void => stderr.flush();

/** What the request line says (http.ts): one per request answered. */
export interface RequestLine {
  requestId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  /** GraphQL requests only: their operation name (null without one) and statements sent. */
  graphql?: { operationName: string | null; sqlStatements: number };
  traceId?: string;
}

const { chindingsSym, streamSym, messageKeySym } = pino.symbols;
const json = JSON.stringify;

/**
 * `logger.info({...line}, "request")` as pino writes it (the same keys in the same order; the test
 * in tests/log.test.ts holds them equal), built directly: pino's generic serializer, one per
 * request, was ~4% of a small request's CPU. Through pino's own stream, level and bindings
 * (`pino.symbols`, which pino exposes for integrations).
 */
export function logRequest(log: Logger, line: RequestLine): void {
  if (!log.isLevelEnabled("info")) return;
  const internals = log as unknown as Record<symbol, unknown>;
  let text = `{"level":${log.levels.values.info},"time":${Date.now()}${internals[chindingsSym] as string},"requestId":${json(line.requestId)},` +
    `"method":${json(line.method)},"path":${json(line.path)},"status":${line.status},"durationMs":${line.durationMs}`;
  if (line.graphql) text += `,"operationName":${json(line.graphql.operationName)},"sqlStatements":${line.graphql.sqlStatements}`;
  if (line.traceId !== undefined) text += `,"traceId":${json(line.traceId)}`;
  (internals[streamSym] as { write(text: string): void }).write(`${text},"${internals[messageKeySym] as string}":"request"}\n`);
}
