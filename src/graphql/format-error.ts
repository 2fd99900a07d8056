/**
 * What clients see of an error: our coded errors and GraphQL's own validation errors pass through;
 * anything unexpected (a database failure, a bug) becomes a generic message and is logged in full,
 * so no stack, SQL or Prisma text reaches a client.
 */
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  if (original instanceof GraphQLError || (code && code !== "INTERNAL_SERVER_ERROR")) return formatted;
  console.error("internal error while resolving", formatted.path?.join(".") ?? "(request)", original);
  return { message: "Internal server error", path: formatted.path, locations: formatted.locations, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}
