/**
 * The pass that takes type-graphql's per-call adapters away (src/graphql/direct-resolvers.ts): it
 * must keep them wherever they do something (middlewares, roles, validation) and otherwise call
 * the same methods with the same parameters. The whole suite runs through the app's schema with
 * the pass applied; this checks its rules on a schema of its own, and that the app's mutations keep
 * their authorization.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import { test } from "node:test";
import { execute, parse, type GraphQLObjectType } from "graphql";
import {
  Args, ArgsType, Authorized, buildSchema, Ctx, Extensions, Field, FieldResolver, Info, Int, ObjectType, Query, Resolver, Root, UseMiddleware,
} from "type-graphql";
import { directResolvers, PROMISED } from "../src/graphql/direct-resolvers.ts";
import { buildAppSchema } from "../src/schema.ts";
import { authenticate } from "../src/auth/api-tokens.ts";

@ObjectType()
class Probe {
  @Field(() => String)
  label!: string;

  @Field(() => String, { name: "shown" })
  stored!: string;

  @Field(() => Int)
  @Extensions({ [PROMISED]: true })
  later!: Promise<number>;

  @Field(() => String)
  get computed(): string {
    return `computed from ${this.label}`;
  }
}

@ArgsType()
class ProbeArgs {
  @Field(() => Int)
  times: number = 2;
}

const calls: string[] = [];

@Resolver(() => Probe)
class ProbeResolver {
  @Query(() => Probe)
  probe(@Ctx("prefix") prefix: string): Probe {
    return Object.assign(new Probe(), { label: `${prefix}-probe`, stored: "kept under another name", later: Promise.resolve(7) });
  }

  @Query(() => String)
  @UseMiddleware(async (_data, next) => `wrapped ${String(await next())}`)
  guarded(): string {
    return "inner";
  }

  @Query(() => String, { nullable: true })
  @Authorized()
  secret(): string {
    return "secret";
  }

  @FieldResolver(() => String)
  repeated(@Root() probe: { label: string }, @Args(() => ProbeArgs) { times }: ProbeArgs, @Info() info: { fieldName: string }): string {
    calls.push(info.fieldName);
    return Array(times).fill(probe.label).join(",");
  }
}

test("plain fields lose the adapter; middlewares, roles and getters keep type-graphql's", async () => {
  const schema = await buildSchema({ resolvers: [ProbeResolver], validate: false, authChecker: () => false });
  const before = (schema.getType("Probe") as GraphQLObjectType).getFields();
  const guarded = schema.getQueryType()!.getFields().guarded!.resolve;
  const changed = directResolvers(schema, [ProbeResolver]);
  const probe = (schema.getType("Probe") as GraphQLObjectType).getFields();
  const query = schema.getQueryType()!.getFields();

  assert.equal(probe.label!.resolve, undefined, "a property is read by GraphQL's default");
  assert.equal(probe.computed!.resolve, before.computed!.resolve, "a getter on the type keeps type-graphql's");
  assert.equal(query.guarded!.resolve, guarded, "a middleware keeps type-graphql's");
  assert.equal(typeof probe.later!.resolve, "function", "a promised property is read by a resolver, which waits for it");
  assert.equal(changed, 5, "label, shown, later, repeated and probe");

  const result = await execute({
    schema,
    document: parse(`{ probe { label shown later computed repeated twice: repeated(times: 3) } guarded secret }`),
    contextValue: { prefix: "p" },
  });
  assert.equal(result.errors?.length, 1, JSON.stringify(result.errors));
  assert.deepEqual(JSON.parse(JSON.stringify(result.data)), {
    probe: { label: "p-probe", shown: "kept under another name", later: 7, computed: "computed from p-probe", repeated: "p-probe,p-probe", twice: "p-probe,p-probe,p-probe" },
    guarded: "wrapped inner",
    secret: null,
  });
  assert.match(String(result.errors?.[0]?.message), /Access denied/, "roles still checked");
  assert.deepEqual(calls, ["repeated", "repeated"]);
});

test("the app's mutations keep type-graphql's authorization", async () => {
  const schema = await buildAppSchema();
  const result = await execute({
    schema,
    document: parse(`mutation { createTheme(input: { slug: "x", name: "X" }) { slug } }`),
    contextValue: { sql: { statements: 0 }, viewer: authenticate(undefined, []) },
  });
  assert.equal(result.data, null);
  assert.equal(result.errors?.[0]?.extensions?.code, "UNAUTHENTICATED", JSON.stringify(result.errors));
});
