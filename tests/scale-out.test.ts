/**
 * Beyond one machine, on this machine: a throw-away PostgreSQL primary with a streaming replica
 * (tests/helpers/replication.ts), Debian's PgBouncer in transaction mode before the primary, and two
 * service processes with DATABASE_REPLICA_URLS. Reads land on the replica (counted by each server's
 * own statistics), a client reads its own write at once through the other instance, a persisted
 * query is derivable on an instance that never saw it, the replica
 * stopped mid-load costs no failed read and comes back, and an instance killed mid-load leaves the
 * other answering.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { startReplicated, skipWithoutReplication, type Replicated } from "./helpers/replication.ts";
import { startService, type RunningService } from "./helpers/process.ts";
import { SEED_ONLY } from "./helpers/app.ts";
import { writeToken } from "./helpers/writes.ts";

const skip = skipWithoutReplication(true);
const token = writeToken();
let cluster: Replicated;
const instances: { service: RunningService; url: string }[] = [];

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as { data?: any; errors?: { message: string }[] } };
}

async function readyz(url: string): Promise<any> {
  return (await fetch(url.replace(/\/graphql$/, "/readyz"))).json();
}

/** Reads from both instances with `workers` in parallel until `stop` says so; counts what failed. */
async function load(urls: string[], until: () => boolean, workers = 4): Promise<{ ok: number; failed: string[] }> {
  const outcome = { ok: 0, failed: [] as string[] };
  await Promise.all(Array.from({ length: workers }, async (_, w) => {
    for (let i = 0; !until(); i++) {
      try {
        const res = await gql(urls[(w + i) % urls.length]!, `query($n: Int!) { theme(slug: "space") { name events(first: $n) { nodes { slug } } } }`, { n: 1 + (i % 5) });
        if (res.body.errors || res.body.data?.theme?.name !== "Space exploration") outcome.failed.push(JSON.stringify(res.body).slice(0, 300));
        else outcome.ok++;
      } catch (error) {
        outcome.failed.push((error as Error).message);
      }
    }
  }));
  return outcome;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Each server's transactions since `before`, once `enough` holds or 15 s have passed: a backend
 * hands its statistics on when idle, but may hold them up to 10 s when it did so less than 1 s ago.
 */
async function transactionsSince(before: { primary: number; replica: number }, enough: (d: { primary: number; replica: number }) => boolean) {
  const started = Date.now();
  for (;;) {
    const now = await cluster.transactions();
    const delta = { primary: now.primary - before.primary, replica: now.replica - before.replica };
    if (enough(delta) || Date.now() - started > 15_000) return delta;
  }
}

before(async () => {
  if (skip) return;
  cluster = await startReplicated({ pgbouncer: true });
  const env = {
    // Debian bookworm's PgBouncer (1.18) keeps no prepared statements in transaction mode.
    DATABASE_URL: cluster.bouncerUrl!, DB_PREPARED_STATEMENTS: "false", DATABASE_REPLICA_URLS: cluster.replicaUrl,
    REPLICA_MAX_LAG_MS: "2000", REPLICA_WAIT_MS: "300",
    ...token.env, PORT: "0", HOST: "127.0.0.1", CORPUS: SEED_ONLY, LOG_LEVEL: "warn", DATA_DIR: "/nonexistent",
  };
  // The first migrates and seeds; the second starts on the database as it finds it.
  for (let i = 0; i < 2; i++) {
    const service = startService("main.js", env, 300_000);
    // A start that hangs fails the file with what the service printed, instead of holding CI.
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        service.child.kill("SIGKILL");
        void service.exited.then((exit) => reject(new Error(`instance ${i + 1} did not start within 60 s:\n${exit.stdout}\n${exit.stderr}`)));
      }, 60_000);
    });
    const line = await Promise.race([service.ready, hung]).finally(() => clearTimeout(timer));
    instances.push({ service, url: /(http:\/\/\S+\/graphql)/.exec(line)![1]!.replace("localhost", "127.0.0.1") });
  }
}, { timeout: 180_000 });
after(async () => {
  for (const { service } of instances) service.child.kill("SIGKILL");
  await Promise.all(instances.map((i) => i.service.exited));
  await cluster?.close();
});

