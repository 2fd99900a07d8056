/**
 * The claims migration upgrades a database filled by the version before claims in place: the graph
 * stays exactly as it was, each fact becomes a claim of the document that made it, deriving the
 * graph again from the claims changes nothing, and removing a document then undoes what it added.
 * The "wave 1" database is tests/fixtures/wave1-seed-and-follow-up.sql (how it was made is at its top).
 */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { ClaimSubject } from "../src/generated/prisma/enums.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import { Changes } from "../src/claims/changes.ts";
import { syncMentions } from "../src/claims/mentions.ts";
import { loadRedirects } from "../src/claims/redirects.ts";
import { syncSubjects } from "../src/claims/sync.ts";
import type { SqlConnection } from "../src/db/connection.ts";
import { openDatabase, type Database } from "../src/db/database.ts";
import { migrate, readMigrations } from "../src/db/migrate.ts";
import { openPGlite, pgliteConnection } from "../src/db/pglite.ts";
import { createPool, withPgConnection } from "../src/db/postgres.ts";
import { removeDocumentBySlug } from "../src/ingest/ingest.ts";
import { projectRoot } from "../src/paths.ts";
import { createThrowawayDatabase, skipWithoutPostgres, type ThrowawayDatabase } from "./helpers/postgres.ts";

const CLAIMS = "20261206000000_claims";
const FIXTURE = path.join(projectRoot, "tests", "fixtures", "wave1-seed-and-follow-up.sql");
const SEED = "2023-05-29-science-technology-innovation";
const FOLLOW_UP = "2023-06-02-space-letter-follow-up";
const LETTER = "2020-xi-letter-to-space-scientists";

/** Rows the migration must leave alone (ids and timestamps included), without the columns it adds. */
const GRAPH = ["Theme", "Person", "Organization", "Event", "EventTheme", "EventPerson", "EventOrganization", "Affiliation",
  "Quote", "QuoteTheme", "EventEvidence", "Mention", "Document", "SearchEntry", "ThemeTimelineBucket"];
const ADDED_COLUMNS = ["sourceHash", "derivedFrom", "utterance", "speakerOrganizationId", "annotation"];

/** A stable order for lists of tuples (compared as JSON). */
const byText = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);
const sorted = <T>(list: T[]) => [...list].sort(byText);

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

async function graphOf(query: Query): Promise<Record<string, unknown>> {
  const dump: Record<string, unknown> = {};
  const drop = ADDED_COLUMNS.map((c) => ` - '${c}'`).join("");
  for (const table of GRAPH) {
    const [row] = await query(`SELECT coalesce(json_agg(j ORDER BY j::text), '[]')::text AS rows FROM (SELECT to_jsonb(t)${drop} AS j FROM "${table}" t) s`);
    dump[table] = JSON.parse(row!.rows as string);
  }
  return dump;
}

/** A theme as wave 1's createTheme mutation made it: no document refers to it. */
const CURATED_THEME = `INSERT INTO "Theme" ("id", "slug", "name", "description", "aliases", "keywords", "updatedAt")
  VALUES ('cm0curatedtheme0000000001', 'space-law', 'Space law', NULL, ARRAY['astro-law', 'outer space treaty', 'aerospace law'], ARRAY['treaty', 'orbit', 'liability'], now())`;

interface Backend {
  /** Runs `fn` on the wave-1 database before it is opened by the service. */
  withConnection<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T>;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

async function postgresBackend(): Promise<Backend> {
  const database: ThrowawayDatabase = await createThrowawayDatabase();
  const options = { databaseUrl: database.url, dataDir: "", dbPoolMax: 2, logSql: false, projectRoot };
  return {
    async withConnection(fn) {
      const pool = createPool(database.url, 1);
      try {
        return await withPgConnection(pool, database.url, fn);
      } finally {
        await pool.end();
      }
    },
    open: () => openDatabase(options),
    dispose: () => database.drop(),
  };
}

async function pgliteBackend(): Promise<Backend> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "themegraph-claims-migration-"));
  const options = { databaseUrl: undefined, dataDir, dbPoolMax: 1, logSql: false, projectRoot };
  return {
    async withConnection(fn) {
      // No pre-migrated snapshot: this database must stop at the migration before claims.
      const embedded = await openPGlite(dataDir);
      try {
        return await fn(pgliteConnection(embedded.pglite));
      } finally {
        await embedded.close();
      }
    },
    open: () => openDatabase(options),
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}

