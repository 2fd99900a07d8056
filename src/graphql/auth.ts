/**
 * Writes need an API token; reads stay public. Every mutation carries `@Authorized()`, and this
 * checker refuses an unauthenticated viewer with UNAUTHENTICATED before the resolver (and any SQL)
 * runs, saying whether the token was missing, malformed or wrong.
 */
import type { AuthChecker } from "type-graphql";
import { refusal } from "../auth/api-tokens.ts";
import type { Context } from "../context.ts";
import { UnauthenticatedError } from "./errors.ts";

export const authChecker: AuthChecker<Context> = ({ context }) => {
  if (context.viewer.authenticated) return true;
  throw new UnauthenticatedError(refusal(context.viewer.reason));
};

