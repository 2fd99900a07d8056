/**
 * What README.md's Troubleshooting section promises a user who meets a common problem at start:
 * a port in use is one line saying what to do (not a stack), exit 1.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../src/paths.ts";

const MAIN = fileURLToPath(new URL("../src/main.js", import.meta.url));

test("a port in use: one line naming it and what to do, exit 1", async () => {
  const taken = net.createServer();
  await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
  const { port } = taken.address() as net.AddressInfo;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "themegraph-port-"));
  try {
    // spawnSync blocks this process, but the listening socket is the kernel's: the child is refused.
    const run = spawnSync(process.execPath, [MAIN], {
      cwd: projectRoot, encoding: "utf8", timeout: 120_000,
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: path.join(dataDir, "data"), SEED: "false", DATABASE_URL: "" },
    });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.deepEqual(run.stderr.trim().split("\n"), [
      `themegraph: port ${port} on 127.0.0.1 is in use (another themegraph still running?): stop it, or set PORT to another port (PORT=0 picks a free one)`,
    ]);
  } finally {
    taken.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
