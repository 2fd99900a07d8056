/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
import { parseCli } from "../cli-args.ts";
import { loadConfig } from "../config.ts";
import { fatal } from "../fatal.ts";
import { projectRoot } from "../paths.ts";
import { openDatabase } from "./database.ts";

parseCli({
  command: "npm run db:migrate --",
  summary: `Applies the pending migrations (prisma/migrations) to the configured database and exits; the
service does the same at start. Several instances may migrate at once: one applies, the others wait.`,
  env: {
    DATABASE_URL: "PostgreSQL (its database is created when missing and the user may); unset: the embedded database in DATA_DIR",
    DATA_DIR: "folder of the embedded PGlite database (default ./data)",
  },
  examples: ["DATABASE_URL=postgresql://postgres@127.0.0.1:5432/themegraph npm run db:migrate"],
});

try {
  const db = await openDatabase({ ...loadConfig(), projectRoot });
  const applied = db.appliedMigrations;
  console.log(applied.length ? `applied ${applied.join(", ")} to ${db.location}` : `${db.location} is up to date`);
  await db.close();
} catch (error) {
  fatal(error);
}
