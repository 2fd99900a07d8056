/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
import { loadConfig } from "../config.ts";
import { fatal } from "../fatal.ts";
import { projectRoot } from "../paths.ts";
import { openDatabase } from "./database.ts";

try {
  const db = await openDatabase({ ...loadConfig(), projectRoot });
  const applied = db.appliedMigrations;
  console.log(applied.length ? `applied ${applied.join(", ")} to ${db.location}` : `${db.location} is up to date`);
  await db.close();
} catch (error) {
  fatal(error);
}
