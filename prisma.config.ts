// Prisma CLI configuration. Only `prisma generate` is used (no schema engine is available offline);
// the service applies prisma/migrations itself (src/db/migrate.ts).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