function upgradeSuite(name: string, make: () => Promise<Backend>, skip: string | false) {
  describe(`claims migration on ${name}`, { skip }, () => {
    let backend: Backend;
    let db: Database;
    let prisma: PrismaClient;
    let stored: Record<string, unknown>;

    const claimsOf = (where: object) => prisma.claim.findMany({ where, include: { document: { select: { slug: true } } } });

    before(async () => {
      backend = await make();
      const files = await readMigrations(path.join(projectRoot, "prisma", "migrations"));
      const older = files.filter((f) => f.name < CLAIMS);
      assert.ok(files.some((f) => f.name === CLAIMS));
      const fixture = await readFile(FIXTURE, "utf8");
      stored = await backend.withConnection(async (conn) => {
        await migrate(conn, older, { lock: false });
        await conn.exec(fixture);
        await conn.exec(CURATED_THEME);
        return graphOf((sql) => conn.query(sql));
      });
      // The service's own start applies the claims migration, as an upgrade in place does.
      db = await backend.open();
      prisma = db.prisma;
      assert.ok(db.appliedMigrations.includes(CLAIMS), `applied: ${db.appliedMigrations.join(", ")}`);
    });
    after(async () => {
      await db?.close();
      await backend?.dispose();
    });

    test("no row of the graph changed, ids and timestamps included", async () => {
      assert.deepEqual(await graphOf((sql) => prisma.$queryRawUnsafe(sql)), stored);
      const documents = await prisma.document.findMany({ select: { slug: true, sourceHash: true } });
      assert.deepEqual(documents.map((d) => d.sourceHash), [null, null], "re-ingesting a file once rewrites it under the new rules");
    });

    test("every subject is claimed, and each fact by the document that made it", async () => {
      const subjects: [ClaimSubject, { slug: string }[]][] = [
        ["EVENT", await prisma.event.findMany({ select: { slug: true } })],
        ["PERSON", await prisma.person.findMany({ select: { slug: true } })],
        ["ORGANIZATION", await prisma.organization.findMany({ select: { slug: true } })],
        ["THEME", await prisma.theme.findMany({ select: { slug: true } })],
      ];
      for (const [subject, rows] of subjects) {
        for (const { slug } of rows) assert.ok(await prisma.claim.count({ where: { subject, slug } }), `${subject} ${slug} has no claim`);
      }
      const by = async (where: object) => (await claimsOf(where)).map((c) => [c.document?.slug ?? null, c.value, c.note]).sort(byText);

      // The bundled article describes the letter; the follow-up dates it to the day and adds people.
      assert.deepEqual(await by({ subject: "EVENT", slug: LETTER, property: "TITLE" }), [[SEED, "Xi sends a letter to scientists involved in historic space missions", null]]);
      assert.deepEqual(await by({ subject: "EVENT", slug: LETTER, property: "DATE" }), sorted([[FOLLOW_UP, "2020-04-24", "April 24, 2020"], [SEED, "2020", "2020"]]));
      assert.deepEqual(await by({ subject: "EVENT", slug: LETTER, property: { in: ["PERSON", "ORGANIZATION"] } }),
        sorted([[FOLLOW_UP, "cast", null], [FOLLOW_UP, "cnsa", null], [FOLLOW_UP, "zhang-wei", null], [SEED, "xi-jinping", null]]));
      assert.deepEqual(await by({ subject: "PERSON", slug: "zhang-wei", property: { not: "REFERENCE" } }),
        sorted([[FOLLOW_UP, "Researcher", null], [FOLLOW_UP, "Zhang", null], [FOLLOW_UP, "Zhang Wei", null], [FOLLOW_UP, "cast", "researcher"]]));
      assert.deepEqual(await by({ subject: "PERSON", slug: "xi-jinping", property: "NAME" }), [[SEED, "Xi Jinping", null]]);
      assert.deepEqual(await by({ subject: "PERSON", slug: "hu-chenghuan", property: "AFFILIATION" }), [[SEED, "ustb", "professor"]]);

      // The letter's claims carry the span of each document's passage.
      const follow = await claimsOf({ subject: "EVENT", slug: LETTER, document: { slug: FOLLOW_UP } });
      assert.ok(follow.every((c) => c.paragraph === 2 && c.start === 136 && c.end === 239), JSON.stringify(follow));

      // What the follow-up refers to is what its file names (the REFERENCE claims plan.ts makes for it).
      const references = (await claimsOf({ property: "REFERENCE", document: { slug: FOLLOW_UP } })).map((c) => `${c.subject} ${c.slug}`).sort();
      assert.deepEqual(references, ["EVENT 2020-xi-letter-to-space-scientists", "ORGANIZATION cast", "ORGANIZATION cnsa", "PERSON xi-jinping", "PERSON zhang-wei", "THEME space"]);

      // The theme no document refers to is the curator's, its lists in their order.
      const curated = await claimsOf({ subject: "THEME", slug: "space-law" });
      assert.ok(curated.every((c) => c.documentId === null && c.curator === "migration" && c.reason === "stated before claims were recorded"));
      assert.deepEqual(sorted(curated.map((c) => [c.property, c.position, c.value])),
        sorted([["ALIAS", 0, "astro-law"], ["ALIAS", 1, "outer space treaty"], ["ALIAS", 2, "aerospace law"], ["KEYWORD", 0, "treaty"], ["KEYWORD", 1, "orbit"], ["KEYWORD", 2, "liability"], ["NAME", 0, "Space law"]]));
    });

    test("deriving the graph again from the claims changes nothing", async () => {
      const touched = new Map<ClaimSubject, Set<string>>([
        ["EVENT", new Set((await prisma.event.findMany({ select: { slug: true } })).map((r) => r.slug))],
        ["PERSON", new Set((await prisma.person.findMany({ select: { slug: true } })).map((r) => r.slug))],
        ["ORGANIZATION", new Set((await prisma.organization.findMany({ select: { slug: true } })).map((r) => r.slug))],
        ["THEME", new Set((await prisma.theme.findMany({ select: { slug: true } })).map((r) => r.slug))],
      ]);
      const documents = (await prisma.document.findMany({ select: { id: true } })).map((d) => d.id);
      const changes = await prisma.$transaction(async (tx) => {
        const changes = new Changes();
        await syncSubjects(tx, touched, changes);
        // Mentions too are found again from the claims (the names each document refers to).
        await syncMentions(tx, documents, await loadRedirects(tx), changes);
        return changes;
      });
      // On a difference the dump names the table, row and column, stored (expected) against derived (actual).
      assert.deepEqual(await graphOf((sql) => prisma.$queryRawUnsafe(sql)), stored);
      assert.deepEqual({ changes: changes.list(), dates: changes.dates }, { changes: [], dates: [] });
    });

    test("removing the follow-up undoes what it added", async () => {
      const removed = await removeDocumentBySlug(prisma, FOLLOW_UP);
      assert.ok(removed.ok, JSON.stringify(removed));
      assert.deepEqual(removed.dateChanges, [{ event: LETTER, from: "2020-04-24", to: "2020" }]);
      const letter = await prisma.event.findUniqueOrThrow({ where: { slug: LETTER }, include: { people: { include: { person: true } }, organizations: true } });
      assert.equal(letter.datePrecision, "YEAR");
      assert.equal(letter.dateStart.toISOString(), "2020-01-01T00:00:00.000Z");
      assert.equal(letter.dateEnd.toISOString(), "2020-12-31T00:00:00.000Z");
      assert.deepEqual(letter.people.map((p) => p.person.slug), ["xi-jinping"]);
      assert.deepEqual(letter.organizations, []);
      assert.equal(await prisma.person.findUnique({ where: { slug: "zhang-wei" } }), null);
      assert.deepEqual(await prisma.organization.findMany({ where: { slug: { in: ["cast", "cnsa"] } } }), []);
      const quotes = await prisma.quote.findMany({ where: { event: { slug: LETTER } }, select: { slug: true, datePrecision: true } });
      assert.deepEqual(quotes.map((q) => q.datePrecision), ["YEAR", "YEAR"], JSON.stringify(quotes));
      assert.equal(await prisma.claim.count({ where: { document: { slug: FOLLOW_UP } } }), 0);
      assert.ok(await prisma.person.findUnique({ where: { slug: "xi-jinping" } }), "the article still names Xi Jinping");
    });
  });
}

upgradeSuite("PostgreSQL", postgresBackend, await skipWithoutPostgres());
upgradeSuite("PGlite", pgliteBackend, false);
