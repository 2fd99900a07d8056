/**
 * The IDE in real headless Chromium (Debian's, driven by playwright-core; nothing is downloaded):
 * it opens with the example theme query, runs it, shows the quotes in the result panel, opens the
 * docs explorer, and loads nothing from outside the service. Screenshot: tests/artifacts/ide.png.
 * Without Chromium (CHROMIUM_PATH, default /usr/bin/chromium) the test is skipped, except under CI
 * (CI=true), where that is a failure.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { chromium, type BrowserContext } from "playwright-core";
import { projectRoot } from "../src/paths.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
const underCi = ["true", "1"].includes(String(process.env.CI).toLowerCase());
const skip = available || underCi ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium); under CI this fails`;

/** The machine's network is closed: without these Chromium keeps trying to reach Google. */
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const SCREENSHOT = path.join(projectRoot, "tests", "artifacts", "ide.png");

let t: TestApp;
let profile: string;
let context: BrowserContext;
before(async () => {
  if (skip) return;
  assert.ok(available, `Chromium is required under CI and there is none at ${CHROMIUM}`);
  t = await startTestApp("pglite");
  profile = await mkdtemp(path.join(os.tmpdir(), "themegraph-chromium-"));
  // A persistent context is how Playwright takes a --user-data-dir: a fresh, empty one.
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1440, height: 900 } });
});
after(async () => {
  await context?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
  await t?.close();
});

/**
 * Whether a Monaco editor shows `text`, whitespace runs collapsed: Monaco renders only the visible
 * lines, spaces as no-break spaces, and indents the continuation of a wrapped line. Runs in the page.
 */
function editorShows([selector, text]: [string, string]): boolean {
  return (document.querySelector(`${selector} .view-lines`)?.textContent ?? "").replace(/\s+/g, " ").includes(text);
}
const collapse = (text: string) => text.replace(/\s+/g, " ");

test("the IDE runs the preloaded theme query and shows its quotes; the docs explorer opens; nothing loads from elsewhere", { skip, timeout: 120_000 }, async () => {
  const query = await readFile(path.join(projectRoot, "examples", "queries", "theme-events-quotes.graphql"), "utf8");
  const answer = await t.gql(query);
  assert.equal(answer.body.errors, undefined, "the example query runs over plain HTTP");
  const expected = answer.body.data.theme.events.nodes[0].quotes.nodes[0].text as string;

  const origin = new URL(t.app.url).origin;
  const elsewhere: string[] = [];
  const problems: string[] = [];
  context.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) elsewhere.push(url);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });

  try {
    await page.goto(t.app.url);
    await page.waitForFunction(editorShows, [".graphiql-query-editor", "query ThemeEventsQuotes"] as [string, string]);

    await page.locator(".graphiql-execute-button").click();
    await page.waitForFunction(editorShows, [".result-window", collapse(expected)] as [string, string], { timeout: 30_000 });

    await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
    await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().waitFor();
  } finally {
    // Taken on failure too: the picture usually says what went wrong.
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  }
  assert.deepEqual(elsewhere, [], "the IDE loads nothing from outside the service");
  assert.deepEqual(problems, [], "no errors in the page (CSP violations would show here)");
});
