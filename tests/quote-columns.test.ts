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
  event: "{ slug title }",
  themes: "{ nodes { slug } }",
};

test("every Quote field asked alone in a list answers as the whole row does", async () => {
  const fields: { name: string; type: { kind: string; ofType: { kind: string } | null } }[] =
    (await data(`{ __type(name: "Quote") { fields { name type { kind ofType { kind } } } } }`)).__type.fields;
  const lists: Record<string, (f: string) => string> = {
    root: (f) => `{ quotes(first: 30, orderBy: DOCUMENT_ORDER) { nodes { ${f} } } }`,
    "folded under events": (f) => `{ events(first: 20) { nodes { quotes(first: 10) { nodes { ${f} } } } } }`,
    "under a person": (f) => `{ person(slug: "xi-jinping") { quotes(first: 30) { nodes { ${f} } } } }`,
  };
  const slugsOf = async (list: (f: string) => string): Promise<string[]> => {
    const found: string[] = [];
    JSON.stringify(await data(list("slug")), (key, value) => (key === "slug" && found.push(value), value));
    return found;
  };
  for (const field of fields) {
    const scalar = ["SCALAR", "ENUM"].includes(field.type.kind === "NON_NULL" ? field.type.ofType!.kind : field.type.kind);
    assert.ok(scalar || SUBSELECTIONS[field.name], `Quote.${field.name} is new: give it a selection in SUBSELECTIONS`);
    const selection = scalar ? field.name : `${field.name} ${SUBSELECTIONS[field.name]}`;
    for (const [where, list] of Object.entries(lists)) {
      const slugs = await slugsOf(list);
      assert.ok(slugs.length > 3, `${where}: quotes to compare`);
      const listed: unknown[] = [];
      JSON.stringify(await data(list(selection)), (key, value) => (key === "nodes" && Array.isArray(value) && listed.push(...value.filter((n) => n && field.name in n)), value));
      const whole = await data(`{ ${slugs.map((slug, i) => `q${i}: quote(slug: "${slug}") { ${selection} }`).join(" ")} }`);
      assert.deepEqual(listed, slugs.map((_, i) => whole[`q${i}`]), `Quote.${field.name} ${where}`);
    }
  }
});
