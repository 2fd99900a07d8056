/**
 * The IDE in real headless Chromium (Debian's, driven by playwright-core; nothing is downloaded):
 * it opens with the example theme query, runs it, shows the quotes in the result panel, opens the
 * docs explorer, and loads nothing from outside the service. Screenshot: tests/artifacts/ide.png.
 * Without Chromium (CHROMIUM_PATH, default /usr/bin/chromium) the test is skipped, except under CI
 * (CI=true), where that is a failure.
 */
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { projectRoot } from "../src/paths.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { launchChromium, skipWithoutChromium, type Browser } from "./helpers/chromium.ts";

const skip = skipWithoutChromium;
const SCREENSHOT = path.join(projectRoot, "tests", "artifacts", "ide.png");

let t: TestApp;
/** NODE_ENV=production: introspection is off, and the IDE works from the schema it bundles. */
let production: TestApp;
let browser: Browser;
before(async () => {
  if (skip) return;
  [t, production] = await Promise.all([startTestApp("pglite"), startTestApp("pglite", { env: { NODE_ENV: "production" } })]);
  browser = await launchChromium({ width: 1440, height: 900 });
});
after(async () => {
  await browser?.close();
  await t?.close();
  await production?.close();
});

/**
 * Whether a Monaco editor shows `text`, whitespace runs collapsed: Monaco renders only the visible
 * lines, spaces as no-break spaces, and indents the continuation of a wrapped line. Runs in the page.
 */
function editorShows([selector, text]: [string, string]): boolean {
  return (document.querySelector(`${selector} .view-lines`)?.textContent ?? "").replace(/\s+/g, " ").includes(text);
}
const collapse = (text: string) => text.replace(/\s+/g, " ");

async function ideWorks(t: TestApp, screenshot: string, from = "/"): Promise<void> {
  const query = await readFile(path.join(projectRoot, "examples", "queries", "theme-events-quotes.graphql"), "utf8");
  const answer = await t.gql(query);
  assert.equal(answer.body.errors, undefined, "the example query runs over plain HTTP");
  const expected = answer.body.data.theme.events.nodes[0].quotes.nodes[0].text as string;

  const origin = new URL(t.app.url).origin;
  const elsewhere: string[] = [];
  const problems: string[] = [];
  browser.context.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) elsewhere.push(url);
  });
  const page = await browser.page();
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });

  try {
    await page.goto(new URL(from, t.app.url).toString());
    await page.waitForFunction(editorShows, [".graphiql-query-editor", "query ThemeEventsQuotes"] as [string, string]);

    await page.locator(".graphiql-execute-button").click();
    await page.waitForFunction(editorShows, [".result-window", collapse(expected)] as [string, string], { timeout: 30_000 });

    await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
    await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().click();
    await page.locator(".graphiql-doc-explorer").getByText("theme", { exact: true }).first().waitFor();
  } finally {
    // Taken on failure too: the picture usually says what went wrong.
    await mkdir(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot });
  }
  assert.deepEqual(elsewhere, [], "the IDE loads nothing from outside the service");
  assert.deepEqual(problems, [], "no errors in the page (CSP violations would show here)");
}

test("the IDE runs the preloaded theme query and shows its quotes; the docs explorer opens; nothing loads from elsewhere", { skip, timeout: 120_000 }, async () => {
  await ideWorks(t, SCREENSHOT);
});

test("in production, with introspection off, the IDE still has its docs (the bundled schema); /playground leads to it", { skip, timeout: 120_000 }, async () => {
  const introspection = await production.gql(`{ __schema { queryType { name } } }`);
  assert.ok(introspection.body.errors?.length, "introspection is off in production");
  await ideWorks(production, path.join(projectRoot, "tests", "artifacts", "ide-production.png"), "/playground");
});
