/**
 * `npm run extract:eval [-- <annotation.yaml>...]`: drafts each curated document (corpus/ and the
 * rest of the development set, tests/fixtures/devset/, by default) from its text alone and prints, per measure,
 * how the draft compares with the curated annotation: first with no gazetteer (what a new article
 * gets), then with the curated entities as the graph (what linking adds) and the other documents'
 * events (what event refs add: a document's own events would be "found"); then the totals per
 * measure with F1. Exits 1 when the bundled article misses issue 8's targets.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseCli } from "../cli-args.ts";
import { readAnnotation, type Annotation } from "../ingest/format.ts";
import { annotationFiles, textFileOf } from "../ingest/ingest.ts";
import { parseSourceText } from "../ingest/source-text.ts";
import { projectRoot } from "../paths.ts";
import { evaluateDocument, MEASURES, TARGETS, type Evaluation } from "./evaluate.ts";
import { emptyGazetteer, gazetteerFromAnnotations } from "./gazetteer.ts";

const LABELS: Record<(typeof MEASURES)[number], string> = {
  events: "dated events (date + precision)",
  directQuotes: "direct quotes (verbatim + speaker)",
  paraphrases: "paraphrases (overlap + speaker)",
  people: "people (name/alias)",
  organizations: "organizations (name/alias)",
  refs: "event refs (right existing event)",
};
const WARM_RUNS = 5;
const fixed = (n: number) => n.toFixed(2);

const { positionals: args } = parseCli({
  command: "npm run extract:eval --",
  synopsis: "[annotation.yaml...]",
  summary: `Drafts each curated document from its text alone and prints, as Markdown on stdout, how the
drafts compare with the curated annotations (precision and recall per measure, then totals with F1).
Default: corpus/ and the development set (tests/fixtures/devset/). Exits 1 when the bundled article
misses its targets.`,
  positionals: { max: Infinity },
  examples: ["npm run extract:eval > evaluation.md", "npm run extract:eval -- corpus/2023-05-29-science-technology-innovation.yaml"],
});
const DEVSET = path.join(projectRoot, "tests", "fixtures", "devset");
const defaults = async () => [
  ...(await annotationFiles(path.join(projectRoot, "corpus"))),
  ...(await Promise.all((await readdir(DEVSET)).sort().map((cluster) => annotationFiles(path.join(DEVSET, cluster))))).flat(),
];
const files = args.length ? args : await defaults();
const documents = await Promise.all(files.map(async (file) => ({ file, yaml: await readFile(file, "utf8"), text: await readFile(textFileOf(file), "utf8") })));
/** Each document's curated annotation, dated by its text's date line when the file leaves it out (to resolve its events' dates). */
const curated = documents.map((d): Annotation | undefined => {
  const read = readAnnotation(d.yaml);
  if (!read.ok) return undefined;
  const { document } = read.annotation;
  return { ...read.annotation, document: { ...document, publishedOn: document.publishedOn ?? parseSourceText(d.text).publishedOn } };
});
const valid = (a: Annotation | undefined): a is Annotation => a !== undefined;
/** Every document's people, organizations and themes: linking as good as the curation makes it. */
const entities = gazetteerFromAnnotations(curated.filter(valid));
/** The gazetteers a document is drafted with: none, and the curated graph with only the other documents' events. */
const gazetteersOf = (index: number) => ({
  none: emptyGazetteer(),
  "curated entities": { ...entities, events: gazetteerFromAnnotations(curated.filter((a, i): a is Annotation => valid(a) && i !== index)).events },
});

console.log(`Extraction evaluation, ${new Date().toISOString().slice(0, 10)}\n`);
console.log("| document | gazetteer | measure | proposed | curated | precision | recall |");
console.log("| --- | --- | --- | ---: | ---: | ---: | ---: |");
let missed = false;
const timings: string[] = [];
/** Sums per gazetteer and measure, for the totals. */
const totals = new Map<string, { proposed: number; curated: number; correct: number; found: number }>();
for (const [index, d] of documents.entries()) {
  const name = path.basename(d.file, path.extname(d.file));
  for (const [label, gazetteer] of Object.entries(gazetteersOf(index))) {
    const { evaluation, ms: first } = evaluateDocument(d.yaml, d.text, gazetteer);
    for (const m of MEASURES) {
      const s = evaluation[m];
      console.log(`| ${name} | ${label} | ${LABELS[m]} | ${s.proposed} | ${s.curated} | ${fixed(s.precision)} (${s.correct}/${s.proposed}) | ${fixed(s.recall)} (${s.found}/${s.curated}) |`);
      const sum = totals.get(`${label}\u0000${m}`) ?? { proposed: 0, curated: 0, correct: 0, found: 0 };
      totals.set(`${label}\u0000${m}`, { proposed: sum.proposed + s.proposed, curated: sum.curated + s.curated, correct: sum.correct + s.correct, found: sum.found + s.found });
    }
    if (label === "none") missed ||= misses(name, evaluation);
    const warm = Array.from({ length: WARM_RUNS }, () => evaluateDocument(d.yaml, d.text, gazetteer).ms).sort((a, b) => a - b);
    timings.push(`${name} (${d.text.length} characters, gazetteer: ${label}): first ${Math.round(first)} ms, then median ${Math.round(warm[WARM_RUNS >> 1]!)} ms`);
  }
}
console.log(`\nTotals over ${documents.length} documents:\n\n| gazetteer | measure | precision | recall | F1 |\n| --- | --- | ---: | ---: | ---: |`);
for (const [key, t] of totals) {
  const [label, m] = key.split("\u0000") as [string, (typeof MEASURES)[number]];
  const precision = t.proposed ? t.correct / t.proposed : 1, recall = t.curated ? t.found / t.curated : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  console.log(`| ${label} | ${LABELS[m]} | ${fixed(precision)} (${t.correct}/${t.proposed}) | ${fixed(recall)} (${t.found}/${t.curated}) | ${fixed(f1)} |`);
}
console.log(`\nExtraction time (this process; \`npm run bench:extract\` measures a fresh process):\n${timings.map((t) => `- ${t}`).join("\n")}`);
process.exit(missed ? 1 : 0);

/** Prints and reports a target the bundled article misses. */
function misses(name: string, evaluation: Evaluation): boolean {
  if (!name.startsWith("2023-05-29-science-technology-innovation")) return false;
  const failed = Object.entries(TARGETS).flatMap(([measure, target]) => {
    const s = evaluation[measure as keyof typeof TARGETS];
    return s.precision < target.precision || s.recall < target.recall ? [`${measure}: precision ${fixed(s.precision)} (target ${target.precision}), recall ${fixed(s.recall)} (target ${target.recall})`] : [];
  });
  for (const f of failed) console.error(`target missed on ${name}: ${f}`);
  return failed.length > 0;
}
