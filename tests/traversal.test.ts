/**
 * The foundation's promise, over HTTP on both databases: from theme basic-research to its events,
 * their people, organizations and quotes with speakers in one request, with a known SQL budget.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, type Backend, type TestApp } from "./helpers/app.ts";
import { skipWithoutPostgres } from "./helpers/postgres.ts";

const TRAVERSAL = /* GraphQL */ `
  query Traversal($slug: String!) {
    theme(slug: $slug) {
      id slug name
      events {
        nodes {
          slug title place
          date { iso precision year month day start end }
          people { nodes { slug name roles } }
          organizations { nodes { slug name aliases } }
          quotes { nodes { text kind speaker { slug name } evidence { start end text paragraph document { slug } } } }
        }
      }
    }
  }`;

/**
 * Statements the traversal sends: the planner's one statement (src/read/plan.ts), then the evidence
 * documents whose text the cited passages slice (Evidence.text runs in JavaScript: src/read/complete.ts).
 */
const TRAVERSAL_STATEMENTS = 2;

for (const backend of ["pglite", "postgresql"] as Backend[]) {
  describe(`traversal on ${backend}`, async () => {
    const skip = backend === "postgresql" ? await skipWithoutPostgres() : false;
    let t: TestApp;
    before(async () => {
      if (!skip) t = await startTestApp(backend);
    });
    after(async () => t?.close());

    test("basic-research -> events -> people, organizations, quotes with speakers, in one request", { skip }, async () => {
      const res = await t.gql(TRAVERSAL, { slug: "basic-research" });
      assert.equal(res.status, 200);
      assert.equal(res.body.errors, undefined);
      const theme = res.body.data.theme;
      assert.equal(theme.name, "Basic research");
      assert.deepEqual(
        theme.events.nodes.map((e: any) => [e.slug, e.date.iso, e.date.precision]),
        [
          ["2023-02-politburo-group-study-session", "2023-02", "MONTH"],
          ["2022-04-21-xi-reply-to-ustb-professors", "2022-04-21", "DAY"],
        ],
        "basic-research events, latest first, with their partial dates",
      );
      const [session, reply] = theme.events.nodes.map((e: any) => ({
        ...e, people: e.people.nodes, organizations: e.organizations.nodes, quotes: e.quotes.nodes,
      }));
      assert.deepEqual(session.date, { iso: "2023-02", precision: "MONTH", year: 2023, month: 2, day: null, start: "2023-02-01", end: "2023-02-28" });
      assert.deepEqual(reply.people.map((p: any) => p.slug), ["hu-chenghuan", "xi-jinping"]);
      assert.deepEqual(reply.organizations, [{ slug: "ustb", name: "Beijing University of Science and Technology", aliases: ["USTB"] }]);
      assert.ok(reply.quotes.length >= 1 && reply.quotes.every((q: any) => q.speaker.slug === "xi-jinping"));
      for (const q of [...session.quotes, ...reply.quotes]) {
        assert.equal(q.evidence.text, q.text, "a quote's text is exactly the document's characters at its evidence span");
        assert.equal(q.evidence.document.slug, "2023-05-29-science-technology-innovation");
      }
      assert.equal(res.statements, TRAVERSAL_STATEMENTS, "SQL statements for the traversal");
    });

    test("space events carry their direct quotes verbatim, with speaker", { skip }, async () => {
      const res = await t.gql(TRAVERSAL, { slug: "space" });
      const events = res.body.data.theme.events.nodes.map((e: any) => ({ ...e, people: e.people.nodes, quotes: e.quotes.nodes }));
      assert.deepEqual(
        events.map((e: any) => e.date.iso),
        ["2021-06-23", "2021-02-22", "2020", "2004", "1970-04-24"],
      );
      const call = events.find((e: any) => e.slug === "2021-06-23-xi-video-call-shenzhou-12-crew");
      assert.deepEqual(call.people.map((p: any) => p.name), ["Liu Boming", "Nie Haisheng", "Tang Hongbo", "Xi Jinping"]);
      const direct = call.quotes.filter((q: any) => q.kind === "DIRECT");
      assert.equal(direct.length, 1);
      assert.equal(
        direct[0].text,
        "The construction of the space station is a milestone in China’s space industry and will make a pioneering contribution to the peaceful use of space by mankind,",
      );
      assert.equal(direct[0].speaker.name, "Xi Jinping");
      const program = events.find((e: any) => e.date.iso === "2004");
      assert.deepEqual([program.date.precision, program.date.start, program.date.end], ["YEAR", "2004-01-01", "2004-12-31"]);
    });

    test("batching: the SQL count does not grow with page size", { skip }, async () => {
      const query = (n: number) => `{ themes(first: ${n}) { nodes { events(first: ${n}) { nodes { people(first: ${n}) { nodes { slug } } quotes(first: ${n}) { nodes { speaker { slug } } } } } } } }`;
      const small = await t.gql(query(1));
      const large = await t.gql(query(20));
      assert.equal(large.body.errors, undefined);
      assert.ok(large.body.data.themes.nodes.length >= 5, "the seed has at least five themes");
      assert.equal(small.statements, large.statements);
      assert.equal(large.statements, 1, "the planner's one statement");
    });

    test("node(id) fetches any object by its global id; unknown ids give null", { skip }, async () => {
      const ids = await t.gql(`{ theme(slug: "space") { id } person(slug: "xi-jinping") { id quotes(first: 1) { nodes { id } } } organization(slug: "ustb") { id } event(slug: "2004-change-program-established") { id } }`);
      const d = ids.body.data;
      const res = await t.gql(
        `query ($a: ID!, $b: ID!, $c: ID!, $d: ID!, $e: ID!) {
          a: node(id: $a) { __typename id ... on Theme { slug } }
          b: node(id: $b) { __typename ... on Person { slug } }
          c: node(id: $c) { __typename ... on Organization { slug aliases } }
          d: node(id: $d) { __typename ... on Event { date { iso } } }
          e: node(id: $e) { __typename ... on Quote { kind } }
          missing: node(id: "bm90OmFuIGlk") { id }
        }`,
        { a: d.theme.id, b: d.person.id, c: d.organization.id, d: d.event.id, e: d.person.quotes.nodes[0].id },
      );
      assert.equal(res.body.errors, undefined);
      assert.deepEqual(res.body.data.a, { __typename: "Theme", id: d.theme.id, slug: "space" });
      assert.deepEqual(res.body.data.b, { __typename: "Person", slug: "xi-jinping" });
      assert.deepEqual(res.body.data.c, { __typename: "Organization", slug: "ustb", aliases: ["USTB"] });
      assert.deepEqual(res.body.data.d, { __typename: "Event", date: { iso: "2004" } });
      assert.equal(res.body.data.e.__typename, "Quote");
      assert.equal(res.body.data.missing, null);
    });

    test("person and organization sides of the graph", { skip }, async () => {
      const res = await t.gql(`{
        person(slug: "hu-chenghuan") { name roles organizations { nodes { role organization { slug } } } events { nodes { slug } } }
        organization(slug: "ustb") { people { nodes { role person { slug } } } events { nodes { slug } } }
        missing: theme(slug: "no-such-theme") { id }
      }`);
      assert.equal(res.body.errors, undefined);
      const { person, organization, missing } = res.body.data;
      assert.deepEqual(person.organizations.nodes, [{ role: "professor", organization: { slug: "ustb" } }]);
      assert.deepEqual(person.events.nodes, [{ slug: "2022-04-21-xi-reply-to-ustb-professors" }]);
      assert.deepEqual(organization.people.nodes, [{ role: "professor", person: { slug: "hu-chenghuan" } }]);
      assert.equal(missing, null);
    });

    test("a page size above 100 is refused with a clear error and no SQL", { skip }, async () => {
      const res = await t.gql(`{ themes(first: 101) { nodes { slug } } }`);
      assert.equal(res.body.errors?.[0]?.message, "first must be between 0 and 100, got 101");
      assert.equal(res.body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
      assert.equal(res.statements, 0);
    });
  });
}
