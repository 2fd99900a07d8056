/**
 * Writes need an API token; reads stay public. Every mutation carries `@Authorized()`, and this
 * checker refuses an unauthenticated viewer with UNAUTHENTICATED before the resolver (and any SQL)
 * runs, saying whether the token was missing, malformed or wrong.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { AuthChecker } from "type-graphql";
import { authenticate, refusal } from "../auth/api-tokens.ts";
import type { Context } from "../context.ts";
import { UnauthenticatedError } from "./errors.ts";

export const authChecker: AuthChecker<Context> = ({ context }) => {
  if (context.viewer.authenticated) return true;
  throw new UnauthenticatedError(refusal(context.viewer.reason));
};

/**
 * Bridge until the HTTP layer hands the `Authorization` header to buildContext (src/http.ts calls
 * `buildContext(requestId, sql)` only): reads it from the request Apollo received. When the header
 * did reach buildContext, the viewer is already made from it and this changes nothing.
 */
export function authorizationHeaderPlugin(apiTokenDigests: readonly Buffer[]): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request, contextValue }) {
      const header = request.http?.headers.get("authorization");
      if (header && !contextValue.viewer.authenticated && contextValue.viewer.reason === "missing") {
        contextValue.viewer = authenticate(header, apiTokenDigests);
      }
    },
  };
}
