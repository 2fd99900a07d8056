/**
 * The embedded database: PGlite on a folder that is kept across restarts.
 * initdb in WASM takes ~6 s here, so a fresh folder is filled from a pre-initialized, pre-migrated
 * snapshot made at build time (scripts/build-pglite-base.ts); without one it falls back to initdb.
 */
import { existsSync, rmSync } from "node:fs";
import { mkdir, open, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlConnection } from "./connection.ts";

/** Where the build writes the snapshot of an initialized, migrated, empty database. */
export function pgliteBasePath(projectRoot: string): string {
  return path.join(projectRoot, "dist", "pglite-base.tar.gz");
}

export class DataDirInUseError extends Error {
  override name = "DataDirInUseError";
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * PGlite has no postmaster to stop a second process from opening the same folder (which would
 * corrupt it), so the folder gets a lock file holding our pid. A lock left by a dead process is taken over.
 * Returns the function that releases it.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, "themegraph.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      // PGlite's close() can end the process from inside WASM, so release on exit as well.
      const release = () => rmSync(lockFile, { force: true });
      process.once("exit", release);
      return async () => {
        process.off("exit", release);
        await rm(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(await readFile(lockFile, "utf8").catch(() => ""));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DataDirInUseError(`data folder ${dataDir} is in use by process ${owner}; stop it or set DATA_DIR to another folder`);
      }
      await rm(lockFile, { force: true });
    }
  }
  throw new DataDirInUseError(`could not lock data folder ${dataDir}`);
}

export interface EmbeddedDatabase {
  pglite: PGlite;
  close(): Promise<void>;
}

/** Opens (or creates) the PGlite database in `dataDir`; `memory://` keeps it in memory. */
export async function openPGlite(dataDir: string, basePath?: string): Promise<EmbeddedDatabase> {
  if (dataDir.startsWith("memory://")) {
    const pglite = await PGlite.create(dataDir);
    return { pglite, close: () => pglite.close() };
  }
  await mkdir(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir);
  try {
    const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
    const loadDataDir = fresh && basePath && existsSync(basePath) ? new Blob([await readFile(basePath)]) : undefined;
    const pglite = await PGlite.create(dataDir, { loadDataDir });
    return { pglite, close: async () => { await pglite.close(); await unlock(); } };
  } catch (error) {
    await unlock();
    throw error;
  }
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
