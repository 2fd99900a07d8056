/**
 * Writes need `Authorization: Bearer <token>`: every mutation of the schema, without a token or with
 * a wrong one, is UNAUTHENTICATED, sends no SQL and leaves every row as it was; with a configured
 * token each of ours writes, and the write reads back. Reads stay public.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { getNamedType, getNullableType, isCompositeType, isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLInputType } from "graphql";
import { projectRoot } from "../src/paths.ts";
import { buildAppSchema } from "../src/schema.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { dumpDatabase } from "./helpers/dump.ts";
import { send, writeToken } from "./helpers/writes.ts";

const token = writeToken();
let t: TestApp;
before(async () => {
  t = await startTestApp("pglite", { env: token.env });
});
after(async () => t?.close());

/** Some value of an input type that passes GraphQL's own coercion (auth is checked before our validation). */
function sample(type: GraphQLInputType): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [sample(inner.ofType)];
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  if (isInputObjectType(inner)) {
    return Object.fromEntries(Object.values(inner.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sample(f.type)]));
  }
  return { Int: 1, Float: 1, Boolean: true }[inner.name] ?? "x";
}

/** Each Mutation field of the schema as a request with sample arguments. */
async function everyMutation(): Promise<{ name: string; query: string; variables: Record<string, unknown> }[]> {
  const mutation = (await buildAppSchema()).getMutationType()!;
  return Object.values(mutation.getFields()).map((field) => {
    const args = field.args;
    const params = args.map((a) => `$${a.name}: ${a.type}`).join(", ");
    const call = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(", ")})` : "";
    const selection = isCompositeType(getNamedType(field.type)) ? " { __typename }" : "";
    return {
      name: field.name,
      query: `mutation${params ? ` (${params})` : ""} { ${field.name}${call}${selection} }`,
      variables: Object.fromEntries(args.map((a) => [a.name, sample(a.type)])),
    };
  });
}

describe("without a valid token", () => {
  const cases = {
    "no token": { headers: {}, message: /Authorization: Bearer <token>/ },
    "a wrong token": { headers: { authorization: `Bearer ${writeToken().token}` }, message: /not valid/ },
    "the digest instead of the token": { headers: { authorization: `Bearer ${token.env.API_TOKEN_SHA256.split(",")[1]}` }, message: /not valid/ },
    "not a bearer token": { headers: { authorization: `Basic ${Buffer.from(`u:${token.token}`).toString("base64")}` }, message: /must be `Bearer <token>`/ },
  };
  for (const [name, { headers, message }] of Object.entries(cases)) {
    test(`${name}: every mutation is UNAUTHENTICATED, sends no SQL and changes nothing`, async () => {
      const mutations = await everyMutation();
      assert.ok(mutations.length >= 8, mutations.map((m) => m.name).join());
      const before = await dumpDatabase(t.app.db.prisma);
      for (const m of mutations) {
        const res = await send(t.app.url, m.query, m.variables, headers);
        assert.equal(res.body.errors?.[0]?.extensions?.code, "UNAUTHENTICATED", `${m.name}: ${JSON.stringify(res.body)}`);
        assert.match(res.body.errors![0]!.message, message);
        assert.equal(res.body.data, null, m.name);
        assert.equal(res.statements, 0, `${m.name} sent SQL`);
      }
      assert.deepEqual(await dumpDatabase(t.app.db.prisma), before);
      const check = await send(t.app.url, "{ curator }", undefined, headers);
      assert.equal(check.body.errors?.[0]?.extensions?.code, "UNAUTHENTICATED", "checking the token says why too");
    });
  }

  test("reads stay public", async () => {
    const res = await send(t.app.url, `{ theme(slug: "space") { name } }`);
    assert.deepEqual(res.body, { data: { theme: { name: "Space exploration" } } });
  });
});

describe("with the token, each write happens and reads back", () => {
  const as = (query: string, variables?: Record<string, unknown>) => send(t.app.url, query, variables, token.bearer);
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await as(query, variables);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return res.body.data;
  };
  const read = async (query: string) => (await send(t.app.url, query)).body.data;
  const EVENT = "2021-06-23-xi-video-call-shenzhou-12-crew";
  const themesOf = async () => (await read(`{ event(slug: "${EVENT}") { themes { nodes { slug } } } }`)).event.themes.nodes.map((n: any) => n.slug);

  test("a client checks its token: `curator` names who it writes as", async () => {
    assert.deepEqual(await ok("{ curator }"), { curator: `token ${token.env.API_TOKEN_SHA256.split(",")[1]!.slice(0, 8)}` });
  });

  test("createTheme, updateTheme", async () => {
    await ok(`mutation { createTheme(input: { slug: "auth-check", name: "Auth check", aliases: ["AC"] }) { slug } }`);
    assert.deepEqual((await read(`{ theme(slug: "auth-check") { name aliases } }`)).theme, { name: "Auth check", aliases: ["AC"] });
    await ok(`mutation { updateTheme(slug: "auth-check", input: { name: "Checked" }) { name } }`);
    assert.equal((await read(`{ theme(slug: "auth-check") { name } }`)).theme.name, "Checked");
  });

  test("tagEvent, untagEvent", async () => {
    assert.ok(!(await themesOf()).includes("talent"));
    const tagged = await ok(`mutation { tagEvent(event: "${EVENT}", theme: "talent") { themes { nodes { slug } } } }`);
    assert.ok(tagged.tagEvent.themes.nodes.some((n: any) => n.slug === "talent"), "the answer shows the tag");
    assert.ok((await themesOf()).includes("talent"));
    await ok(`mutation { untagEvent(event: "${EVENT}", theme: "talent") { slug } }`);
    assert.ok(!(await themesOf()).includes("talent"));
  });

  test("deleteTheme", async () => {
    await ok(`mutation { deleteTheme(slug: "auth-check") }`);
    assert.equal((await read(`{ theme(slug: "auth-check") { name } }`)).theme, null);
  });

  test("mergePeople, mergeOrganizations", async () => {
    await ok(`mutation { mergePeople(keep: "liu-boming", merge: "tang-hongbo") { slug } }`);
    assert.equal((await read(`{ person(slug: "tang-hongbo") { name } }`)).person, null);
    assert.ok((await read(`{ person(slug: "liu-boming") { aliases } }`)).person.aliases.includes("Tang Hongbo"));
    await ok(`mutation { mergeOrganizations(keep: "gac-aion", merge: "siasun") { slug } }`);
    assert.equal((await read(`{ organization(slug: "siasun") { name } }`)).organization, null);
  });

  test("ingestDocument", async () => {
    const fixture = path.join(projectRoot, "tests", "fixtures", "2023-06-02-space-letter-follow-up");
    const [annotation, text] = await Promise.all([readFile(`${fixture}.yaml`, "utf8"), readFile(`${fixture}.txt`, "utf8")]);
    const d = await ok(`mutation ($annotation: String!, $text: String!) { ingestDocument(annotation: $annotation, text: $text) { document { slug } problems { message } } }`, { annotation, text });
    assert.deepEqual(d.ingestDocument, { document: { slug: "2023-06-02-space-letter-follow-up" }, problems: [] });
    const stored = (await read(`{ document(slug: "2023-06-02-space-letter-follow-up") { title annotation claims(subject: EVENT, property: REFERENCE) { totalCount } } }`)).document;
    assert.ok(stored.title);
    assert.equal(stored.annotation, annotation, "the annotation is kept as sent: downloaded and corrected later");
    assert.ok(stored.claims.totalCount >= 1, "its claims are listed under it");
  });
});
