/**
 * Extraction speed: a ~10 KB article (the bundled one, the test fixture's text, then the bundled
 * paragraphs again) drafted in fresh processes, each timing the module load (compromise's lexicon,
 * chrono), the first draft and a second one. `npm run bench:extract [-- --runs N]`; prints Markdown.
 */
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../src/paths.ts";
import { benchCli, hasFlag, numberOption, timingSummary } from "./lib.ts";

benchCli({
  command: "npm run bench:extract --",
  synopsis: "[--runs N]",
  summary: "Drafts a ~10 KB article in fresh processes, timing the module load, the first draft and a second one; prints Markdown.",
  options: {
    runs: { type: "string", value: "N", description: "fresh processes (default 5)" },
    child: { type: "boolean", description: "one measured process (what the parent spawns)", hidden: true },
  },
  examples: ["npm run bench:extract -- --runs 3"],
});

const TARGET_SIZE = 10 * 1024;

async function article(): Promise<string> {
  const seed = await readFile(path.join(projectRoot, "corpus", "2023-05-29-science-technology-innovation.txt"), "utf8");
  const fixture = await readFile(path.join(projectRoot, "tests", "fixtures", "2023-06-02-space-letter-follow-up.txt"), "utf8");
  let text = `${seed.trimEnd()}\n\n${fixture.replace(/^date .*\n/, "").trim()}`;
  for (const paragraph of seed.split(/\n\s*\n/).slice(1)) {
    if (text.length >= TARGET_SIZE) break;
    text += `\n\n${paragraph.trim()}`;
  }
  return text;
}

async function child(): Promise<void> {
  const text = await article();
  let started = performance.now();
  const { extractDraft } = await import("../src/extract/draft.ts");
  const load = performance.now() - started;
  const times: number[] = [];
  for (let i = 0; i < 2; i++) {
    started = performance.now();
    const result = extractDraft(text, {});
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(result.error);
  }
  console.log(JSON.stringify({ size: text.length, load, first: times[0], second: times[1] }));
}

function parent(): void {
  const runs = numberOption("runs", 5);
  const results = Array.from({ length: runs }, () => {
    const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child"], { encoding: "utf8" });
    if (out.status !== 0) throw new Error(out.stderr);
    return JSON.parse(out.stdout) as { size: number; load: number; first: number; second: number };
  });
  const median = (key: "load" | "first" | "second" | "total") => timingSummary(results.map((r) => (key === "total" ? r.load + r.first : r[key])));
  console.log(`Article: ${results[0]!.size} characters; ${runs} fresh processes.\n`);
  console.log("| step | time |\n| --- | --- |");
  console.log(`| load the extraction modules | ${median("load")} |`);
  console.log(`| first draft | ${median("first")} |`);
  console.log(`| load + first draft | ${median("total")} |`);
  console.log(`| second draft (warm) | ${median("second")} |`);
}

if (hasFlag("child")) await child();
else parent();
