/** Start-up failures end the process with one clear line (and the stack only for real bugs). */
import { ConfigError } from "./config.ts";
import { DatabaseCreationError } from "./db/create-database.ts";
import { MigrationError } from "./db/migrate.ts";
import { DataDirInUseError } from "./db/pglite.ts";
import { DatabaseUnreachableError } from "./db/postgres.ts";
import { SeedError } from "./ingest/seed.ts";
import { flushLog } from "./log.ts";

const expected = [ConfigError, DatabaseCreationError, DatabaseUnreachableError, DataDirInUseError, MigrationError, SeedError];

/** The port is taken (another themegraph, or anything else): one line, not a stack. */
function portInUse(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException & { port?: number; address?: string };
  if (e?.code !== "EADDRINUSE") return undefined;
  return `port ${e.port} on ${e.address} is in use (another themegraph still running?): stop it, or set PORT to another port (PORT=0 picks a free one)`;
}

export function fatal(error: unknown): never {
  flushLog(); // the lines logged before it come first
  const port = portInUse(error);
  if (port) console.error(`themegraph: ${port}`);
  else if (expected.some((type) => error instanceof type)) console.error(`themegraph: ${(error as Error).message}`);
  else console.error("themegraph: unexpected error during start-up", error);
  process.exit(1);
}
