/**
 * `npm run ingest` as a user runs it: a folder with good and broken files (NUL byte, invalid UTF-8,
 * an impossible date) ingests each good file, reports every bad one with file and byte offset or
 * line, goes on, and exits 1; --dry-run writes nothing; --remove retracts; --help prints usage.
 * On PGlite (a data folder) and PostgreSQL (a throw-away database).
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { openDatabase } from "../src/db/database.ts";
import { projectRoot } from "../src/paths.ts";
import { createThrowawayDatabase, skipWithoutPostgres, type ThrowawayDatabase } from "./helpers/postgres.ts";
import { runService } from "./helpers/process.ts";

const FIXTURES = path.join(projectRoot, "tests", "fixtures", "claims");
const A = "a-herald-lab-opening", B = "b-valley-post-lab";

/** A folder: a-good, b-nul (NUL byte in its text), c-utf8 (bad byte), d-date (2023-02-30), e-good. */
async function mixedFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "themegraph-cli-"));
  const copy = async (from: string, to: string, editText = (t: Buffer) => t, editYaml = (y: string) => y) => {
    await writeFile(path.join(dir, `${to}.txt`), editText(await readFile(path.join(FIXTURES, `${from}.txt`))));
    await writeFile(path.join(dir, `${to}.yaml`), editYaml((await readFile(path.join(FIXTURES, `${from}.yaml`), "utf8")).replace(`slug: ${from}`, `slug: ${to}`)));
  };
  await copy(A, "a-good");
  // The NUL goes at byte 30 of the text, the bad byte (a lone continuation byte) at byte 40.
  await copy(A, "b-nul", (t) => Buffer.concat([t.subarray(0, 30), Buffer.from([0]), t.subarray(30)]), (y) => y.replace("ortiz-patient-money", "b-quote"));
  await copy(A, "c-utf8", (t) => Buffer.concat([t.subarray(0, 40), Buffer.from([0x80]), t.subarray(40)]), (y) => y.replace("ortiz-patient-money", "c-quote"));
  await copy(A, "d-date", (t) => Buffer.from(t.toString("utf8").replace("date 2024-03-05", "date 2023-02-30")), (y) => y.replace("ortiz-patient-money", "d-quote"));
  await copy(B, "e-good");
  return dir;
}

