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
import { writeToken } from "./helpers/writes.ts";

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
        const res = await t.send(m.query, m.variables, headers);
        assert.equal(res.body.errors?.[0]?.extensions?.code, "UNAUTHENTICATED", `${m.name}: ${JSON.stringify(res.body)}`);
        assert.match(res.body.errors![0]!.message, message);
        assert.equal(res.body.data, null, m.name);
        assert.equal(res.statements, 0, `${m.name} sent SQL`);
      }
      assert.deepEqual(await dumpDatabase(t.app.db.prisma), before);
      const check = await t.send("{ curator }", undefined, headers);
      assert.equal(check.body.errors?.[0]?.extensions?.code, "UNAUTHENTICATED", "checking the token says why too");
    });
  }

  test("reads stay public", async () => {
    const res = await t.send(`{ theme(slug: "space") { name } }`);
    assert.deepEqual(res.body, { data: { theme: { name: "Space exploration" } } });
  });
});

describe("with the token, each write happens and reads back", () => {
  const EVENT = "2021-06-23-xi-video-call-shenzhou-12-crew";
  const themesOf = async () => (await t.data(`{ event(slug: "${EVENT}") { themes { nodes { slug } } } }`)).event.themes.nodes.map((n: any) => n.slug);

  test("a client checks its token: `curator` names who it writes as", async () => {
    assert.deepEqual(await t.data("{ curator }", undefined, token.bearer), { curator: `token ${token.env.API_TOKEN_SHA256.split(",")[1]!.slice(0, 8)}` });
  });

  test("createTheme, updateTheme", async () => {
    await t.data(`mutation { createTheme(input: { slug: "auth-check", name: "Auth check", aliases: ["AC"] }) { slug } }`, undefined, token.bearer);
    assert.deepEqual((await t.data(`{ theme(slug: "auth-check") { name aliases } }`)).theme, { name: "Auth check", aliases: ["AC"] });
    await t.data(`mutation { updateTheme(slug: "auth-check", input: { name: "Checked" }) { name } }`, undefined, token.bearer);
    assert.equal((await t.data(`{ theme(slug: "auth-check") { name } }`)).theme.name, "Checked");
  });

  test("tagEvent, untagEvent", async () => {
    assert.ok(!(await themesOf()).includes("talent"));
    const tagged = await t.data(`mutation { tagEvent(event: "${EVENT}", theme: "talent") { themes { nodes { slug } } } }`, undefined, token.bearer);
    assert.ok(tagged.tagEvent.themes.nodes.some((n: any) => n.slug === "talent"), "the answer shows the tag");
    assert.ok((await themesOf()).includes("talent"));
    await t.data(`mutation { untagEvent(event: "${EVENT}", theme: "talent") { slug } }`, undefined, token.bearer);
    assert.ok(!(await themesOf()).includes("talent"));
  });

  test("deleteTheme", async () => {
    await t.data(`mutation { deleteTheme(slug: "auth-check") }`, undefined, token.bearer);
    assert.equal((await t.data(`{ theme(slug: "auth-check") { name } }`)).theme, null);
  });

  test("mergePeople, mergeOrganizations", async () => {
    await t.data(`mutation { mergePeople(keep: "liu-boming", merge: "tang-hongbo") { slug } }`, undefined, token.bearer);
    assert.equal((await t.data(`{ person(slug: "tang-hongbo") { name } }`)).person, null);
    assert.ok((await t.data(`{ person(slug: "liu-boming") { aliases } }`)).person.aliases.includes("Tang Hongbo"));
    await t.data(`mutation { mergeOrganizations(keep: "gac-aion", merge: "siasun") { slug } }`, undefined, token.bearer);
    assert.equal((await t.data(`{ organization(slug: "siasun") { name } }`)).organization, null);
  });

  test("ingestDocument", async () => {
    const fixture = path.join(projectRoot, "tests", "fixtures", "2023-06-02-space-letter-follow-up");
    const [annotation, text] = await Promise.all([readFile(`${fixture}.yaml`, "utf8"), readFile(`${fixture}.txt`, "utf8")]);
    const d = await t.data(`mutation ($annotation: String!, $text: String!) { ingestDocument(annotation: $annotation, text: $text) { document { slug } problems { message } } }`, { annotation, text }, token.bearer);
    assert.deepEqual(d.ingestDocument, { document: { slug: "2023-06-02-space-letter-follow-up" }, problems: [] });
    const stored = (await t.data(`{ document(slug: "2023-06-02-space-letter-follow-up") { title annotation claims(subject: EVENT, property: REFERENCE) { totalCount } } }`)).document;
    assert.ok(stored.title);
    assert.equal(stored.annotation, annotation, "the annotation is kept as sent: downloaded and corrected later");
    assert.ok(stored.claims.totalCount >= 1, "its claims are listed under it");
  });
});
