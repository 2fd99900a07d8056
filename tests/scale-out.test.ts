/**
 * Beyond one machine, on this machine: a throw-away PostgreSQL primary with a streaming replica
 * (tests/helpers/replication.ts), Debian's PgBouncer in transaction mode before the primary, and two
 * service processes with DATABASE_REPLICA_URLS. Reads land on the replica (counted in each server's
 * own statement log), a client reads its own write at once through the other instance, a persisted
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
import { postJson } from "./helpers/http.ts";
import { waitUntil } from "./helpers/wait.ts";
import { send, writeToken } from "./helpers/writes.ts";

const skip = skipWithoutReplication(true);
const token = writeToken();
let cluster: Replicated;
const instances: { service: RunningService; url: string }[] = [];

async function readyz(url: string): Promise<any> {
  return (await fetch(url.replace(/\/graphql$/, "/readyz"))).json();
}

/** /readyz of every instance, once `holds` is true of each (polled, with a deadline). */
const whenEveryInstance = (what: string, holds: (ready: any) => boolean) =>
  waitUntil(`every instance's /readyz to show ${what}`, async () => {
    const all = await Promise.all(instances.filter((i) => i.service.child.exitCode === null).map((i) => readyz(i.url)));
    return all.every(holds) && all;
  });

/**
 * Statements that are reads, not the service asking a server its log position (its replica
 * monitor asks both servers a few times a second, and a read after a write asks the replica).
 */
const notLogPosition = (text: string) => !/pg_current_wal_lsn|pg_last_wal_replay_lsn/.test(text);

/** Reads from `urls` with `workers` in parallel until stopped; counts what answered and what failed. */
function startLoad(urls: string[], workers = 4) {
  const outcome = { ok: 0, failed: [] as string[] };
  let stopping = false;
  const running = Promise.all(Array.from({ length: workers }, async (_, w) => {
    for (let i = 0; !stopping; i++) {
      try {
        const res = await send(urls[(w + i) % urls.length]!, `query($n: Int!) { theme(slug: "space") { name events(first: $n) { nodes { slug } } } }`, { n: 1 + (i % 5) });
        if (res.body.errors || res.body.data?.theme?.name !== "Space exploration") outcome.failed.push(JSON.stringify(res.body).slice(0, 300));
        else outcome.ok++;
      } catch (error) {
        outcome.failed.push((error as Error).message);
      }
    }
  }));
  return {
    outcome,
    /** Returns once `n` more reads have answered (or one failed: the test's check of `failed` then says what). */
    answered: (n: number) => {
      const target = outcome.ok + n;
      return waitUntil(`${n} more reads to answer`, () => outcome.ok >= target || outcome.failed.length > 0);
    },
    stop: async () => {
      stopping = true;
      await running;
      return outcome;
    },
  };
}

