/**
 * Quote lists select only the columns the asked fields read (src/quote/quote.columns.ts). Every
 * field of the schema's Quote, asked alone in a list (root, folded under events, under a person),
 * must answer what the same quote answers when loaded whole by its slug.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "./helpers/app.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp("pglite");
});
after(async () => t?.close());

async function data(query: string) {
  const res = await t.gql(query);
  assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
  return res.body.data;
}

/** A selection for each object field of Quote; a new object field must be added here. */
const SUBSELECTIONS: Record<string, string> = {
  date: "{ iso precision year month day start end }",
  evidence: "{ start end paragraph text document { slug } }",
  speaker: "{ slug name aliases roles }",
  speakerOrganization: "{ slug name aliases }",
  versions: "{ totalCount nodes { slug evidence { document { slug } } } }",
  event: "{ slug title }",
  themes: "{ nodes { slug } }",
};

const lists: Record<string, (f: string) => string> = {
  root: (f) => `{ quotes(first: 30, orderBy: DOCUMENT_ORDER) { nodes { ${f} } } }`,
  "folded under events": (f) => `{ events(first: 20) { nodes { quotes(first: 10) { nodes { ${f} } } } } }`,
  "under a person": (f) => `{ person(slug: "xi-jinping") { quotes(first: 30) { nodes { ${f} } } } }`,
};

async function slugsOf(list: (f: string) => string): Promise<string[]> {
  const found: string[] = [];
  JSON.stringify(await data(list("slug")), (key, value) => (key === "slug" && found.push(value), value));
  return found;
}

/** Asks `selection` of the quotes in each list, and of the same quotes one by one, whole, by slug. */
async function assertListedAsWhole(selection: string, has: (node: Record<string, unknown>) => boolean) {
  for (const [where, list] of Object.entries(lists)) {
    const slugs = await slugsOf(list);
    assert.ok(slugs.length > 3, `${where}: quotes to compare`);
    const listed: unknown[] = [];
    JSON.stringify(await data(list(selection)), (key, value) => (key === "nodes" && Array.isArray(value) && listed.push(...value.filter((n) => n && has(n))), value));
    const whole = await data(`{ ${slugs.map((slug, i) => `q${i}: quote(slug: "${slug}") { ${selection} }`).join(" ")} }`);
    assert.deepEqual(listed, slugs.map((_, i) => whole[`q${i}`]), `${selection} ${where}`);
  }
}

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
const TYPE_REF = "type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";
const named = (type: TypeRef): TypeRef => (type.ofType ? named(type.ofType) : type);
const isLeaf = (type: TypeRef) => ["SCALAR", "ENUM"].includes(named(type).kind);
const fieldsOf = async (type: string): Promise<{ name: string; type: TypeRef }[]> =>
  (await data(`{ __type(name: "${type}") { fields { name ${TYPE_REF} } } }`)).__type.fields;

test("every Quote field asked alone in a list answers as the whole row does", async () => {
  for (const field of await fieldsOf("Quote")) {
    const scalar = isLeaf(field.type);
    assert.ok(scalar || SUBSELECTIONS[field.name], `Quote.${field.name} is new: give it a selection in SUBSELECTIONS`);
    await assertListedAsWhole(scalar ? field.name : `${field.name} ${SUBSELECTIONS[field.name]}`, (n) => field.name in n);
  }
});

test("every field of a listed quote's speaker, asked alone, answers as the whole speaker does", async () => {
  // Lists fold in only the speaker's columns its asked fields read (quote.columns.ts).
  const lists: Record<string, string> = { conflicts: "{ property values shown }" }; // object lists that are no connection
  for (const field of await fieldsOf("Person")) {
    const leaf = isLeaf(field.type);
    const connection = named(field.type).name?.endsWith("Connection");
    assert.ok(leaf || connection || lists[field.name], `Person.${field.name} is new: give it a selection here`);
    const selection = leaf ? field.name : `${field.name} ${connection ? "{ totalCount }" : lists[field.name]}`;
    await assertListedAsWhole(`speaker { ${selection} }`, (n) => "speaker" in n);
  }
});
