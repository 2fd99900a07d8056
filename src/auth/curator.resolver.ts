/**
 * `curator`: who the request's API token writes as. A client (the workbench) checks a token with it
 * before offering writes, without writing anything.
 */
import { Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../context.ts";

@Resolver()
export class CuratorResolver {
  @Authorized()
  @Query(() => String, { description: "The name the request's API token writes under (a curator claim's `curator`). Needs an API token: a client checks its token with it." })
  curator(@Ctx() { viewer }: Context): string {
    // @Authorized() has refused anyone else.
    return viewer.authenticated ? viewer.name : "";
  }
}
