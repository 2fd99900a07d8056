/**
 * schema.prisma and the hand-written migration SQL agree: every model's columns are exactly its
 * scalar fields, and every field of every model round-trips through the generated client, on
 * PGlite and on PostgreSQL.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { openDatabase, type Database } from "../src/db/database.ts";
import { projectRoot } from "../src/paths.ts";
import { scalarFieldsByModel } from "./helpers/prisma-schema.ts";
import { createThrowawayDatabase, skipWithoutPostgres, type ThrowawayDatabase } from "./helpers/postgres.ts";

const WRITTEN_BY_TRIGGERS = new Set(["SearchEntry", "SearchTerm", "SearchPassage", "ThemeTimelineBucket"]);
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** Columns the database fills in with values of its own: ids and timestamps. */
const GENERATED = new Set(["id", "createdAt", "updatedAt"]);
/** Columns triggers copy from the linked event (writeEveryModel's, dated February 2023 at MONTH precision). */
const COPIED_BY_TRIGGERS: Record<string, unknown> = { "EventTheme.period": "2023-02", "EventTheme.dateStart": day("2023-02-01") };
const generated = (model: string, field: string) => GENERATED.has(field) || `${model}.${field}` in COPIED_BY_TRIGGERS;

type Delegate = {
  create(args: { data: Record<string, unknown> }): Promise<Record<string, unknown>>;
  findMany(args: unknown): Promise<Record<string, unknown>[]>;
};
const delegate = (db: Database, model: string) => (db.prisma as unknown as Record<string, Delegate>)[model[0]!.toLowerCase() + model.slice(1)]!;

/**
 * One row per model with every scalar field set to a non-default value, written in FK order. What
 * each read must give back is what the test wrote (`data`); only generated columns are taken from
 * what the database returned.
 */
async function writeEveryModel(db: Database) {
  const written: Record<string, { data: Record<string, unknown>; row: Record<string, unknown> }[]> = {};
  const create = async (model: string, data: Record<string, unknown>) => {
    const row = await delegate(db, model).create({ data });
    (written[model] ??= []).push({ data, row });
    return row.id as string;
  };
  const documentId = await create("Document", { slug: "d", title: "T", sourceName: "S", url: "https://example.org/a", publishedOn: day("2023-05-29"), dateline: "BEIJING", language: "zh", text: "Text “quoted” ’s", sourceHash: "f00d", derivedFrom: "an-original", annotation: "a: 1\n" });
  const themeId = await create("Theme", { slug: "t", name: "Theme", description: "D", aliases: ["R&D"], keywords: ["research", "science"] });
  const eventId = await create("Event", { slug: "e", title: "E", summary: "S", dateStart: day("2023-02-01"), dateEnd: day("2023-02-28"), datePrecision: "MONTH", kind: "meeting", place: "Beijing" });
  const personId = await create("Person", { slug: "p", name: "P", aliases: ["A", "B"], roles: ["President"] });
  const organizationId = await create("Organization", { slug: "o", name: "O", aliases: ["USTB"] });
  await create("Affiliation", { personId, organizationId, role: "professor" });
  const quoteId = await create("Quote", { slug: "q", text: "quoted", kind: "PARAPHRASE", dateStart: day("2023-02-01"), dateEnd: day("2023-02-28"), datePrecision: "MONTH", speakerId: personId, speakerOrganizationId: null, eventId, documentId, paragraph: 2, start: 6, end: 12, utterance: "u" });
  // The other kind of speaker: each of the pair is null in one quote and set in the other.
  await create("Quote", { slug: "q-org", text: "stated", kind: "DIRECT", dateStart: day("2023-05-29"), dateEnd: day("2023-05-29"), datePrecision: "DAY", speakerId: null, speakerOrganizationId: organizationId, eventId: null, documentId, paragraph: 1, start: 0, end: 4, utterance: null });
  await create("EventEvidence", { eventId, documentId, paragraph: 1, start: 0, end: 4 });
  // A mention names a person or an organization, never both: one of each.
  await create("Mention", { documentId, personId, organizationId: null, paragraph: 1, start: 5, end: 9 });
  await create("Mention", { documentId, personId: null, organizationId, paragraph: 2, start: 0, end: 1 });
  await create("EventTheme", { eventId, themeId });
  await create("EventPerson", { eventId, personId });
  await create("EventOrganization", { eventId, organizationId });
  await create("QuoteTheme", { quoteId, themeId });
  await create("Claim", { documentId, curator: "alice", reason: "why", subject: "PERSON", slug: "p", property: "AFFILIATION", value: "o", note: "professor", position: 3, paragraph: 1, start: 5, end: 9, denied: true });
  await create("Redirect", { subject: "ORGANIZATION", slug: "o-old", target: "o", curator: "alice" });
  return written;
}

