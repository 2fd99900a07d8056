/** Waiting for something observable to happen, bounded: polling with a deadline, never a fixed sleep. */
import { setTimeout as pause } from "node:timers/promises";

/**
 * Calls `check` until it returns something other than undefined/false, and returns that; throws
 * naming `what` when `timeoutMs` passes first. The deadline only catches a hang: how long the
 * condition takes decides nothing.
 */
export async function waitUntil<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (let interval = 5; ; interval = Math.min(interval * 2, 200)) {
    const result = await check();
    if (result !== undefined && result !== false) return result;
    if (performance.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
    await pause(interval);
  }
}
