/** Starts themegraph: read config, start, stop gracefully on SIGINT/SIGTERM. */
import "reflect-metadata";
import { loadConfig } from "./config.ts";
import { fatal } from "./fatal.ts";
import { startApp } from "./server.ts";

const started = performance.now();
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
