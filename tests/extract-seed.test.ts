/**
 * Draft extraction on the bundled article: the draft goes through the ingest pipeline unchanged,
 * meets issue 8's targets against the curated annotation, links the graph's entities by slug, and
 * the two commands (`npm run extract`, `npm run extract:eval`) work end to end.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { evaluateDocument, TARGETS } from "../src/extract/evaluate.ts";
import { emptyGazetteer, gazetteerFromAnnotations, knownOf, type Gazetteer } from "../src/extract/gazetteer.ts";
import { readAnnotation, type Annotation } from "../src/ingest/format.ts";
import { projectRoot } from "../src/paths.ts";
import { draftOf, ingestProblems } from "./fixtures/extract/drafts.ts";

const SEED = path.join(projectRoot, "corpus", "2023-05-29-science-technology-innovation");
let text: string, yaml: string, curated: Annotation, graph: Gazetteer, scratch: string;

before(async () => {
  [text, yaml] = await Promise.all([readFile(`${SEED}.txt`, "utf8"), readFile(`${SEED}.yaml`, "utf8")]);
  const read = readAnnotation(yaml);
  assert.ok(read.ok);
  curated = read.annotation;
  graph = gazetteerFromAnnotations([curated]);
  scratch = await mkdtemp(path.join(os.tmpdir(), "themegraph-extract-"));
});
after(() => rm(scratch, { recursive: true, force: true }));

/** Runs a compiled script of the project; DATA_DIR points nowhere, so no database is opened. */
const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, [path.join(projectRoot, "dist", script), ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: "", DATA_DIR: path.join(scratch, "no-data") } });

describe("the bundled article's draft", () => {
  test("the ingest pipeline accepts it unchanged, with no gazetteer and with the graph's entities", () => {
    assert.deepEqual(ingestProblems(draftOf(text), text), []);
    assert.deepEqual(ingestProblems(draftOf(text, { gazetteer: graph }), text, knownOf(graph)), []);
  });

  test("meets the targets for dated events and direct quotes with their speakers, from the text alone", () => {
    const { evaluation, ms } = evaluateDocument(yaml, text, emptyGazetteer());
    for (const [measure, target] of Object.entries(TARGETS)) {
      const s = evaluation[measure as keyof typeof TARGETS];
      assert.ok(s.recall >= target.recall && s.precision >= target.precision, `${measure}: ${JSON.stringify(s)}`);
    }
    // bench/extract.ts measures a 10 KB article in fresh processes; this only catches a gross slowdown.
    assert.ok(ms < 3000, `first extraction took ${Math.round(ms)} ms`);
  });

  test("with the graph's entities as gazetteer, every person and organization is linked by its slug", () => {
    const d = draftOf(text, { gazetteer: graph });
    const slugs = (list: { slug: string }[] | undefined) => (list ?? []).map((e) => e.slug).sort();
    assert.deepEqual(slugs(d.annotation.people), slugs(curated.people));
    assert.deepEqual(slugs(d.annotation.organizations), slugs(curated.organizations));
    assert.ok(d.notes.people.every((n) => /rule=gazetteer\.match/.test(n[0]!)));
  });

  test("every item has its proposal comment, and what was set aside is listed at the end", () => {
    const rendered = run("src/extract/cli.js", [`${SEED}.txt`]);
    assert.equal(rendered.status, 0, rendered.stderr);
    assert.match(rendered.stderr, /no database at .*: nothing to link to/);
    const lines = rendered.stdout.split("\n");
    const items = lines.filter((l, i) => /^  - slug:/.test(l) && !/^\s*# (proposed|links):/.test(lines[i - 1] ?? ""));
    assert.deepEqual(items, [], "items without a comment above them");
    assert.match(rendered.stdout, /# Seen but not proposed:\n# {3}date "Within 20 years": date\.duration/);
    assert.ok(readAnnotation(rendered.stdout).ok);
  });
});

describe("npm run extract", () => {
  test("--out writes the draft, refuses to overwrite a file without --force", async () => {
    const out = path.join(scratch, "draft.yaml");
    assert.equal(run("src/extract/cli.js", [`${SEED}.txt`, "--no-graph", "--out", out]).status, 0);
    assert.ok(readAnnotation(await readFile(out, "utf8")).ok);
    const again = run("src/extract/cli.js", [`${SEED}.txt`, "--no-graph", "--out", out]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /exists .*--force/);
  });

  test("the publication day comes from --published or the date line, and must agree", async () => {
    const bare = path.join(scratch, "bare.txt");
    await writeFile(bare, "On Tuesday, Xi Jinping met the crew.");
    assert.match(run("src/extract/cli.js", [bare, "--no-graph"]).stderr, /no publication date/);
    const drafted = run("src/extract/cli.js", [bare, "--no-graph", "--published", "2023-05-29"]);
    assert.match(drafted.stdout, /date: on Tuesday|date: On Tuesday/);
    assert.match(drafted.stdout, /-> 2023-05-23 \(DAY\)/);
    assert.match(run("src/extract/cli.js", [`${SEED}.txt`, "--no-graph", "--published", "2023-06-01"]).stderr, /contradicts the text's date line \(2023-05-29\)/);
  });
});

describe("npm run extract:eval", () => {
  test("prints precision and recall per measure and exits 0 when the targets are met", () => {
    const result = run("src/extract/eval-cli.js", []);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /\| 2023-05-29-science-technology-innovation \| none \| dated events \(date \+ precision\) \| \d+ \| \d+ \| \d\.\d\d \(\d+\/\d+\) \| \d\.\d\d \(\d+\/\d+\) \|/);
    assert.match(result.stdout, /first \d+ ms, then median \d+ ms/);
    // The development set too (tests/fixtures/devset/), and the totals with F1.
    assert.match(result.stdout, /\| lumen-a-meridian-wire \| none \|/);
    assert.match(result.stdout, /Totals over 16 documents/);
    assert.match(result.stdout, /\| none \| direct quotes \(verbatim \+ speaker\) \| \d\.\d\d \(\d+\/\d+\) \| \d\.\d\d \(\d+\/\d+\) \| \d\.\d\d \|/);
  });
});