function suite(backend: "pglite" | "postgresql") {
  describe(`npm run ingest on ${backend}`, async () => {
    const skip = backend === "postgresql" ? await skipWithoutPostgres() : false;
    let env: Record<string, string> = {};
    let scratch = "", folder = "";
    let database: ThrowawayDatabase | undefined;
    before(async () => {
      if (skip) return;
      scratch = await mkdtemp(path.join(os.tmpdir(), "themegraph-cli-db-"));
      database = backend === "postgresql" ? await createThrowawayDatabase() : undefined;
      env = database ? { DATABASE_URL: database.url } : { DATA_DIR: path.join(scratch, "data") };
      folder = await mixedFolder();
    });
    after(async () => {
      await database?.drop();
      if (scratch) await rm(scratch, { recursive: true, force: true });
      if (folder) await rm(folder, { recursive: true, force: true });
    });
    const ingest = (...args: string[]) => runService("ingest/cli.js", env, 60_000, args);

    test("--help prints usage and exits 0", { skip }, async () => {
      const run = await ingest("--help");
      assert.equal(run.code, 0);
      assert.match(run.stdout, /usage: npm run ingest -- \[--dry-run\] <annotation\.yaml \| folder>/);
      assert.match(run.stdout, /--remove/);
      const wrong = await ingest("--frobnicate");
      assert.equal(wrong.code, 2);
      assert.match(wrong.stderr, /--frobnicate/);
    });

    test("a folder with good and broken files: the good ones are ingested, each bad one named precisely, exit 1", { skip }, async () => {
      const dry = await ingest("--dry-run", folder);
      assert.equal(dry.code, 1, dry.stdout + dry.stderr);
      assert.match(dry.stdout, /a-good\.yaml: would change a-good \(dry run\)/);
      const run = await ingest(folder);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /\[1\/5\] .*a-good\.yaml: ingested a-good/);
      assert.match(run.stdout, /\[5\/5\] .*e-good\.yaml: ingested e-good/, "files after the broken ones are tried");
      assert.match(run.stderr, /b-nul\.txt: NUL byte at byte offset 30/);
      assert.match(run.stderr, /c-utf8\.txt: invalid UTF-8 at byte offset 40/);
      assert.match(run.stderr, /d-date\.yaml(:\d+)?: document\.publishedOn: the date line "date 2023-02-30" is not a day of the calendar/);
      assert.match(run.stdout, /2 of 5 document\(s\) ingested/);
      assert.match(run.stderr, /e-good\.yaml:\d+: people\[0\]\.name: warning: "Dr\. Lena Ortiz" differs from "Lena Ortiz" \(document "a-good"\)/);
      const again = await ingest(path.join(folder, "a-good.yaml"));
      assert.equal(again.code, 0);
      assert.match(again.stdout, /a-good unchanged/);
    });

    test("--remove retracts a document (a dry run first), and an unknown slug fails", { skip }, async () => {
      const dry = await ingest("--dry-run", "--remove", "e-good");
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(dry.stdout, /would remove e-good \(dry run\)/);
      assert.match(dry.stdout, /date of 2024-03-riverside-lab-opening: 2024-03-04 -> 2024-03/);
      const run = await ingest("--remove", "e-good", "no-such-document");
      assert.equal(run.code, 1);
      assert.match(run.stdout, /removed e-good/);
      assert.match(run.stdout + run.stderr, /no document has slug "no-such-document"/);
      const back = await ingest(path.join(folder, "e-good.yaml"));
      assert.equal(back.code, 0, back.stderr);
      assert.match(back.stdout, /ingested e-good/, "removed, so ingested anew rather than unchanged");
    });

    test("a folder: each .yaml and .yml file in name order, nothing else; the database holds them; a folder without any is a usage error", { skip }, async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), "themegraph-cli-folder-"));
      try {
        // Copies of the two fixtures under new document and quote slugs (a quote belongs to one document).
        for (const [from, to, ext, quote] of [[B, "y-two", "yaml", "reyes-city-lives-with-sea"], [A, "x-one", "yml", "ortiz-patient-money"]] as const) {
          await writeFile(path.join(dir, `${to}.txt`), await readFile(path.join(FIXTURES, `${from}.txt`)));
          await writeFile(path.join(dir, `${to}.${ext}`), (await readFile(path.join(FIXTURES, `${from}.yaml`), "utf8")).replace(`slug: ${from}`, `slug: ${to}`).replace(`slug: ${quote}`, `slug: ${to}-quote`));
        }
        await writeFile(path.join(dir, "notes.md"), "not an annotation\n");
        const run = await ingest(dir);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /\[1\/2\] .*x-one\.yml: ingested x-one/);
        assert.match(run.stdout, /\[2\/2\] .*y-two\.yaml: ingested y-two/);
        assert.match(run.stdout, /2 of 2 document\(s\) ingested/);
        const db = await openDatabase({ databaseUrl: database?.url, dataDir: env.DATA_DIR ?? "memory://", dbPoolMax: 1, logSql: false, projectRoot });
        try {
          const slugs = (await db.prisma.document.findMany({ where: { slug: { in: ["x-one", "y-two"] } }, orderBy: { slug: "asc" } })).map((d) => d.slug);
          assert.deepEqual(slugs, ["x-one", "y-two"]);
        } finally {
          await db.close();
        }
        const empty = path.join(dir, "empty");
        await mkdir(empty);
        const none = await ingest(empty);
        assert.equal(none.code, 2);
        assert.match(none.stderr, /empty: no \.yaml or \.yml file in this folder/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}

suite("pglite");
suite("postgresql");

