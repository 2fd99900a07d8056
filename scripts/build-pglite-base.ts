/**
 * Build step: makes dist/pglite-base.tar.gz, a PGlite data folder that is initialized and migrated
 * but empty. Starting from it instead of running initdb (~6 s in WASM) keeps a fresh start fast.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { migrate, readMigrations } from "../src/db/migrate.ts";
import { openPGlite, pgliteBasePath, pgliteConnection } from "../src/db/pglite.ts";
import { parseCli } from "../src/cli-args.ts";
import { projectRoot } from "../src/paths.ts";

parseCli({
  command: "node dist/scripts/build-pglite-base.js",
  summary: "Part of `npm run build`: writes dist/pglite-base.tar.gz, an initialized and migrated, empty PGlite data folder that a first start copies instead of running initdb.",
  examples: ["node dist/scripts/build-pglite-base.js"],
});

const started = performance.now();
const { pglite: db } = await openPGlite("memory://");
await migrate(pgliteConnection(db), await readMigrations(path.join(projectRoot, "prisma", "migrations")), { lock: false });
const tarball = await db.dumpDataDir("gzip");
await db.close();
const target = pgliteBasePath(projectRoot);
await mkdir(path.dirname(target), { recursive: true });
await writeFile(target, Buffer.from(await tarball.arrayBuffer()));
console.log(`wrote ${path.relative(projectRoot, target)} (${Math.round(tarball.size / 1024)} KiB) in ${Math.round(performance.now() - started)} ms`);
