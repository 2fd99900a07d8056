/**
 * A throw-away PostgreSQL primary with one streaming replica, and optionally Debian's PgBouncer in
 * front of the primary, all on this machine: Debian's binaries (/usr/lib/postgresql/<version>/bin),
 * their own ports and data directories under a temp folder, removed by close(). As root, the
 * servers run as the `postgres` user (PostgreSQL and PgBouncer refuse root). Without the binaries
 * tests are skipped, except under CI (CI=true), where that is a failure.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort, waitForPort } from "./net.ts";

const run = promisify(execFile);
const underCi = ["true", "1"].includes(String(process.env.CI).toLowerCase());
const asRoot = process.getuid?.() === 0;
const PGBOUNCER = "/usr/sbin/pgbouncer";

function postgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", "pg_basebackup"))).sort((a, b) => Number(b) - Number(a));
  return versions[0] && path.join(root, versions[0], "bin");
}

/** node:test's `skip`: false, or why (under CI a missing binary is a failure instead). */
export function skipWithoutReplication(needPgBouncer = false): false | string {
  const missing = !postgresBin() ? "PostgreSQL's server binaries (apt-get install postgresql)" : needPgBouncer && !existsSync(PGBOUNCER) ? "PgBouncer (apt-get install pgbouncer)" : undefined;
  if (!missing) return false;
  if (underCi) throw new Error(`${missing} are required under CI`);
  return `needs ${missing}`;
}

/** Runs a server binary, as `postgres` when we are root. */
const asPostgres = (command: string, args: string[]) => (asRoot ? run("runuser", ["-u", "postgres", "--", command, ...args]) : run(command, args));

export interface Replicated {
  primaryUrl: string;
  replicaUrl: string;
  /** PgBouncer in transaction mode before the primary, when asked for. */
  bouncerUrl?: string;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  /** Runs SQL on the replica as the superuser (e.g. pausing its replay); returns its rows. */
  onReplica(sql: string): Promise<Record<string, unknown>[]>;
  /**
   * Transactions committed in the test database on each server, as pg_stat_database has them: a
   * backend hands its counts on when idle, but up to 10 s later when it did so less than 1 s before,
   * so recent transactions may be missing. For exact counts, start with `logStatements` and use
   * `statements()`.
   */
  transactions(): Promise<{ primary: number; replica: number }>;
  /**
   * Statements the test database received on each server so far whose text `which` accepts (all by
   * default), read from the servers' logs (needs `logStatements`). A server logs a statement before
   * it runs it, so one that has been answered is counted: exact at once, nothing to wait for.
   */
  statements(which?: (text: string) => boolean): Promise<{ primary: number; replica: number }>;
  /** The postmaster of each server (their backends are its children): for CPU per server. */
  postmasters(): Promise<{ primary: number; replica: number }>;
  close(): Promise<void>;
}

const DATABASE = "themegraph";

/**
 * Starts the primary and its replica (and PgBouncer with `pgbouncer`). `logStatements` makes both
 * servers log every statement (log_statement = all) for `statements()`; it costs them CPU, so a
 * benchmark leaves it off.
 */
