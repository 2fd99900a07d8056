/**
 * After a mutation, with read replicas: the primary's write-ahead log position, which the HTTP layer
 * sends as `x-write-lsn`. A client that sends it back as `x-read-after-lsn` reads its own write
 * (db/routing.ts). One statement more per mutation, and only when there are replicas.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { Prisma } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";

export const readYourWrites: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ operation, contextValue }) {
        const route = contextValue.route;
        // A refused writer wrote nothing: no statement for it.
        if (operation?.operation !== "mutation" || !route || !contextValue.viewer.authenticated) return;
        const [row] = await contextValue.raw.$queryRaw<{ lsn: string }[]>(Prisma.sql`SELECT pg_current_wal_lsn()::text AS lsn`);
        route.writeLsn = row!.lsn;
      },
    };
  },
};
