/**
 * The embedded database: PGlite on a folder that is kept across restarts.
 * initdb in WASM takes ~6 s here, so a fresh folder is filled from a pre-initialized, pre-migrated
 * snapshot made at build time (scripts/build-pglite-base.ts); without one it falls back to initdb.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlConnection } from "./connection.ts";

/** Where the build writes the snapshot of an initialized, migrated, empty database. */
export function pgliteBasePath(projectRoot: string): string {
  return path.join(projectRoot, "dist", "pglite-base.tar.gz");
}

/** Opens (or creates) the PGlite database in `dataDir`; `memory://` keeps it in memory. */
export async function openPGlite(dataDir: string, basePath?: string): Promise<PGlite> {
  if (dataDir.startsWith("memory://")) return PGlite.create(dataDir);
  await mkdir(dataDir, { recursive: true });
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  const loadDataDir = fresh && basePath && existsSync(basePath) ? new Blob([await readFile(basePath)]) : undefined;
  return PGlite.create(dataDir, { loadDataDir });
}

/** PGlite has one connection: the migrator uses it directly, before Prisma sends anything. */
export function pgliteConnection(db: PGlite): SqlConnection {
  return {
    query: async <Row>(sql: string, params: unknown[] = []) => (await db.query<Row>(sql, params)).rows,
    exec: async (script) => {
      await db.exec(script);
    },
  };
}
