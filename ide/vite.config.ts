/**
 * Builds the IDE (ide/index.html) and the curator's workbench (ide/curate/index.html) into dist/ide/,
 * served by src/ide/ (pages at / and /curate, files under /ide/). Run by `npm run build`.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: "/ide/",
  logLevel: "warn",
  build: {
    outDir: path.join(here, "..", "dist", "ide"),
    emptyOutDir: true,
    // Monaco alone is several MB; the IDE is loaded once per browser and cached, so the warning is noise.
    chunkSizeWarningLimit: 8000,
    rolldownOptions: {
      input: { ide: path.join(here, "index.html"), curate: path.join(here, "curate", "index.html") },
      onwarn(warning, warn) {
        // React's "use client" markers mean nothing in a client-only bundle.
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
  worker: { format: "es" },
});
