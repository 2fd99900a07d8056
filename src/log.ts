/**
 * The service's structured log: one JSON line per event on stderr (stdout stays for the start-up
 * line that scripts and tests wait for). Errors go under `err`, with their stack; lines about a
 * request carry its `requestId`, the id the client got in `x-request-id`.
 */
import { pino, type Logger } from "pino";

export type { Logger };

/** Writes through process.stderr (not a raw fd), so what is logged can be captured in-process. */
export const logger: Logger = pino({ base: { service: "themegraph" } }, process.stderr);
