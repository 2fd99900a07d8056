/**
 * SIGTERM with keep-alive clients: the service stops accepting, answers what it has with
 * `Connection: close` (a client that keeps its connection busy is not served on until the deadline),
 * closes idle connections at once, and exits promptly; idle, within a second.
 */
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import http from "node:http";
import { test } from "node:test";
import { tempDataDir } from "./helpers/app.ts";
import { startService } from "./helpers/process.ts";
import { waitUntil } from "./helpers/wait.ts";

interface Answer {
  at: number;
  connection: string | undefined;
}

/** One POST on a keep-alive agent. */
function ask(agent: http.Agent, port: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host: "127.0.0.1", port, path: "/graphql", method: "POST", headers: { "content-type": "application/json" } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ at: performance.now(), connection: res.headers.connection }));
    });
    req.on("error", reject);
    req.end(JSON.stringify({ query: `{ themes(first: 3) { nodes { slug } } }` }));
  });
}

async function service() {
  const dataDir = await tempDataDir();
  const running = startService("main.js", { DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", SHUTDOWN_TIMEOUT_MS: "10000", LOG_LEVEL: "warn" });
  const port = Number(/:(\d+)\/graphql/.exec(await running.ready)![1]);
  return { running, port, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
}

test("busy keep-alive connections are closed by the answers after SIGTERM; the process exits promptly", { timeout: 60_000 }, async () => {
  const { running, port, cleanup } = await service();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  try {
    let stop = false;
    const answers: Answer[] = [];
    const errors: string[] = [];
    // Four clients, each sending its next request on its kept-alive connection as soon as it can.
    const clients = Array.from({ length: 4 }, async () => {
      while (!stop) {
        try {
          answers.push(await ask(agent, port));
        } catch (error) {
          errors.push((error as Error).message);
          return; // refused once the server is gone: that client is done
        }
      }
    });
    await waitUntil("the clients to be busy", () => answers.length > 10);
    const signalled = performance.now();
    running.child.kill("SIGTERM");
    const exit = await running.exited;
    const exitedAfter = performance.now() - signalled;
    stop = true;
    await Promise.all(clients);
    assert.equal(exit.code, 0, exit.stderr);
    // The signal reaches the service a moment after it is sent: answers already on their way keep
    // their connection; from the first that closes it, all do, and no client is served on.
    const after = answers.filter((a) => a.at > signalled).sort((a, b) => a.at - b.at);
    const firstClose = after.findIndex((a) => a.connection === "close");
    assert.ok(firstClose >= 0, `answers during the drain say Connection: close: ${JSON.stringify(after)} (${answers.length} in all, errors ${JSON.stringify(errors.slice(0, 3))})`);
    assert.ok(after.slice(firstClose).every((a) => a.connection === "close"), JSON.stringify(after));
    assert.ok(after.length <= 24, `the clients were not served on until the deadline (${after.length} answers after SIGTERM)`);
    assert.ok(exitedAfter < 3000, `exited ${Math.round(exitedAfter)} ms after SIGTERM (the deadline is 10 s)`);
  } finally {
    agent.destroy();
    running.child.kill("SIGKILL");
    await cleanup();
  }
});

test("an idle keep-alive connection does not hold the exit: within a second of SIGTERM", { timeout: 60_000 }, async () => {
  const { running, port, cleanup } = await service();
  const agent = new http.Agent({ keepAlive: true });
  try {
    await ask(agent, port);
    const signalled = performance.now();
    running.child.kill("SIGTERM");
    const exit = await running.exited;
    const took = performance.now() - signalled;
    assert.equal(exit.code, 0, exit.stderr);
    assert.ok(took < 1000, `exited ${Math.round(took)} ms after SIGTERM`);
  } finally {
    agent.destroy();
    running.child.kill("SIGKILL");
    await cleanup();
  }
});
