/**
 * The migrator: Prisma-compatible history, one transaction per migration, and loud failures when
 * the files and the database disagree.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile, appendFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { PGlite } from "@electric-sql/pglite";
import { MigrationError, migrate, readMigrations } from "../src/db/migrate.ts";
import { openPGlite, pgliteConnection } from "../src/db/pglite.ts";
import { projectRoot } from "../src/paths.ts";
import { runService } from "./helpers/process.ts";
import { createThrowawayDatabase, skipWithoutPostgres } from "./helpers/postgres.ts";
import pg from "pg";

const MIGRATIONS = path.join(projectRoot, "prisma", "migrations");
const INIT = "20261125110000_init";
const ALL = [INIT, "20261125112500_document_published_index", "20261125113500_dates_kinds_mentions", "20261125120000_full_text_search", "20261125130000_search_entries", "20261125140000_theme_timeline", "20261125150000_search_terms", "20261125160000_timeline_bucket_counts_index", "20261205000000_event_theme_date", "20261206000000_claims", "20261206020000_quote_speakers", "20261206030000_search_first_in_one_pass", "20261207000000_document_annotation"];

describe("migrator on PGlite", () => {
  let db: PGlite;
  let dir: string;
  before(async () => {
    ({ pglite: db } = await openPGlite("memory://"));
    dir = await mkdtemp(path.join(os.tmpdir(), "themegraph-migrations-"));
    await cp(MIGRATIONS, dir, { recursive: true });
  });
  after(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  test("records each migration in _prisma_migrations with Prisma's checksum, once", async () => {
    const conn = pgliteConnection(db);
    assert.deepEqual(await migrate(conn, await readMigrations(dir), { lock: false }), ALL);
    assert.deepEqual(await migrate(conn, await readMigrations(dir), { lock: false }), [], "a second run applies nothing");
    const rows = await conn.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const sql = await readFile(path.join(dir, INIT, "migration.sql"));
    assert.deepEqual(rows.map((r) => r.migration_name), ALL);
    assert.equal(rows[0]!.migration_name, INIT);
    assert.equal(rows[0]!.checksum, createHash("sha256").update(sql).digest("hex"));
    assert.ok(rows[0]!.finished_at instanceof Date);
    assert.equal(rows[0]!.applied_steps_count, 1);
  });

  test("a failing migration leaves nothing behind and names itself", async () => {
    const conn = pgliteConnection(db);
    const broken = path.join(dir, "20990101000000_broken");
    await mkdir(broken);
    await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE "HalfDone" (id INT);\nSELECT 1/0;\n`);
    await assert.rejects(migrate(conn, await readMigrations(dir), { lock: false }), (error: Error) => {
      assert.ok(error instanceof MigrationError);
      assert.match(error.message, /^migration 20990101000000_broken failed: division by zero/);
      return true;
    });
    const [table] = await conn.query<{ t: string | null }>(`SELECT to_regclass('"HalfDone"')::text AS t`);
    assert.equal(table!.t, null, "the failed migration's first statement was rolled back");
    const names = await conn.query(`SELECT migration_name FROM "_prisma_migrations"`);
    assert.deepEqual(names.map((r) => r.migration_name).sort(), ALL);
    await rm(broken, { recursive: true });
  });

  test("an applied migration whose file changed is an error naming it", async () => {
    await appendFile(path.join(dir, INIT, "migration.sql"), "\n-- edited after it was applied\n");
    await assert.rejects(migrate(pgliteConnection(db), await readMigrations(dir), { lock: false }), {
      name: "MigrationError",
      message: new RegExp(`^migration ${INIT} was changed after it was applied`),
    });
  });

  test("a migration in the database but not on disk is an error", async () => {
    await assert.rejects(migrate(pgliteConnection(db), [], { lock: false }), {
      message: new RegExp(`^migration ${INIT} is applied to the database but missing from prisma/migrations`),
    });
  });
});

describe("migration drift stops the service", async () => {
  const skip = await skipWithoutPostgres();
  test("start-up fails with one line naming the changed migration", { skip }, async () => {
    const database = await createThrowawayDatabase();
    try {
      const first = await runService("db/migrate-cli.js", { DATABASE_URL: database.url });
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, new RegExp(`applied ${ALL.join(", ")}`));
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query(`UPDATE "_prisma_migrations" SET checksum = repeat('0', 64)`);
      await client.end();
      const { code, stderr } = await runService("main.js", { DATABASE_URL: database.url, PORT: "0" });
      assert.equal(code, 1);
      assert.match(stderr.trim(), new RegExp(`^themegraph: migration ${INIT} was changed after it was applied .*$`));
      assert.equal(stderr.trim().split("\n").length, 1);
    } finally {
      await database.drop();
    }
  });
});
