/**
 * PostgreSQL mode creates DATABASE_URL's database when it is missing (src/db/create-database.ts), as
 * a user meets it: `npm run db:migrate` (the built CLI) against the machine's server. A name that
 * needs quoting is created as written; a role that may not create databases gets the exact command,
 * which then works; a replica's database is never created; through PgBouncer, which offers no
 * maintenance database, the message says so.
 */
import assert from "node:assert/strict";
import { execFile, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { createDatabaseIfMissing } from "../src/db/create-database.ts";
import { skipWithoutPostgres } from "./helpers/postgres.ts";
import { answers, freePort } from "./helpers/net.ts";
import { waitUntil } from "./helpers/wait.ts";

const adminUrl = process.env.PG_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
/** The CLI beside this compiled test (dist/ or any other build folder). */
const MIGRATE = fileURLToPath(new URL("../src/db/migrate-cli.js", import.meta.url));
const suffix = `${process.pid}_${Date.now() % 1e6}`;
const skip = await skipWithoutPostgres();

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const exists = (name: string) => admin(async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1);
const drop = (name: string) => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`));

/** The server's URL for database `name` as `user` (default: the admin URL's). */
function urlOf(name: string, user?: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  if (user) url.username = encodeURIComponent(user);
  return url.toString();
}

function migrate(env: Record<string, string>) {
  const run = spawnSync(process.execPath, [MIGRATE], { env: { ...process.env, DATABASE_REPLICA_URLS: "", ...env }, encoding: "utf8", timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("PostgreSQL mode creates its missing database", { skip }, () => {
  const created: string[] = [];
  after(async () => {
    for (const name of created) await drop(name);
  });

  test("npm run db:migrate creates a database whose name needs quoting, logs it, then finds it there", async () => {
    const name = `themegraph Create "${suffix}"`;
    created.push(name);
    const first = migrate({ DATABASE_URL: urlOf(name) });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^applied \d+/);
    assert.ok(await exists(name), "the database exists, named exactly as in the URL");
    const logged = first.stderr.split("\n").filter(Boolean).map((line) => JSON.parse(line) as { msg: string; database?: string });
    assert.ok(logged.some((l) => l.database === name && /created database/.test(l.msg)), `a log line says so:\n${first.stderr}`);

    const again = migrate({ DATABASE_URL: urlOf(name) });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /is up to date/);
    assert.doesNotMatch(again.stderr, /created database/);
  });

  test("a role that may not create databases is told the exact command, which works", async () => {
    const role = `tg_nocreate_${suffix}`, name = `themegraph_for_${suffix}`;
    created.push(name);
    await admin((c) => c.query(`CREATE ROLE "${role}" LOGIN NOCREATEDB`));
    try {
      const refused = migrate({ DATABASE_URL: urlOf(name, role) });
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, new RegExp(`^themegraph: database "${name}" does not exist on .+, and role "${role}" may not create it`));
      assert.equal(await exists(name), false);
      const psql = /^ {2}(psql .+)$/m.exec(refused.stderr)?.[1];
      assert.ok(psql, `the message holds a psql command:\n${refused.stderr}`);
      assert.match(psql, new RegExp(`CREATE DATABASE "${name}" OWNER "${role}"`));
      // Run it as printed (through the shell, quoting and all), when psql is installed here.
      if (existsSync("/usr/bin/psql")) {
        await promisify(execFile)("/bin/sh", ["-c", psql]);
        const now = migrate({ DATABASE_URL: urlOf(name, role) });
        assert.equal(now.code, 0, now.stderr);
        assert.match(now.stdout, /^applied /);
      }
    } finally {
      await drop(name);
      await admin((c) => c.query(`DROP ROLE IF EXISTS "${role}"`));
    }
  });

  test("a replica's missing database is never created", async () => {
    const primary = `themegraph_primary_${suffix}`, replica = `themegraph_replica_${suffix}`;
    created.push(primary, replica);
    const run = migrate({ DATABASE_URL: urlOf(primary), DATABASE_REPLICA_URLS: urlOf(replica) });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(await exists(primary));
    assert.equal(await exists(replica), false, "DATABASE_REPLICA_URLS names copies of the primary: nothing is created there");
  });

  test("instances starting at once: one creates it, the others carry on (ten rounds of four)", async () => {
    // PostgreSQL reports the race's losers as 42P04 or as 23505 on pg_database's name index.
    for (let round = 0; round < 10; round++) {
      const name = `themegraph_race_${suffix}_${round}`;
      created.push(name);
      const results = await Promise.allSettled(Array.from({ length: 4 }, () => createDatabaseIfMissing(urlOf(name))));
      assert.deepEqual(results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : [])), [], `round ${round}`);
      assert.equal(results.filter((r) => r.status === "fulfilled" && r.value).length, 1, `round ${round}: exactly one instance created it`);
      assert.ok(await exists(name));
    }
  });
});

const PGBOUNCER = "/usr/sbin/pgbouncer";
const asRoot = process.getuid?.() === 0;

describe("through PgBouncer", { skip: skip || (!existsSync(PGBOUNCER) && "needs pgbouncer (apt-get install pgbouncer)") }, () => {
  let dir = "", port = 0, bouncer: ReturnType<typeof spawn> | undefined;
  const served = `themegraph_pooled_${suffix}`;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "themegraph-pgbouncer-"));
    port = await freePort();
    const server = new URL(adminUrl);
    await writeFile(path.join(dir, "users.txt"), `"${decodeURIComponent(server.username) || "postgres"}" ""\n`);
    // The pooler offers one name, mapped to a database the server does not have; no `postgres`.
    await writeFile(path.join(dir, "pgbouncer.ini"), `[databases]
pooled = host=${server.hostname} port=${server.port || 5432} dbname=${served}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${path.join(dir, "users.txt")}
pool_mode = transaction
ignore_startup_parameters = extra_float_digits,options
`);
    await chmod(dir, 0o755);
    if (asRoot) await promisify(execFile)("chown", ["-R", "postgres:postgres", dir]);
    const ini = path.join(dir, "pgbouncer.ini");
    bouncer = spawn(asRoot ? "runuser" : PGBOUNCER, asRoot ? ["-u", "postgres", "--", PGBOUNCER, ini] : [ini], { stdio: "ignore" });
    // Ready when it accepts connections; an exit (a bad ini) fails at once instead of at the deadline.
    await waitUntil("pgbouncer to accept connections", async () => {
      if (bouncer!.exitCode !== null) throw new Error(`pgbouncer exited with ${bouncer!.exitCode}`);
      return answers(port);
    });
  });
  after(async () => {
    if (bouncer?.pid) {
      // runuser forwards the signal to pgbouncer.
      const gone = new Promise((resolve) => bouncer!.once("exit", resolve));
      bouncer.kill("SIGTERM");
      await gone;
    }
    await drop(served);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("a pooler without a maintenance database: the message says so, with the server's database name", async () => {
    const run = migrate({ DATABASE_URL: `postgresql://${new URL(adminUrl).username || "postgres"}@127.0.0.1:${port}/pooled` });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stderr, new RegExp(`database "${served}" does not exist on 127\\.0\\.0\\.1:${port}, and it could not be created`));
    assert.match(run.stderr, /pooler \(PgBouncer\)/);
    assert.match(run.stderr, new RegExp(`CREATE DATABASE "${served}"`));
    assert.equal(await exists(served), false);
  });
});
