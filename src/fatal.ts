/** Start-up failures end the process with one clear line (and the stack only for real bugs). */
import { ConfigError } from "./config.ts";
import { DatabaseCreationError } from "./db/create-database.ts";
import { MigrationError } from "./db/migrate.ts";
import { DataDirInUseError } from "./db/pglite.ts";
import { DatabaseUnreachableError } from "./db/postgres.ts";
import { SeedError } from "./ingest/seed.ts";

const expected = [ConfigError, DatabaseCreationError, DatabaseUnreachableError, DataDirInUseError, MigrationError, SeedError];

export function fatal(error: unknown): never {
  if (expected.some((type) => error instanceof type)) console.error(`themegraph: ${(error as Error).message}`);
  else console.error("themegraph: unexpected error during start-up", error);
  process.exit(1);
}
