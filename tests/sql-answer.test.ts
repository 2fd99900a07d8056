/**
 * Query.quotes asking only plain fields of its nodes is answered by PostgreSQL alone
 * (src/graphql/sql-answer.ts). Every such answer must equal the executor's answer to the same query,
 * which a directive on `nodes` forces (`@include(if: true)` changes nothing but the path taken):
 * each field, aliases, partial dates at every precision, orders, filters, cursors both ways,
 * variables; on PGlite and on PostgreSQL. Requests the resolver refuses are refused as before.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { skipWithoutPostgres } from "./helpers/postgres.ts";
import { sqlRootLists } from "../src/schema.ts";
import type { JsonType } from "../src/graphql/sql-json.ts";

/** Every field PostgreSQL writes for a type, nested objects included: a field added there is compared too. */
const everyField = (type: JsonType): string =>
  Object.entries(type.fields).map(([name, field]) => (typeof field === "string" ? name : `${name} { ${everyField(field)} }`)).join(" ");

/**
 * Quotes said in a year, in a leap February and in a December, next to the seed's (all to the day).
 * Their ids make global ids whose base64 has "+", "/" and padding, and non-ASCII characters.
 */
const FIXTURE = `
  INSERT INTO "Quote" (id, slug, text, kind, "speakerId", "eventId", "documentId", paragraph, start, "end", "dateStart", "dateEnd", "datePrecision", "updatedAt")
  SELECT p.id, 'fixture-' || p.tag, 'Said in ' || p.tag || ', "quoted".', 'PARAPHRASE', q."speakerId", q."eventId", q."documentId",
         q.paragraph, q.start, q."end", p.first, p.last, p.precision::"DatePrecision", now()
  FROM (SELECT * FROM "Quote" ORDER BY id LIMIT 1) q,
       (VALUES ('year', 'qt-year-?û>?', date '1999-01-01', date '1999-12-31', 'YEAR'),
               ('february', 'qt-february-û>ÿû', date '2000-02-01', date '2000-02-29', 'MONTH'),
               ('december', 'qt-december-û>ÿû', date '2001-12-01', date '2001-12-31', 'MONTH')) p(tag, id, first, last, precision)`;

const SELECTIONS = [
  "slug text kind",
  "__typename id",
  "date { iso precision year month day start end }",
  "speaker { __typename id slug name aliases roles }",
  "said: text when: date { i: iso p: precision } who: speaker { n: name id }",
];

const ARGUMENTS = [
  "",
  "(first: 3)",
  "(first: 0)",
  "(last: 4)",
  "(first: 100, orderBy: EARLIEST_FIRST)",
  "(first: 100, orderBy: DOCUMENT_ORDER)",
  "(first: 100, filter: { kind: DIRECT })",
  '(filter: { from: "1999", to: "2001-12" })',
  '(filter: { speaker: "nobody-at-all" })',
];

interface Answer {
  text: string;
  body: { data?: any; errors?: { message: string; path?: unknown[] }[] };
  statements: number;
}

