// docker-compose.yml as a user meets it (no Docker engine here: the file is read, interpolated the way
// compose does with a .env file, and given to the service's own configuration): its instances can be
// given an API token, so they can write; the `ingest` profile is a real one-shot service.
import test from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { loadConfig } from "../src/config.ts";
import { newToken } from "../src/auth/api-tokens.ts";
import { projectRoot } from "../src/paths.ts";

interface Service {
  build?: unknown;
  profiles?: string[];
  environment?: Record<string, string | number | null>;
  volumes?: string[];
  entrypoint?: string[];
  command?: string[];
  restart?: string;
}
const compose = parse(readFileSync(path.join(projectRoot, "docker-compose.yml"), "utf8")) as { services: Record<string, Service> };

/** Compose's interpolation of `${VAR}`, `${VAR:-default}` and `${VAR-default}` from `env` (a .env file or the shell). */
function interpolate(value: string, env: Record<string, string | undefined>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)-([^}]*))?\}/g, (_, name: string, colon: string | undefined, fallback: string | undefined) => {
    const set = env[name];
    if (fallback === undefined) return set ?? "";
    // `:-` also replaces an empty value; `-` only an unset one.
    return (colon ? set : set !== undefined) ? set! : fallback;
  });
}

/** The environment a service's container gets, given the variables compose sees. */
const containerEnv = (service: Service, env: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(String(v ?? ""), env)]));

/** Every service running the themegraph image as a server (not the one-shot ingest). */
const servers = Object.entries(compose.services).filter(([name, s]) => s.build && name !== "ingest");

test("every themegraph instance takes API_TOKEN_SHA256 from .env or the shell; the service reads it", () => {
  assert.ok(servers.length >= 3, "themegraph, themegraph-1, themegraph-2");
  const { sha256 } = newToken();
  for (const [name, service] of servers) {
    const raw = String(service.environment?.API_TOKEN_SHA256 ?? "");
    assert.match(raw, /^\$\{API_TOKEN_SHA256(:?-)?\}$/, `${name} passes API_TOKEN_SHA256 through (got "${raw}")`);
    const given = loadConfig({ ...containerEnv(service, { API_TOKEN_SHA256: sha256 }) });
    assert.equal(given.apiTokenDigests.length, 1, `${name}: the digest reaches the configuration`);
    assert.equal(given.apiTokenDigests[0]!.digest.toString("hex"), sha256);
    // Not set: the service still starts, answering reads only.
    assert.deepEqual(loadConfig({ ...containerEnv(service, {}) }).apiTokenDigests, []);
  }
  const dotenv = (file: string) => readFileSync(path.join(projectRoot, file), "utf8").split("\n").map((l) => l.trim());
  assert.ok(dotenv(".gitignore").includes(".env"), "a .env holding the digest is not committed");
  assert.ok(dotenv(".dockerignore").includes(".env"), "nor copied into the image");
});

test("the ingest profile runs the built ingest CLI once on the mounted folder, against the service's database", () => {
  const ingest = compose.services.ingest!;
  assert.deepEqual(ingest.profiles, ["ingest"]);
  assert.equal(ingest.restart, "no", "a one-shot: never restarted");
  const [command, script] = ingest.entrypoint ?? [];
  assert.equal(command, "node");
  assert.ok(existsSync(path.join(projectRoot, script!.replace(/^dist\//, "").replace(/\.js$/, ".ts"))), `${script} is built from a source file`);
  const folder = ingest.command?.at(-1);
  const mount = (ingest.volumes ?? []).find((v) => v.split(":")[1] === folder);
  assert.ok(mount, `the folder given to the CLI (${folder}) is mounted`);
  assert.match(mount, /:ro$/, "read-only: ingest never writes into the documents");
  const url = new URL(containerEnv(ingest, {}).DATABASE_URL!);
  assert.equal(url.toString(), new URL(containerEnv(compose.services.themegraph!, {}).DATABASE_URL!).toString());
});
