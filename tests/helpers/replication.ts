/**
 * A throw-away PostgreSQL primary with one streaming replica, and optionally Debian's PgBouncer in
 * front of the primary, all on this machine: Debian's binaries (/usr/lib/postgresql/<version>/bin),
 * their own ports and data directories under a temp folder, removed by close(). As root, the
 * servers run as the `postgres` user (PostgreSQL and PgBouncer refuse root). Without the binaries
 * tests are skipped, except under CI (CI=true), where that is a failure.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

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

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
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
  /** Runs SQL on the replica as the superuser (e.g. pausing its replay). */
  onReplica(sql: string): Promise<void>;
  /** Transactions committed in the test database on each server (what statements ran where). */
  transactions(): Promise<{ primary: number; replica: number }>;
  /** The postmaster of each server (their backends are its children): for CPU per server. */
  postmasters(): Promise<{ primary: number; replica: number }>;
  close(): Promise<void>;
}

const DATABASE = "themegraph";

export async function startReplicated(options: { pgbouncer?: boolean } = {}): Promise<Replicated> {
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
          await client.query(sql);
        } finally {
          await client.end();
        }
      },
      startReplica: () => ctl(replica, "start", "replica.log").then(() => undefined),
      transactions: async () => {
        // A backend hands its statistics to pg_stat_database when idle, at most once a second.
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const [primary, replica] = await Promise.all([count(primaryPort), count(replicaPort)]);
        return { primary, replica };
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

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => socket.end(() => resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
}
