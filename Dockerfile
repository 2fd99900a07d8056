# syntax=docker/dockerfile:1
# themegraph: GraphQL service. Embedded PGlite by default (DATA_DIR), PostgreSQL when DATABASE_URL is set.
# Build:  docker build -t themegraph .
# Run:    docker run -p 4000:4000 -v themegraph-data:/app/data themegraph
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: dev dependencies, prisma generate, tsc, PGlite base snapshot -> dist/ ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts are skipped (package.json "allowScripts" disallows them all: prisma's engine
# download is not needed, `prisma generate` runs with PRISMA_SCHEMA_ENGINE_BINARY set by the script).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
COPY src ./src
# The bundled GraphiQL and the example operations it preloads.
COPY ide ./ide
COPY examples/queries ./examples/queries
# = the "prepare" script: prisma generate + tsc -p . + dist/pglite-base.tar.gz
RUN npm run build

# ---- runtime: production dependencies + compiled output only ----
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
# Applied by the service itself at start (src/db/migrate.ts); prisma/ also marks the project root.
COPY prisma/migrations ./prisma/migrations
# Bundled documents, seeded into an empty database (SEED=true by default).
COPY corpus ./corpus
COPY --from=build /app/dist ./dist
# The PGlite database lives in DATA_DIR; it must be writable by the unprivileged user.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000
# Slim images have no curl: ask node itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Same flags as `npm start`: a heap ceiling makes V8 grow the heap by smaller steps (with 24 GB it
# assumes 4 GB may be used and quadruples it), which keeps RSS near 200 MB instead of 300+ under load.
CMD ["node", "--max-old-space-size=512", "dist/src/main.js"]
