/**
 * The SQL floor: a bare node:http + pg server that answers the benchmark's deep query and 50 latest
 * quotes with ONE hand-written statement each, PostgreSQL building the whole JSON response (the same
 * `{"data":...}` shape our GraphQL service returns). It is what the stack costs with no GraphQL, no ORM
 * and no JS work per field; `npm run bench` reports our throughput as a ratio of it.
 * The deep statement takes the theme's id, bound as a scalar in an unnamed statement, so that PostgreSQL
 * plans for that theme (date index for the popular one, the theme's links for a rare one); the server
 * keeps a slug -> id map, filled once per slug. By slug alone the plan is generic: at scale 10 it sorted
 * all 13,000 events of the popular theme (18 ms of PostgreSQL CPU per request).
 * `node dist/bench/floor.js [--port 0] [--database-url URL]`; POST /deep {"slug":"theme-0"}, POST /quotes.
 */
import http from "node:http";
import { BENCH_DATABASE_OPTION, benchCli, PORT_OPTION, benchPool, DEFAULT_BENCH_URL, option } from "./lib.ts";

benchCli({
  command: "node dist/bench/floor.js",
  synopsis: "[--port N] [--database-url URL]",
  summary: "The SQL floor `npm run bench` compares with: a bare HTTP server answering the deep query (POST /deep {\"slug\":\"theme-0\"}) and the 50 latest quotes (POST /quotes) with one hand-written statement each.",
  options: {
    ...PORT_OPTION,
    ...BENCH_DATABASE_OPTION,
  },
  examples: ["node dist/bench/floor.js --port 4700"],
});

/** A partial date as GraphQL's PartialDate.iso gives it: "2004", "2023-02" or "2021-06-23". */
const isoDate = (t: string) =>
  `CASE ${t}."datePrecision" WHEN 'YEAR' THEN to_char(${t}."dateStart", 'YYYY') ` +
  `WHEN 'MONTH' THEN to_char(${t}."dateStart", 'YYYY-MM') ELSE to_char(${t}."dateStart", 'YYYY-MM-DD') END`;

/** `{ nodes: [...] }` from a json_agg that may be NULL (no rows). */
const nodes = (agg: string) => `json_build_object('nodes', COALESCE(${agg}, '[]'::json))`;

/** Theme by id -> 20 latest events -> 20 people, 20 organizations (by name), 5 quotes (document order) -> speaker. */
const DEEP = `
SELECT json_build_object('data', json_build_object('theme', (
  SELECT json_build_object('name', th.name, 'events', ${nodes(`(
    SELECT json_agg(json_build_object(
      'slug', e.slug, 'title', e.title,
      'date', json_build_object('iso', ${isoDate("e")}, 'precision', e."datePrecision"),
      'people', ${nodes(`(SELECT json_agg(json_build_object('slug', p.slug, 'name', p.name) ORDER BY p.name, p.id) FROM (
        SELECT p.slug, p.name, p.id FROM "EventPerson" ep JOIN "Person" p ON p.id = ep."personId"
        WHERE ep."eventId" = e.id ORDER BY p.name, p.id LIMIT 20) p)`)},
      'organizations', ${nodes(`(SELECT json_agg(json_build_object('slug', o.slug, 'name', o.name) ORDER BY o.name, o.id) FROM (
        SELECT o.slug, o.name, o.id FROM "EventOrganization" eo JOIN "Organization" o ON o.id = eo."organizationId"
        WHERE eo."eventId" = e.id ORDER BY o.name, o.id LIMIT 20) o)`)},
      'quotes', ${nodes(`(SELECT json_agg(json_build_object('text', q.text, 'kind', q.kind,
          'speaker', json_build_object('slug', s.slug, 'name', s.name)) ORDER BY q."documentId", q.start, q.id) FROM (
        SELECT q.* FROM "Quote" q WHERE q."eventId" = e.id ORDER BY q."documentId", q.start, q.id LIMIT 5) q
        JOIN "Person" s ON s.id = q."speakerId")`)}
    ) ORDER BY e."dateStart" DESC, e.id DESC)
    FROM (SELECT e.* FROM "EventTheme" et JOIN "Event" e ON e.id = et."eventId"
          WHERE et."themeId" = $1 ORDER BY e."dateStart" DESC, e.id DESC LIMIT 20) e)`)})
  FROM "Theme" th WHERE th.id = $1)))::text AS body`;

/**
 * The 50 latest quotes, each with its speaker, written as our planner writes it, which is also the
 * cheapest form found. Two other forms cost PostgreSQL 2-3x the CPU: the speaker as a JOIN (hashes
 * every person: a sequential scan of Person per request), and the json_agg at the statement's top
 * level (`SELECT json_build_object(.., json_agg(..)) FROM (..) q`): each execution then grows and
 * trims the backend's heap (6 brk calls per statement under strace, none in this form), so that it
 * did not even scale with clients (pgbench: 1,630 tps with 1 client, 1,800 with 4, against
 * 3,340 and 6,330 for this one), and by how much depended on the backend's earlier work.
 */
const QUOTES = `
SELECT json_build_object('data', json_build_object('quotes', (SELECT ${nodes(`json_agg(json_build_object(
  'text', q.text, 'kind', q.kind, 'date', json_build_object('iso', ${isoDate("q")}),
  'speaker', (SELECT json_build_object('slug', s.slug, 'name', s.name) FROM "Person" s WHERE s.id = q."speakerId"))
  ORDER BY q."dateStart" DESC, q.id DESC)`)}
  FROM (SELECT * FROM "Quote" ORDER BY "dateStart" DESC, id DESC LIMIT 50) q)))::text AS body`;

const pool = benchPool(option("database-url", DEFAULT_BENCH_URL), 10);

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
}

const themeIds = new Map<string, string>();

async function themeId(slug: string): Promise<string | undefined> {
  if (!themeIds.has(slug)) {
    const { rows } = await pool.query<{ id: string }>(`SELECT id FROM "Theme" WHERE slug = $1`, [slug]);
    if (rows[0]) themeIds.set(slug, rows[0].id);
  }
  return themeIds.get(slug);
}

/** Deep: unnamed, so planned for its theme id. Quotes has no parameter: named, prepared once per connection. */
async function answer(path: string, body: Record<string, unknown>): Promise<string | undefined> {
  if (path === "/deep") {
    const id = await themeId(String(body.slug));
    if (id === undefined) return `{"data":{"theme":null}}`;
    return (await pool.query<{ body: string }>(DEEP, [id])).rows[0]!.body;
  }
  if (path === "/quotes") return (await pool.query<{ body: string }>({ name: "quotes", text: QUOTES })).rows[0]!.body;
  return undefined;
}

const server = http.createServer((req, res) => {
  readJson(req)
    .then((body) => answer(req.url ?? "/", body))
    .then((json) => {
      if (json === undefined) res.writeHead(404).end();
      else res.writeHead(200, { "content-type": "application/json; charset=utf-8", "x-sql-statements": "1" }).end(json);
    })
    .catch((error: Error) => res.writeHead(500, { "content-type": "text/plain" }).end(error.message));
});

server.listen(Number(option("port", "0")), "127.0.0.1", () => {
  const { port } = server.address() as { port: number };
  console.log(`floor serving http://127.0.0.1:${port}/`);
});
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
