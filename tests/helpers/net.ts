/** Ports for servers a test starts itself (PostgreSQL, PgBouncer), and knowing when they listen. */
import net from "node:net";
import { waitUntil } from "./wait.ts";

/** A port nothing listens on now (the OS picks it), for a server the test is about to start. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Whether something accepts a TCP connection on 127.0.0.1:`port` now. */
export function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.end(() => resolve(true)));
    socket.on("error", () => resolve(false));
  });
}

/** Returns once something accepts connections on 127.0.0.1:`port`; fails after `timeoutMs`. */
export async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  await waitUntil(`something to listen on port ${port}`, () => answers(port), timeoutMs);
}
