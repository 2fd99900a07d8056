/** Starts themegraph: read config, start, stop gracefully on SIGINT/SIGTERM. */
import "reflect-metadata";
import { parseCli } from "./cli-args.ts";
import { loadConfig } from "./config.ts";
import { fatal } from "./fatal.ts";
import { startApp } from "./server.ts";

const started = performance.now();
parseCli({
  command: "npm start --",
  summary: `Starts themegraph on http://localhost:4000/graphql (IDE at /, workbench at /curate): applies
pending migrations, seeds the bundled documents into an empty database, serves until SIGINT/SIGTERM.
Everything is configured by environment variables (README.md, "Configuration", lists them all).`,
  env: {
    PORT: "HTTP port (default 4000; 0 picks a free one)",
    HOST: "interface to listen on (default all)",
    DATABASE_URL: "PostgreSQL (its database is created when missing and the user may); unset: embedded PGlite",
    DATA_DIR: "folder of the embedded database (default ./data)",
    API_TOKEN_SHA256: "digests of the tokens that may write (`npm run token`); unset: no writes",
    LOG_LEVEL: "silent, fatal, error, warn, info (default), debug or trace",
    "...": "see README.md, \"Configuration\"",
  },
  examples: ["npm start", "PORT=8080 DATABASE_URL=postgresql://postgres@127.0.0.1:5432/themegraph npm start"],
});
try {
  const config = loadConfig();
  const app = await startApp(config);
  // Handlers go in before the "serving" line: whoever reads that line may signal at once.
  const shutdown = (signal: string) => {
    console.log(`themegraph: ${signal} received, shutting down`);
    app.stop().then(() => process.exit(0), (error) => fatal(error));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  const ms = Math.round(performance.now() - started);
  const seeded = app.seeded ? `, seeded ${app.seeded} document(s)` : "";
  console.log(`themegraph serving ${app.url} (${app.db.kind}: ${app.db.location}${seeded}; ready in ${ms} ms)`);
} catch (error) {
  fatal(error);
}
