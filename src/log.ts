/**
 * The service's structured log: one JSON line per event on stderr (stdout stays for the start-up
 * line that scripts and tests wait for). Errors go under `err`, with their stack; lines about a
 * request carry its `requestId`, the id the client got in `x-request-id`.
 */
import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Lines go to stderr together, once per turn of the event loop, instead of a write system call
 * each: under load every request's line was a write of its own, ~9% of a small request's CPU. They
 * go through process.stderr (not a raw fd), so what is logged can be captured in-process; in order,
 * before the next turn's I/O (a response's error line is out before its client reads the response);
 * and what is left is written when the process exits.
 */
function batchedStderr(): { write(line: string): void } {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const text = pending.join("");
    pending = [];
    process.stderr.write(text);
  };
  process.on("exit", flush);
  return {
    write(line) {
      if (pending.length === 0) setImmediate(flush);
      pending.push(line);
    },
  };
}

export const logger: Logger = pino({ base: { service: "themegraph" } }, batchedStderr());
