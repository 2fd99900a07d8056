/** The embedded database lives in its data folder: a restart keeps it and does not seed again. */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { startTestApp, tempDataDir } from "./helpers/app.ts";

test("restarting on the same data folder keeps the data (same ids, no second seed)", async () => {
  const dataDir = await tempDataDir();
  try {
    const first = await startTestApp("pglite", { dataDir });
    assert.equal(first.app.seeded, 1, "a fresh folder is seeded with the bundled document");
    const before = await first.gql(`{ theme(slug: "space") { id } documents { slug } }`);
    await first.close();
    assert.ok(existsSync(path.join(dataDir, "PG_VERSION")), "the database files are in the data folder");

    const second = await startTestApp("pglite", { dataDir });
    try {
      assert.equal(second.app.seeded, 0, "an existing database is not seeded again");
      assert.deepEqual(second.app.db.appliedMigrations, [], "nothing left to migrate");
      const after = await second.gql(`{ theme(slug: "space") { id } documents { slug } }`);
      assert.deepEqual(after.body.data, before.body.data);
    } finally {
      await second.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test("SEED=false starts on an empty graph", async () => {
  const t = await startTestApp("pglite", { env: { SEED: "false" } });
  try {
    const res = await t.gql(`{ themes { nodes { slug } } theme(slug: "space") { id } }`);
    assert.deepEqual(res.body.data, { themes: { nodes: [] }, theme: null });
  } finally {
    await t.close();
  }
});