for (const backend of ["pglite", "postgresql"] as const) {
  describe(`quotes answered by ${backend} alone`, async () => {
    const skip = backend === "postgresql" ? await skipWithoutPostgres() : false;
    let t: TestApp;
    before(async () => {
      if (skip) return;
      t = await startTestApp(backend);
      await t.app.db.prisma.$executeRawUnsafe(FIXTURE);
    });
    after(async () => t?.close());

    async function ask(query: string, variables?: Record<string, unknown>): Promise<Answer> {
      const res = await fetch(t.app.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
      const text = await res.text();
      return { text, body: JSON.parse(text), statements: Number(res.headers.get("x-sql-statements")) };
    }

    /** Asks `<list><args> { nodes { selection } }` both ways; returns PostgreSQL's answer after comparing. */
    async function both(args: string, selection: string, variables?: Record<string, unknown>, head = "", list = "quotes"): Promise<Answer> {
      const sql = await ask(`${head} { ${list}${args} { nodes { ${selection} } } }`, variables);
      const executor = await ask(`${head} { ${list}${args} { nodes @include(if: true) { ${selection} } } }`, variables);
      const where = `${list}${args} { nodes { ${selection} } } ${JSON.stringify(variables ?? {})}`;
      assert.equal(sql.body.errors, undefined, `${where}: ${JSON.stringify(sql.body.errors)}`);
      assert.deepEqual(sql.body, executor.body, where);
      assert.equal(sql.statements, 1, `${where}: one statement`);
      // PostgreSQL writes `"key" : value`, JSON.stringify `"key":value`: which path answered.
      if (sql.body.data[list].nodes.length > 0) {
        assert.match(sql.text, /" : /, `${where}: written by PostgreSQL`);
        assert.doesNotMatch(executor.text, /" : /, `${where}: the directive sends it to the executor`);
      }
      return sql;
    }

    test("every field, alias and argument answers as the executor does", { skip }, async () => {
      for (const args of ARGUMENTS) for (const selection of SELECTIONS) await both(args, selection);
      const dated = (await both('(filter: { from: "1999", to: "2001-12" })', "slug date { iso precision month day end }")).body.data.quotes.nodes;
      assert.deepEqual(dated.map((q: any) => [q.slug, q.date]), [
        ["fixture-december", { iso: "2001-12", precision: "MONTH", month: 12, day: null, end: "2001-12-31" }],
        ["fixture-february", { iso: "2000-02", precision: "MONTH", month: 2, day: null, end: "2000-02-29" }],
        ["fixture-year", { iso: "1999", precision: "YEAR", month: null, day: null, end: "1999-12-31" }],
      ]);
      const aliased = await ask("{ q: quotes(first: 2) { n: nodes { slug } } }");
      assert.match(aliased.text, /^\{"data":\{"q":\{"n":\[\{"slug" : /);
      assert.deepEqual(aliased.body, await ask("{ q: quotes(first: 2) { n: nodes @include(if: true) { slug } } }").then((a) => a.body));
      const empty = await ask('{ quotes(filter: { speaker: "nobody-at-all" }) { nodes { slug } } }');
      assert.equal(empty.text, '{"data":{"quotes":{"nodes":[]}}}');
    });

    test("pages from cursors, forward and backward, and variables, answer as the executor does", { skip }, async () => {
      const edges = (await ask("{ quotes(first: 100) { edges { cursor node { slug } } } }")).body.data.quotes.edges;
      assert.ok(edges.length > 10);
      const head = "query ($first: Int, $after: String, $last: Int, $before: String)";
      const args = "(first: $first, after: $after, last: $last, before: $before)";
      for (const i of [0, 4, edges.length - 2, edges.length - 1]) {
        const after = await both(args, "slug", { first: 3, after: edges[i].cursor }, head);
        assert.deepEqual(after.body.data.quotes.nodes.map((q: any) => q.slug), edges.slice(i + 1, i + 4).map((e: any) => e.node.slug));
        const before = await both(args, "slug", { last: 3, before: edges[i].cursor }, head);
        assert.deepEqual(before.body.data.quotes.nodes.map((q: any) => q.slug), edges.slice(Math.max(0, i - 3), i).map((e: any) => e.node.slug));
      }
      await both(args, "slug text", {}, head); // no variables given: the default page
    });

    test("every field of every list PostgreSQL answers alone answers as the executor does", { skip }, async () => {
      for (const [list, { item }] of Object.entries(sqlRootLists)) {
        const answer = await both("(first: 100)", `__typename ${everyField(item)}`, undefined, "", list);
        assert.ok(answer.body.data[list].nodes.length > 1, `${list}: the seed has some`);
      }
    });

    test("people, organizations, themes and events answer as the executor does", { skip }, async () => {
      const lists: [string, string, string[]][] = [
        ["people", "__typename id slug name aliases roles", ["", "(first: 3)", "(last: 2)", '(filter: { namePrefix: "x" })', '(filter: { namePrefix: "zzz" })']],
        ["organizations", "id slug n: name aliases", ["", "(first: 100)", '(filter: { namePrefix: "c" })']],
        ["themes", "id slug name description aliases keywords", ["", "(first: 2)", "(last: 100)"]],
        ["events", "slug title when: date { iso precision end } place", ["", "(first: 3, orderBy: EARLIEST_FIRST)", '(filter: { from: "2021", to: "2023-02" })', "(last: 2)"]],
      ];
      for (const [list, selection, argumentsOfList] of lists) {
        const answers = [];
        for (const args of argumentsOfList) answers.push(await both(args, selection, undefined, "", list));
        assert.ok(answers[0]!.body.data[list].nodes.length > 1, `${list}: the seed has some`);
      }
    });

    test("arguments the resolver refuses are refused as before, with the field's path", { skip }, async () => {
      for (const [args, message] of [
        ["(first: 101)", /first must be between 0 and 100/],
        ['(after: "not-a-cursor")', /after is not a cursor of this list/],
        ["(first: 2, last: 2)", /pass either first or last/],
      ] as const) {
        const answer = await ask(`{ quotes${args} { nodes { slug } } }`);
        assert.match(answer.body.errors?.[0]?.message ?? "", message, args);
        assert.deepEqual(answer.body.errors?.[0]?.path, ["quotes"], args);
        assert.equal(answer.body.data, null, args);
      }
    });

    test("a query asking more than plain fields of the nodes is the executor's, answered whole", { skip }, async () => {
      const answer = await ask("{ quotes(first: 5) { totalCount nodes { slug evidence { start end } } } }");
      assert.equal(answer.body.errors, undefined);
      assert.equal(answer.body.data.quotes.nodes.length, 5);
      assert.doesNotMatch(answer.text, /" : /);
      const fragment = await ask("{ quotes(first: 5) { nodes { ...Q } } } fragment Q on Quote { slug }");
      assert.deepEqual(fragment.body.data.quotes.nodes, (await ask("{ quotes(first: 5) { nodes { slug } } }")).body.data.quotes.nodes);
    });
  });
}
