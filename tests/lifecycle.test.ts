/** The service as a process: one owner per data folder, and a clean exit on SIGTERM/SIGINT. */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { tempDataDir } from "./helpers/app.ts";
import { runService, startService } from "./helpers/process.ts";

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`${signal} stops the service cleanly: exit code 0, data folder released`, async () => {
    const dataDir = await tempDataDir();
    try {
      const service = startService("main.js", { DATA_DIR: dataDir, PORT: "0" });
      await service.ready;
      assert.ok(existsSync(path.join(dataDir, "themegraph.lock")));
      service.child.kill(signal);
      const exit = await service.exited;
      assert.deepEqual([exit.code, exit.signal], [0, null], exit.stderr);
      assert.ok(!existsSync(path.join(dataDir, "themegraph.lock")), "the lock is released");
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
}

test("a second process on the same data folder is refused in one line; a stale lock is taken over", async () => {
  const dataDir = await tempDataDir();
  try {
    const first = startService("main.js", { DATA_DIR: dataDir, PORT: "0" });
    await first.ready;
    const second = await runService("main.js", { DATA_DIR: dataDir, PORT: "0" });
    assert.equal(second.code, 1);
    assert.equal(second.stderr.trim(), `themegraph: data folder ${dataDir} is in use by process ${first.child.pid}; stop it or set DATA_DIR to another folder`);
    first.child.kill("SIGKILL");
    await first.exited;
    assert.ok(existsSync(path.join(dataDir, "themegraph.lock")), "a killed process leaves its lock behind");
    const third = startService("main.js", { DATA_DIR: dataDir, PORT: "0" });
    assert.match(await third.ready, /serving/);
    third.child.kill("SIGTERM");
    assert.equal((await third.exited).code, 0);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