export async function startReplicated(options: { pgbouncer?: boolean; logStatements?: boolean } = {}): Promise<Replicated> {
  const bin = postgresBin()!;
  const dir = await mkdtemp(path.join(os.tmpdir(), "themegraph-replication-"));
  if (asRoot) await run("chown", ["postgres:postgres", dir]);
  await chmod(dir, 0o700);
  const primary = path.join(dir, "primary"), replica = path.join(dir, "replica");
  const [primaryPort, replicaPort, bouncerPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const ctl = (data: string, action: "start" | "stop", log: string) =>
    asPostgres(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(dir, log), "-w", "-t", "30", ...(action === "stop" ? ["-m", "fast"] : []), action]);
  let bouncer: ChildProcess | undefined;
  try {
    await asPostgres(path.join(bin, "initdb"), ["-D", primary, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
    // Durability is not under test: fsync off makes the throw-away cluster start and write fast.
    await asPostgres("sh", ["-c", `cat >> ${primary}/postgresql.conf <<'EOF'
port = ${primaryPort}
listen_addresses = '127.0.0.1'
unix_socket_directories = '${dir}'
wal_level = replica
max_wal_senders = 4
hot_standby = on
fsync = off
${options.logStatements ? "log_statement = 'all'\nlog_line_prefix = '%d|'" : ""}
EOF`]);
    await ctl(primary, "start", "primary.log");
    await asPostgres(path.join(bin, "pg_basebackup"), ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", replica, "-R", "-X", "stream", "--no-sync"]);
    await asPostgres("sh", ["-c", `echo "port = ${replicaPort}" >> ${replica}/postgresql.conf`]);
    await ctl(replica, "start", "replica.log");
    const url = (port: number, database = DATABASE) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
    const admin = new pg.Client({ connectionString: url(primaryPort, "postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();

    if (options.pgbouncer) {
      const ini = path.join(dir, "pgbouncer.ini"), users = path.join(dir, "userlist.txt");
      await writeFile(users, `"postgres" ""\n`);
      await writeFile(ini, `[databases]
${DATABASE} = host=127.0.0.1 port=${primaryPort} dbname=${DATABASE}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${bouncerPort}
unix_socket_dir =
auth_type = trust
auth_file = ${users}
pool_mode = transaction
max_client_conn = 200
default_pool_size = 10
ignore_startup_parameters = extra_float_digits,options
`);
      if (asRoot) await run("chown", ["postgres:postgres", ini, users]);
      bouncer = spawn(asRoot ? "runuser" : PGBOUNCER, asRoot ? ["-u", "postgres", "--", PGBOUNCER, ini] : [ini], { stdio: "ignore" });
      await waitForPort(bouncerPort);
    }
    const count = async (port: number) => {
      const client = new pg.Client({ connectionString: url(port, "postgres") });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT xact_commit::int AS n FROM pg_stat_database WHERE datname = $1`, [DATABASE]);
        return rows[0]?.n ?? 0;
      } finally {
        await client.end();
      }
    };
    return {
      primaryUrl: url(primaryPort),
      replicaUrl: url(replicaPort),
      bouncerUrl: options.pgbouncer ? url(bouncerPort) : undefined,
      stopReplica: () => ctl(replica, "stop", "replica.log").then(() => undefined),
      onReplica: async (sql) => {
        const client = new pg.Client({ connectionString: url(replicaPort, "postgres") });
        await client.connect();
        try {
          return (await client.query(sql)).rows;
        } finally {
          await client.end();
        }
      },
      startReplica: () => ctl(replica, "start", "replica.log").then(() => undefined),
      transactions: async () => {
        const [primary, replica] = await Promise.all([count(primaryPort), count(replicaPort)]);
        return { primary, replica };
      },
      statements: async (which = () => true) => {
        if (!options.logStatements) throw new Error("statements() needs startReplicated({ logStatements: true })");
        const [primary, replica] = await Promise.all(["primary.log", "replica.log"].map(async (log) => loggedStatements(await readFile(path.join(dir, log), "utf8")).filter(which).length));
        return { primary: primary!, replica: replica! };
      },
      postmasters: async () => {
        const pid = async (data: string) => Number((await run("head", ["-n", "1", path.join(data, "postmaster.pid")])).stdout.trim());
        return { primary: await pid(primary), replica: await pid(replica) };
      },
      close: async () => {
        bouncer?.kill();
        await ctl(replica, "stop", "replica.log").catch(() => undefined);
        await ctl(primary, "stop", "primary.log").catch(() => undefined);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    bouncer?.kill();
    await ctl(replica, "stop", "replica.log").catch(() => undefined);
    await ctl(primary, "stop", "primary.log").catch(() => undefined);
    const log = await run("sh", ["-c", `tail -n 20 ${dir}/*.log 2>/dev/null || true`]).then((r) => r.stdout, () => "");
    await rm(dir, { recursive: true, force: true });
    throw new Error(`could not set up a primary and a replica: ${(error as Error).message}\n${log}`);
  }
}

/**
 * The statements of the test database in a server log written with log_line_prefix '%d|': each entry
 * starts with `<database>|<LEVEL>:  `, and a statement's further lines follow it unprefixed.
 */
function loggedStatements(log: string): string[] {
  const statements: string[] = [];
  let inStatement = false;
  for (const line of log.split("\n")) {
    const entry = /^(\w*)\|([A-Z]+):  (.*)$/.exec(line);
    if (!entry) {
      if (inStatement) statements[statements.length - 1] += `\n${line}`;
      continue;
    }
    const statement = entry[1] === DATABASE && entry[2] === "LOG" ? /^(?:statement|execute [^:]*): (.*)$/.exec(entry[3]!) : null;
    inStatement = Boolean(statement);
    if (statement) statements.push(statement[1]!);
  }
  return statements;
}
