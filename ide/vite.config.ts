/** Builds the IDE (ide/) into dist/ide/, served by src/ide/ under /ide/. Run by `npm run build`. */
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
      onwarn(warning, warn) {
        // React's "use client" markers mean nothing in a client-only bundle.
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
  worker: { format: "es" },
});
