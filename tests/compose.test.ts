// No Docker engine runs where this project is built and tested, so nothing here builds an image or
// starts a container: these tests read docker-compose.yml and the Dockerfile and check that they fit
// together (PostgreSQL 16 with a healthcheck and a volume, the service's DATABASE_URL, the runtime stage).
import test from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { projectRoot } from "../src/paths.ts";

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  environment?: Record<string, string | number | null> | string[];
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  healthcheck?: { test?: string | string[] };
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: (string | number | { target?: number; published?: string | number })[];
}
interface Compose {
  services?: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const compose = parse(readFileSync(path.join(projectRoot, "docker-compose.yml"), "utf8")) as Compose;
const postgres = compose.services?.postgres;
const app = compose.services?.themegraph;

/** A service's environment as a map, whether written as a map or as a list of KEY=VALUE. */
function env(service: Service | undefined): Record<string, string> {
  const raw = service?.environment ?? {};
  const entries = Array.isArray(raw) ? raw.map((line) => line.split(/=(.*)/s)) : Object.entries(raw);
  return Object.fromEntries(entries.map(([key, value]) => [String(key), String(value ?? "")]));
}

/** The themegraph service's Dockerfile, as named by its build section. */
function dockerfilePath(): string {
  const build = app?.build;
  const context = typeof build === "string" ? build : build?.context ?? ".";
  const file = typeof build === "object" ? build.dockerfile ?? "Dockerfile" : "Dockerfile";
  return path.resolve(projectRoot, context, file);
}

test("postgres service: version 16, healthcheck, named data volume", () => {
  assert.ok(postgres, "docker-compose.yml has no `postgres` service");
  const major = /^(?:docker\.io\/)?(?:library\/)?postgres:(\d+)/.exec(postgres.image ?? "")?.[1];
  assert.equal(major, "16", `postgres image should be postgres:16*, got "${postgres.image}"`);
  const check = [postgres.healthcheck?.test ?? []].flat().join(" ");
  assert.match(check, /pg_isready/, `postgres healthcheck should run pg_isready, got "${check}"`);
  const mounts = (postgres.volumes ?? []).map((v) =>
    typeof v === "string" ? { source: v.split(":")[0], target: v.split(":")[1] } : v,
  );
  const data = mounts.find((m) => m.target === "/var/lib/postgresql/data");
  assert.ok(data?.source, "postgres has no volume mounted at /var/lib/postgresql/data");
  assert.ok(!/^[./~]/.test(data.source), `postgres data should be a named volume, not the bind mount "${data.source}"`);
  assert.ok(compose.volumes && data.source in compose.volumes, `volume "${data.source}" is not declared under top-level volumes`);
});

test("themegraph service: built from the Dockerfile, waits for postgres, reaches it", () => {
  assert.ok(app, "docker-compose.yml has no `themegraph` service");
  assert.ok(app.build, "themegraph service has no build section");
  assert.ok(existsSync(dockerfilePath()), `themegraph builds from ${dockerfilePath()}, which does not exist`);
  const dependsOn = app.depends_on;
  const condition = Array.isArray(dependsOn) ? undefined : dependsOn?.postgres?.condition;
  assert.equal(condition, "service_healthy", "themegraph should depend on postgres with condition: service_healthy");

  const raw = env(app).DATABASE_URL;
  assert.ok(raw, "themegraph service has no DATABASE_URL");
  const url = new URL(raw);
  const pg = env(postgres);
  assert.match(url.protocol, /^postgres(ql)?:$/, `DATABASE_URL should be postgresql://..., got "${url.protocol}"`);
  assert.equal(url.hostname, "postgres", "DATABASE_URL should point at host `postgres` (the compose service)");
  assert.equal(decodeURIComponent(url.username), pg.POSTGRES_USER, "DATABASE_URL user differs from POSTGRES_USER");
  assert.equal(decodeURIComponent(url.password), pg.POSTGRES_PASSWORD, "DATABASE_URL password differs from POSTGRES_PASSWORD");
  assert.equal(url.pathname.slice(1), pg.POSTGRES_DB, "DATABASE_URL database differs from POSTGRES_DB");

  const published = (app.ports ?? []).some((p) =>
    typeof p === "object" ? p.target === 4000 && p.published !== undefined : /^(.+:)?\d+:4000(\/tcp)?$/.test(String(p)),
  );
  assert.ok(published, `themegraph should publish container port 4000, ports are ${JSON.stringify(app.ports)}`);
});

test("ingest one-shot: optional profile, same image and database, runs the ingest CLI on mounted documents", () => {
  const ingest = compose.services?.ingest as (Service & { profiles?: string[]; entrypoint?: string[]; command?: string[] }) | undefined;
  assert.ok(ingest, "docker-compose.yml has no `ingest` service");
  assert.deepEqual(ingest.profiles, ["ingest"], "ingest runs only when asked for (a profile)");
  assert.deepEqual(ingest.build, app?.build, "ingest builds the same image as themegraph");
  assert.equal(env(ingest).DATABASE_URL, env(app).DATABASE_URL, "ingest writes to the service's database");
  assert.deepEqual(ingest.entrypoint, ["node", "dist/src/ingest/cli.js"]);
  const mount = (ingest.volumes ?? []).map(String).find((v) => v.split(":")[1] === ingest.command?.[0]);
  assert.ok(mount, `the folder given to the CLI (${ingest.command?.[0]}) is mounted`);
  assert.equal((ingest.depends_on as Record<string, { condition?: string }>)?.postgres?.condition, "service_healthy");
});

test("Dockerfile: multi-stage, production-only, non-root runtime with everything it needs", () => {
  // Instructions one per entry: continuation lines joined, comments and blank lines dropped.
  const instructions = readFileSync(dockerfilePath(), "utf8")
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  const froms = instructions.flatMap((line, i) => (/^FROM\s/i.test(line) ? [i] : []));
  assert.ok(froms.length >= 2, `Dockerfile should have a build and a runtime stage, found ${froms.length} FROM`);
  const runtime = instructions.slice(froms.at(-1));
  const find = (keyword: string) => runtime.filter((line) => line.toUpperCase().startsWith(`${keyword} `));

  assert.ok(
    find("RUN").some((line) => /npm ci\b.*--omit=dev/.test(line)),
    "runtime stage should install with `npm ci --omit=dev`",
  );
  const user = find("USER").at(-1)?.split(/\s+/)[1];
  assert.ok(user, "runtime stage has no USER line (it would run as root)");
  assert.ok(!/^(root|0)(:|$)/.test(user), `runtime stage should not run as root, USER is "${user}"`);
  assert.ok(find("EXPOSE").some((line) => /\b4000\b/.test(line)), "runtime stage should EXPOSE 4000");

  // Sources of every COPY into the runtime stage (options such as --from= and the destination dropped).
  const sources = find("COPY").flatMap((line) => {
    const args = line.split(/\s+/).slice(1).filter((arg) => !arg.startsWith("--"));
    return args.slice(0, -1).map((arg) => arg.replace(/^\.\//, "").replace(/\/$/, "") || ".");
  });
  for (const needed of ["dist", "prisma/migrations", "corpus", "package.json"]) {
    const copied = sources.some((s) => s === "." || s === needed || s.endsWith(`/${needed}`) || needed.startsWith(`${s}/`));
    assert.ok(copied, `runtime stage does not COPY ${needed} (copies: ${sources.join(", ")})`);
  }
});

test("scale profile: a streaming replica, PgBouncer, two instances reading from the replica, and a load balancer", () => {
  const scale = ["postgres-replica", "pgbouncer", "themegraph-1", "themegraph-2", "loadbalancer"];
  for (const name of scale) {
    const service = compose.services?.[name] as (Service & { profiles?: string[] }) | undefined;
    assert.ok(service, `docker-compose.yml has no \`${name}\` service`);
    assert.deepEqual(service.profiles, ["scale"], `${name} runs only with --profile scale`);
  }
  const mounted = (name: string) => (compose.services?.[name]?.volumes ?? []).map((v) => (typeof v === "string" ? v.split(":")[0]! : v.source ?? ""));
  const replicaScript = mounted("postgres-replica").find((s) => s.endsWith("replica-entrypoint.sh"));
  assert.ok(replicaScript && /pg_basebackup .*-R/.test(readFileSync(path.join(projectRoot, replicaScript), "utf8")), "the replica starts from pg_basebackup -R of the primary");
  const primaryScript = mounted("postgres").find((s) => s.endsWith(".sh"));
  assert.ok(primaryScript && /host replication/.test(readFileSync(path.join(projectRoot, primaryScript), "utf8")), "the primary lets the replica stream");
  const bouncer = readFileSync(path.join(projectRoot, mounted("pgbouncer").find((s) => s.endsWith(".ini"))!), "utf8");
  assert.match(bouncer, /pool_mode = transaction/);
  assert.match(bouncer, /max_prepared_statements = [1-9]/, "named statements work through it (PgBouncer >= 1.21)");
  assert.match(bouncer, /host=postgres\b/);
  for (const name of ["themegraph-1", "themegraph-2"]) {
    const e = env(compose.services?.[name]);
    assert.equal(new URL(e.DATABASE_URL!).hostname, "pgbouncer", `${name} writes through PgBouncer`);
    assert.equal(new URL(e.DATABASE_REPLICA_URLS!).hostname, "postgres-replica", `${name} reads from the replica`);
    assert.match(JSON.stringify(compose.services?.[name]?.healthcheck?.test), /readyz/);
  }
  const haproxy = readFileSync(path.join(projectRoot, mounted("loadbalancer").find((s) => s.endsWith(".cfg"))!), "utf8");
  for (const name of ["themegraph-1", "themegraph-2"]) assert.match(haproxy, new RegExp(`server ${name} ${name}:4000 check`));
  assert.match(haproxy, /httpchk GET \/readyz/);
  assert.ok(compose.volumes && "pgreplica" in compose.volumes, "the replica keeps its data in a named volume");
});