for (const backend of ["pglite", "postgresql"] as const) {
  describe(`schema.prisma and migration SQL agree on ${backend}`, async () => {
    const skip = backend === "postgresql" ? await skipWithoutPostgres() : false;
    let db: Database;
    let pgDatabase: ThrowawayDatabase | undefined;
    before(async () => {
      if (skip) return;
      pgDatabase = backend === "postgresql" ? await createThrowawayDatabase() : undefined;
      db = await openDatabase({ databaseUrl: pgDatabase?.url, dataDir: "memory://", dbPoolMax: 2, logSql: false, projectRoot });
    });
    after(async () => {
      await db?.close();
      await pgDatabase?.drop();
    });

    test("each table's columns are exactly its model's scalar fields", { skip }, async () => {
      const columns = await db.prisma.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
      );
      const byTable = new Map<string, string[]>();
      for (const c of columns) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
      const models = scalarFieldsByModel();
      assert.deepEqual([...byTable.keys()].sort(), [...models.keys()].sort(), "tables = models");
      for (const [model, fields] of models) assert.deepEqual(byTable.get(model)!.sort(), [...fields].sort(), `columns of ${model}`);
    });

    test("every field of every model round-trips through the generated client", { skip }, async () => {
      const written = await writeEveryModel(db);
      for (const [model, fields] of scalarFieldsByModel()) {
        if (WRITTEN_BY_TRIGGERS.has(model)) continue; // see the next tests
        const writes = written[model];
        assert.ok(writes, `the round-trip test writes no ${model}: add it to writeEveryModel`);
        for (const field of fields) {
          if (generated(model, field)) continue;
          // Left out, a field would read back as its default: each write names it, and one gives it a value.
          assert.ok(writes.every(({ data }) => field in data), `${model}.${field} is not set by the round-trip test`);
          assert.ok(writes.some(({ data }) => data[field] !== null), `${model}.${field} is only ever written as null`);
        }
        const rows = await delegate(db, model).findMany({});
        assert.equal(rows.length, writes.length, `rows of ${model}`);
        for (const { data, row } of writes) {
          assert.ok("id" in row || writes.length === 1, `${model} has no id: write one row of it`);
          const read = "id" in row ? rows.find((r) => r.id === row.id) : rows[0];
          assert.ok(read, `${model} ${row.id} is read back`);
          for (const field of fields) {
            const copied = COPIED_BY_TRIGGERS[`${model}.${field}`];
            if (copied !== undefined) assert.deepEqual(read[field], copied, `${model}.${field} is the event's`);
            else if (!generated(model, field)) assert.deepEqual(read[field], data[field], `${model}.${field} round-trips`);
            else {
              assert.ok(row[field] !== undefined && row[field] !== null, `${model}.${field} is generated, yet the database returned ${row[field]}`);
              assert.deepEqual(read[field], row[field], `${model}.${field} round-trips`);
            }
          }
        }
      }
    });

    test("triggers keep a search entry for every searchable row, and drop it with the row", { skip }, async () => {
      const entries = await db.prisma.searchEntry.findMany({ orderBy: { type: "asc" } });
      assert.deepEqual(entries.map((e) => e.type), ["Document", "Event", "Organization", "Person", "Quote", "Quote", "Theme"]);
      assert.ok(entries.every((e) => e.body.length > 0));
      await db.prisma.theme.delete({ where: { slug: "t" } });
      assert.equal(await db.prisma.searchEntry.count({ where: { type: "Theme" } }), 0);
    });

    test("triggers keep each entry's terms with their one-word rank, and its passages, in step with its text", { skip }, async () => {
      const p = db.prisma;
      const terms = (type: string, id: string) => p.searchTerm.findMany({ where: { type, id }, orderBy: { lexeme: "asc" } });
      const event = await p.event.create({ data: { slug: "e-terms", dateStart: day("2023-02-01"), dateEnd: day("2023-02-01"), datePrecision: "DAY", title: "Lunar rover", summary: "The rover’s wheels. O'Brien said \\ it." } });
      const lexemes = (await terms("Event", event.id)).map((t) => t.lexeme);
      assert.deepEqual(lexemes, ["brien", "lunar", "o", "rover", "said", "wheel"]);
      // Each stored rank is ts_rank of the entry for that lexeme alone, as the query would compute it.
      const mismatched = await p.$queryRawUnsafe<unknown[]>(`SELECT t.lexeme FROM "SearchTerm" t JOIN "SearchEntry" e USING (type, id)
        WHERE t.rank <> ts_rank(e.vector, websearch_to_tsquery('english', t.lexeme)) OR t.rank <= 0`);
      assert.deepEqual(mismatched, []);
      const rover = (await terms("Event", event.id)).find((t) => t.lexeme === "rover")!;
      assert.equal(rover.first, "Lunar ".length + 1, "where the word first appears (1-based)");
      assert.equal(await p.searchPassage.count({ where: { id: event.id } }), 0, "a short body has no passages");

      const long = `${"Filler words here. ".repeat(40)}A quasar appears.`;
      await p.event.update({ where: { id: event.id }, data: { summary: long } });
      assert.deepEqual((await terms("Event", event.id)).map((t) => t.lexeme), ["appear", "filler", "lunar", "quasar", "rover", "word"]);
      const passages = await p.searchPassage.findMany({ where: { id: event.id }, orderBy: { start: "asc" } });
      const body = (await p.searchEntry.findUniqueOrThrow({ where: { type_id: { type: "Event", id: event.id } } })).body;
      assert.deepEqual(passages.map((x) => x.start), [1, 501, 1001].filter((s) => s <= body.length));
      assert.equal(passages.map((x) => x.text).join(""), body, "passages are the body, sliced");

      await p.event.delete({ where: { id: event.id } });
      assert.equal(await p.searchTerm.count({ where: { id: event.id } }), 0);
      assert.equal(await p.searchPassage.count({ where: { id: event.id } }), 0);
    });

    test("triggers date each theme link and count it in its timeline bucket", { skip }, async () => {
      const theme = await db.prisma.theme.create({ data: { slug: "t2", name: "Theme 2" } });
      const event = await db.prisma.event.findFirstOrThrow({});
      // A period the writer gives is replaced by the event's (MONTH precision: "2023-02").
      const link = await db.prisma.eventTheme.create({ data: { eventId: event.id, themeId: theme.id, period: "1999" } });
      assert.equal(link.period, "2023-02");
      assert.deepEqual(await db.prisma.themeTimelineBucket.findMany({ where: { themeId: theme.id } }), [{ themeId: theme.id, period: "2023-02", count: 1 }]);
      await db.prisma.theme.delete({ where: { id: theme.id } });
      assert.equal(await db.prisma.themeTimelineBucket.count({ where: { themeId: theme.id } }), 0);
    });
  });
}