before(async () => {
  if (skip) return;
  cluster = await startReplicated({ pgbouncer: true, logStatements: true });
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
    const [readsBefore, allBefore] = [await cluster.statements(notLogPosition), await cluster.statements()];
    let reads = 0;
    for (let i = 0; i < 120; i++) {
      const res = await send(instances[i % 2]!.url, `query($n: Int!) { theme(slug: "space") { events(first: $n) { totalCount } } }`, { n: 1 + (i % 7) });
      assert.equal(res.body.errors, undefined);
      reads += res.statements;
    }
    // Both servers logged each statement before running it: answered means counted.
    const replica = (await cluster.statements(notLogPosition)).replica - readsBefore.replica;
    const primary = (await cluster.statements()).primary - allBefore.primary;
    assert.ok(replica >= reads, `the replica ran the ${reads} read statements: ${replica} statements`);
    assert.ok(primary < reads / 2, `the primary ran only the replica checks: ${primary} statements against the replica's ${replica}`);
  });

  test("a client reads its own write at once, through the other instance", async () => {
    const [writer, reader] = [instances[0]!.url, instances[1]!.url];
    for (let i = 0; i < 10; i++) {
      const slug = `scale-theme-${i}`;
      const wrote = await send(writer, `mutation($slug: String!) { createTheme(input: { slug: $slug, name: "Scale test ${i}" }) { slug } }`, { slug }, token.bearer);
      assert.equal(wrote.body.errors, undefined, JSON.stringify(wrote.body.errors));
      const lsn = wrote.headers.get("x-write-lsn");
      assert.match(lsn ?? "", /^[0-9A-F]+\/[0-9A-F]+$/i, "a mutation answers with the primary's log position");
      const read = await send(reader, `query($slug: String!) { theme(slug: $slug) { name } }`, { slug }, { "x-read-after-lsn": lsn! });
      assert.deepEqual(read.body, { data: { theme: { name: `Scale test ${i}` } } });
    }
    const bad = await postJson(reader, { query: "{ __typename }" }, { "x-read-after-lsn": "yesterday" });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /x-read-after-lsn must be a write-ahead log position/);
  });

  test("instances share no state: a persisted query registered on one is derivable on the other", async () => {
    const query = `{ theme(slug: "space") { name } }`;
    const persistedQuery = { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") };
    const ask = async (url: string, body: unknown) => (await postJson(url, body)).json();
    const registered = await ask(instances[0]!.url, { query, extensions: { persistedQuery } });
    assert.equal(registered.data.theme.name, "Space exploration");
    assert.equal((await ask(instances[0]!.url, { extensions: { persistedQuery } })).data.theme.name, "Space exploration", "by hash on the instance that has it");
    const unknown = await ask(instances[1]!.url, { extensions: { persistedQuery } });
    assert.equal(unknown.errors?.[0]?.extensions?.code, "PERSISTED_QUERY_NOT_FOUND", "the other says it does not know the hash");
    assert.equal((await ask(instances[1]!.url, { query, extensions: { persistedQuery } })).data.theme.name, "Space exploration", "and the client's retry with the text works there");
  });

  test("a replica lagging past REPLICA_MAX_LAG_MS is skipped until it catches up; a read after a write then goes to the primary", async () => {
    const [url] = instances.map((i) => i.url);
    await cluster.onReplica("SELECT pg_wal_replay_pause()");
    try {
      // The pause is only requested until replay reaches a point to stop: a write before that would be replayed.
      await waitUntil("the replica's replay to pause", async () => (await cluster.onReplica("SELECT pg_get_wal_replay_pause_state() AS state"))[0]!.state === "paused");
      // A write the replica does not replay: from now on its lag grows past the bound (2 s here).
      const wrote = await send(url!, `mutation { createTheme(input: { slug: "while-paused", name: "While paused" }) { slug } }`, {}, token.bearer);
      assert.equal(wrote.body.errors, undefined, JSON.stringify(wrote.body.errors));
      const ready = await waitUntil("/readyz to show the paused replica lagging past 2 s", async () => {
        const ready = await readyz(url!);
        return ready.replicas[0].lagMs > 2000 && ready;
      });
      assert.ok(ready.replicas[0].lagMs > 2000, `the paused replica lags: ${JSON.stringify(ready.replicas)}`);
      const before = await cluster.statements(notLogPosition);
      for (let i = 0; i < 30; i++) assert.equal((await send(url!, `{ themes(first: ${1 + (i % 9)}) { totalCount } }`)).body.errors, undefined);
      const read = await send(url!, `{ theme(slug: "while-paused") { name } }`, {}, { "x-read-after-lsn": wrote.headers.get("x-write-lsn")! });
      assert.deepEqual(read.body, { data: { theme: { name: "While paused" } } }, "the primary answers what the replica has not replayed");
      const primary = (await cluster.statements(notLogPosition)).primary - before.primary;
      assert.ok(primary >= 30, `the reads went to the primary (${primary} statements there)`);
    } finally {
      await cluster.onReplica("SELECT pg_wal_replay_resume()");
    }
    // Fails (naming it) if the lag does not come back under the bound.
    await waitUntil("the replica to catch up again (lag at most 2 s on /readyz)", async () => (await readyz(url!)).replicas[0].lagMs <= 2000);
  });

  test("the replica stopped mid-load: reads go on on the primary, and back to the replica when it returns", async () => {
    const urls = instances.map((i) => i.url);
    const load = startLoad(urls);
    await load.answered(20);
    await cluster.stopReplica();
    const down = await whenEveryInstance("the replica down", (ready) => ready.replicas[0].up === false);
    for (const ready of down) {
      assert.equal(ready.ready, true, "the primary still answers: the service is ready");
      assert.equal(ready.replicas[0].up, false, JSON.stringify(ready.replicas));
    }
    // Reads go on with the replica down, on both instances.
    await load.answered(20);
    const outcome = await load.stop();
    assert.deepEqual(outcome.failed, [], "no read failed: the ones on the replica when it stopped were read again on the primary");
    assert.ok(outcome.ok > 20, `reads went on (${outcome.ok})`);

    await cluster.startReplica();
    // Usable again on both: up, and within REPLICA_MAX_LAG_MS.
    await whenEveryInstance("the replica up and within 2 s", (ready) => ready.replicas[0].up === true && ready.replicas[0].lagMs !== null && ready.replicas[0].lagMs <= 2000);
    const before = await cluster.statements(notLogPosition);
    for (let i = 0; i < 40; i++) assert.equal((await send(urls[i % 2]!, `{ themes(first: ${1 + (i % 9)}) { totalCount } }`)).body.errors, undefined);
    const replica = (await cluster.statements(notLogPosition)).replica - before.replica;
    assert.ok(replica >= 40, `reads are back on the replica (${replica} statements)`);
  });

  test("an instance killed mid-load: the other keeps answering, writes included", async () => {
    const [doomed, survivor] = instances;
    const load = startLoad([survivor!.url]);
    await load.answered(10);
    doomed!.service.child.kill("SIGKILL");
    await doomed!.service.exited;
    const wrote = await send(survivor!.url, `mutation { createTheme(input: { slug: "after-the-kill", name: "After the kill" }) { slug } }`, {}, token.bearer);
    assert.equal(wrote.body.errors, undefined, JSON.stringify(wrote.body.errors));
    // The survivor goes on answering reads after the kill.
    await load.answered(10);
    const outcome = await load.stop();
    assert.deepEqual(outcome.failed, []);
    assert.ok(outcome.ok > 10);
  });
});