describe("a primary, a replica, PgBouncer and two instances", { skip, timeout: 300_000 }, () => {
  test("reads land on the replica; /readyz says how far behind it is", async () => {
    for (const { url } of instances) {
      const ready = await readyz(url);
      assert.equal(ready.ready, true, JSON.stringify(ready));
      assert.equal(ready.replicas?.length, 1);
      assert.equal(ready.replicas[0].up, true, JSON.stringify(ready.replicas));
      assert.ok(ready.replicas[0].lagMs <= 2000);
    }
    const before = await cluster.transactions();
    let reads = 0;
    for (let i = 0; i < 120; i++) {
      const res = await gql(instances[i % 2]!.url, `query($n: Int!) { theme(slug: "space") { events(first: $n) { totalCount } } }`, { n: 1 + (i % 7) });
      assert.equal(res.body.errors, undefined);
      reads += Number(res.headers.get("x-sql-statements"));
    }
    const { replica, primary } = await transactionsSince(before, (d) => d.replica >= reads);
    assert.ok(replica >= reads, `the replica ran the ${reads} read statements: ${replica} transactions`);
    assert.ok(primary < reads / 2, `the primary ran only the replica checks: ${primary} transactions against the replica's ${replica}`);
  });

  test("a client reads its own write at once, through the other instance", async () => {
    const [writer, reader] = [instances[0]!.url, instances[1]!.url];
    for (let i = 0; i < 10; i++) {
      const slug = `scale-theme-${i}`;
      const wrote = await gql(writer, `mutation($slug: String!) { createTheme(input: { slug: $slug, name: "Scale test ${i}" }) { slug } }`, { slug }, token.bearer);
      assert.equal(wrote.body.errors, undefined, JSON.stringify(wrote.body.errors));
      const lsn = wrote.headers.get("x-write-lsn");
      assert.match(lsn ?? "", /^[0-9A-F]+\/[0-9A-F]+$/i, "a mutation answers with the primary's log position");
      const read = await gql(reader, `query($slug: String!) { theme(slug: $slug) { name } }`, { slug }, { "x-read-after-lsn": lsn! });
      assert.deepEqual(read.body, { data: { theme: { name: `Scale test ${i}` } } });
    }
    const bad = await fetch(reader, { method: "POST", headers: { "content-type": "application/json", "x-read-after-lsn": "yesterday" }, body: JSON.stringify({ query: "{ __typename }" }) });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /x-read-after-lsn must be a write-ahead log position/);
  });

  test("instances share no state: a persisted query registered on one is derivable on the other", async () => {
    const query = `{ theme(slug: "space") { name } }`;
    const persistedQuery = { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") };
    const send = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);
    const registered = await send(instances[0]!.url, { query, extensions: { persistedQuery } });
    assert.equal(registered.data.theme.name, "Space exploration");
    assert.equal((await send(instances[0]!.url, { extensions: { persistedQuery } })).data.theme.name, "Space exploration", "by hash on the instance that has it");
    const unknown = await send(instances[1]!.url, { extensions: { persistedQuery } });
    assert.equal(unknown.errors?.[0]?.extensions?.code, "PERSISTED_QUERY_NOT_FOUND", "the other says it does not know the hash");
    assert.equal((await send(instances[1]!.url, { query, extensions: { persistedQuery } })).data.theme.name, "Space exploration", "and the client's retry with the text works there");
  });

  test("a replica lagging past REPLICA_MAX_LAG_MS is skipped until it catches up; a read after a write then goes to the primary", async () => {
    const [url] = instances.map((i) => i.url);
    await cluster.onReplica("SELECT pg_wal_replay_pause()");
    try {
      // Writes the replica does not replay: its lag grows past the bound (2 s here).
      const wrote = await gql(url!, `mutation { createTheme(input: { slug: "while-paused", name: "While paused" }) { slug } }`, {}, token.bearer);
      assert.equal(wrote.body.errors, undefined, JSON.stringify(wrote.body.errors));
      const started = Date.now();
      let ready = await readyz(url!);
      while (ready.replicas[0].lagMs <= 2000 && Date.now() - started < 10_000) {
        await gql(url!, `mutation($s: String!) { createTheme(input: { slug: $s, name: "Tick" }) { slug } }`, { s: `tick-${Date.now()}` }, token.bearer);
        await sleep(250);
        ready = await readyz(url!);
      }
      assert.ok(ready.replicas[0].lagMs > 2000, `the paused replica lags: ${JSON.stringify(ready.replicas)}`);
      const before = await cluster.transactions();
      for (let i = 0; i < 30; i++) assert.equal((await gql(url!, `{ themes(first: ${1 + (i % 9)}) { totalCount } }`)).body.errors, undefined);
      const read = await gql(url!, `{ theme(slug: "while-paused") { name } }`, {}, { "x-read-after-lsn": wrote.headers.get("x-write-lsn")! });
      assert.deepEqual(read.body, { data: { theme: { name: "While paused" } } }, "the primary answers what the replica has not replayed");
      const { primary } = await transactionsSince(before, (d) => d.primary >= 30);
      assert.ok(primary >= 30, `the reads went to the primary (${primary} transactions there)`);
    } finally {
      await cluster.onReplica("SELECT pg_wal_replay_resume()");
    }
    for (let i = 0; i < 100 && (await readyz(url!)).replicas[0].lagMs > 2000; i++) await sleep(100);
    assert.ok((await readyz(url!)).replicas[0].lagMs <= 2000, "caught up again");
  });

  test("the replica stopped mid-load: reads go on on the primary, and back to the replica when it returns", async () => {
    const urls = instances.map((i) => i.url);
    let done = false;
    const running = load(urls, () => done);
    await sleep(800);
    await cluster.stopReplica();
    await sleep(1500);
    const down = await readyz(urls[0]!);
    assert.equal(down.ready, true, "the primary still answers: the service is ready");
    assert.equal(down.replicas[0].up, false, JSON.stringify(down.replicas));
    await sleep(500);
    done = true;
    const outcome = await running;
    assert.deepEqual(outcome.failed, [], "no read failed: the ones on the replica when it stopped were read again on the primary");
    assert.ok(outcome.ok > 20, `reads went on (${outcome.ok})`);

    await cluster.startReplica();
    for (let i = 0; i < 100 && !(await readyz(urls[0]!)).replicas[0].up; i++) await sleep(100);
    await sleep(300);
    const before = await cluster.transactions();
    for (let i = 0; i < 40; i++) assert.equal((await gql(urls[i % 2]!, `{ themes(first: ${1 + (i % 9)}) { totalCount } }`)).body.errors, undefined);
    const { replica } = await transactionsSince(before, (d) => d.replica >= 40);
    assert.ok(replica >= 40, `reads are back on the replica (${replica} transactions)`);
  });

  test("an instance killed mid-load: the other keeps answering, writes included", async () => {
    const [doomed, survivor] = instances;
    let done = false;
    const running = load([survivor!.url], () => done);
    await sleep(300);
    doomed!.service.child.kill("SIGKILL");
    await doomed!.service.exited;
    const wrote = await gql(survivor!.url, `mutation { createTheme(input: { slug: "after-the-kill", name: "After the kill" }) { slug } }`, {}, token.bearer);
    assert.equal(wrote.body.errors, undefined, JSON.stringify(wrote.body.errors));
    await sleep(700);
    done = true;
    const outcome = await running;
    assert.deepEqual(outcome.failed, []);
    assert.ok(outcome.ok > 10);
  });
});
