/**
 * The curator's workbench (/curate) in Debian's headless Chromium, driven by playwright-core as the
 * IDE test does: a curator enters the token, pastes a new report of an event already in the graph,
 * fixes a wrong speaker (adding the person the draft missed), links an event to the existing one
 * by searching, sees a validation error at its span, dry runs, ingests, corrects the document again
 * from the document list (replacing its claims), and then removes it; every write is checked over GraphQL. Screenshots:
 * tests/artifacts/workbench-*.png. Without Chromium the test is skipped, except under CI.
 */
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { projectRoot } from "../src/paths.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { launchChromium, skipWithoutChromium, type Browser } from "./helpers/chromium.ts";
import { writeToken } from "./helpers/writes.ts";

const skip = skipWithoutChromium;
const ARTIFACTS = path.join(projectRoot, "tests", "artifacts");
const fixture = (...parts: string[]) => readFile(path.join(projectRoot, "tests", "fixtures", ...parts), "utf8");

const token = writeToken();
let t: TestApp;
let browser: Browser;
before(async () => {
  if (skip) return;
  t = await startTestApp("pglite", { env: token.env });
  // The graph already holds the wire report of the Lumen-3 launch; the article pasted reports it again.
  const corpus = (file: string) => readFile(path.join(projectRoot, "corpus", file), "utf8");
  const [annotation, text] = await Promise.all([corpus("lumen-a-meridian-wire.yaml"), corpus("lumen-a-meridian-wire.txt")]);
  const ingested = await t.send(`mutation ($a: String!, $t: String!) { ingestDocument(annotation: $a, text: $t) { problems { message } } }`, { a: annotation, t: text }, token.bearer);
  assert.deepEqual(ingested.body.data?.ingestDocument.problems, [], JSON.stringify(ingested.body));
  browser = await launchChromium({ width: 1600, height: 1000 });
});
after(async () => {
  await browser?.close();
  await t?.close();
});

/** Selects these words in the article view, as a curator's mouse would (they may span highlights). */
async function selectWords(page: Page, words: string): Promise<void> {
  const found = await page.evaluate((words) => {
    const root = document.querySelector("#text")!;
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    const all = nodes.map((n) => n.data).join("");
    const at = all.indexOf(words);
    if (at < 0) return false;
    const locate = (offset: number) => {
      for (const node of nodes) {
        if (offset <= node.data.length) return { node, offset };
        offset -= node.data.length;
      }
      throw new Error("past the end");
    };
    const start = locate(at), end = locate(at + words.length);
    const range = document.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return true;
  }, words);
  assert.ok(found, `the article shows "${words}"`);
}

/** The card of `list` whose label or reasons mention `text` (pickers' options mention other items too). */
const cardOf = (page: Page, list: string, text: string) => page.locator(`.card-${list}`).filter({ has: page.locator("header .label, .why", { hasText: text }) });

/** Types into a picking field, waits for the search to offer `slug`, and picks it. */
async function pick(page: Page, field: ReturnType<Page["locator"]>, typed: string, slug: string): Promise<void> {
  await field.fill(typed);
  const list = await field.getAttribute("list");
  await page.waitForFunction(([id, slug]) => [...document.querySelectorAll(`#${id} option`)].some((o) => (o as HTMLOptionElement).value === slug), [list!, slug] as const);
  await field.fill(slug);
  await field.press("Tab");
}

test("a curator drafts, corrects, links, validates, dry-runs and ingests an article, then removes it", { skip, timeout: 180_000 }, async () => {
  const article = await fixture("curate", "lumen-harbourton-gazette.txt");
  const origin = new URL(t.app.url).origin;
  const elsewhere: string[] = [];
  const problems: string[] = [];
  browser.context.on("request", (request) => {
    if (!request.url().startsWith(origin) && !/^(data|blob):/.test(request.url())) elsewhere.push(request.url());
  });
  const page = await browser.page();
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (m) => {
    // The wrong token's 200 answer with UNAUTHENTICATED is no console error; anything else is.
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  await mkdir(ARTIFACTS, { recursive: true });
  try {
    // The token, once per browser session: a wrong one is refused with the service's reason.
    await page.goto(`${origin}/curate`);
    await page.locator("#token").fill(writeToken().token);
    await page.getByRole("button", { name: "Enter" }).click();
    await page.locator("#login-error", { hasText: "not valid" }).waitFor();
    await page.locator("#token").fill(token.token);
    await page.getByRole("button", { name: "Enter" }).click();
    await page.locator("#who", { hasText: "writing as token" }).waitFor();

    // Paste and draft: proposals appear over the text, each with its reason.
    await page.locator("#article").fill(article);
    await page.locator("#make-draft").click();
    await page.locator("#cards .card-quotes").first().waitFor({ timeout: 30_000 });
    assert.ok(await page.locator("#text mark.hl-events").count() > 0, "events are highlighted at their evidence");
    assert.ok(await page.locator("#text mark.hl-quotes").count() > 0, "quotes are highlighted");
    const launch = cardOf(page, "events", "lumen-3-launch");
    await launch.locator(".why", { hasText: "same event as lumen-3-launch" }).waitFor();

    // Fix a wrong speaker: the draft missed Marten Ilves; add him from the text and pick him.
    const sixYears = cardOf(page, "quotes", "six years");
    const wrongSpeaker = await sixYears.locator('input[name="speaker"]').inputValue();
    if (!(await cardOf(page, "people", "Marten Ilves").count())) {
      await selectWords(page, "Marten Ilves");
      await page.locator('button[data-add="people"]').click();
      await cardOf(page, "people", "Marten Ilves").waitFor();
    }
    await pick(page, sixYears.locator('input[name="speaker"]'), "Mart", "marten-ilves");
    const bogus = cardOf(page, "people", "Solberg’s").or(cardOf(page, "people", "Solberg's"));
    if (wrongSpeaker !== "marten-ilves" && (await bogus.count())) await bogus.getByRole("button", { name: "Reject" }).click();

    // The draft resolves "she" to the person named just before; the text names the speaker after.
    const april = cardOf(page, "quotes", "first forecasts");
    await pick(page, april.locator('input[name="speaker"]'), "Vera", "vera-lind");
    // A plan is no event: reject it, and the quote is about no event.
    const plan = cardOf(page, "events", "in April");
    if (await plan.count()) await plan.getByRole("button", { name: "Reject" }).click();
    await april.locator('input[name="event"]').fill("");
    await april.locator('input[name="event"]').press("Tab");

    // Link an event by hand: unlink the proposed ref, then search the graph for the launch again.
    await launch.locator('input[name="ref"]').fill("");
    await launch.locator('input[name="ref"]').press("Tab");
    const unlinked = cardOf(page, "events", "on Tuesday");
    await unlinked.locator("header .kind", { hasText: /^event$/ }).waitFor();
    await pick(page, unlinked.locator('input[name="ref"]'), "Lumen-3", "lumen-3-launch");
    await page.locator(".card-events header .kind", { hasText: "event (ref)" }).waitFor();

    // A validation error at its span, as the curator edits; fixed again.
    const readings = cardOf(page, "events", "on Wednesday");
    await readings.locator('input[name="date"]').fill("on Blursday");
    const marker = page.locator("#text .problem-at-span", { hasText: "date" });
    await marker.waitFor({ timeout: 15_000 });
    await readings.locator(".problems li", { hasText: "date" }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "workbench-validation.png") });
    await readings.locator('input[name="date"]').fill("on Wednesday");
    await marker.waitFor({ state: "detached", timeout: 15_000 });

    // Dry run: what would change, before writing; then ingest.
    await page.locator("#accept-all").click();
    await page.locator("#dry-run").click();
    await page.locator("#status", { hasText: "Dry run clean" }).waitFor({ timeout: 15_000 });
    await page.locator("#outcome table.changes", { hasText: "quotes" }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "workbench-dry-run.png"), fullPage: true });
    assert.equal(await page.locator("#ingest").isEnabled(), true);
    await page.locator("#ingest").click();
    await page.locator("#status", { hasText: "Ingested" }).waitFor({ timeout: 30_000 });
    const slug = (await page.locator("#doc-slug").inputValue()).trim();
    await page.locator("#outcome .fact-links a", { hasText: `event lumen-3-launch` }).waitFor();

    // The new facts, over GraphQL.
    const facts = await t.data(`{ quotes(filter: { speaker: "marten-ilves" }) { nodes { text document: evidence { document { slug } } } }
      lind: quotes(filter: { speaker: "vera-lind" }) { nodes { text event { slug } } }
      event(slug: "lumen-3-launch") { claims(property: DATE) { nodes { value written document { slug } } } }
      document(slug: "${slug}") { annotation } }`);
    assert.match(facts.quotes.nodes[0].text, /six years/);
    assert.equal(facts.quotes.nodes[0].document.document.slug, slug);
    assert.equal(facts.quotes.nodes.length, 1, "the wrongly attributed quote went to Vera Lind");
    assert.deepEqual(facts.lind.nodes.map((q: any) => [q.text, q.event]), [["We will publish the first forecasts built on its readings in April,", null]]);
    assert.ok(facts.event.claims.nodes.some((c: any) => c.document?.slug === slug && c.value === "2026-03-10" && c.written === "on Tuesday"), JSON.stringify(facts.event.claims));
    assert.match(facts.document.annotation, /ref: lumen-3-launch/);

    // The document list: open the document again, correct it, and ingest it to replace its claims.
    await page.getByRole("button", { name: "Documents" }).click();
    const row = page.locator(`li.document[data-slug="${slug}"]`);
    await row.getByRole("button", { name: "Correct and replace" }).click();
    await page.locator("#status", { hasText: `${slug} is open` }).waitFor();
    const reopened = cardOf(page, "events", "HARBOURTON");
    await reopened.locator('input[name="place"]').fill("Harbourton forecast centre");
    await page.locator("#dry-run").click();
    await page.locator("#outcome table.changes", { hasText: "claims" }).waitFor({ timeout: 15_000 });
    await page.locator("#ingest").click();
    await page.locator("#status", { hasText: `Ingested ${slug}` }).waitFor({ timeout: 30_000 });
    const replaced = await t.data(`{ document(slug: "${slug}") { claims(property: PLACE) { nodes { slug value } } } }`);
    assert.deepEqual(replaced.document.claims.nodes.map((c: any) => c.value), ["Harbourton forecast centre"]);

    // Its claims, then remove it (dry run first).
    await page.getByRole("button", { name: "Documents" }).click();
    await row.getByRole("button", { name: "Claims" }).click();
    await row.locator("ul.claims li", { hasText: "marten-ilves" }).first().waitFor();
    await row.getByRole("button", { name: "Remove…" }).click();
    await row.locator(".removal table.changes", { hasText: "documents" }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "workbench-documents.png"), fullPage: true });
    await row.getByRole("button", { name: "Remove for good" }).click();
    await page.locator("#status", { hasText: `Removed ${slug}` }).waitFor();
    const gone = await t.data(`{ document(slug: "${slug}") { slug } person(slug: "marten-ilves") { slug } event(slug: "lumen-3-launch") { claims(property: DATE) { totalCount } } }`);
    assert.deepEqual(gone, { document: null, person: null, event: { claims: { totalCount: 1 } } }, "only the wire report's claims stay");
  } catch (error) {
    await page.screenshot({ path: path.join(ARTIFACTS, "workbench-failure.png"), fullPage: true }).catch(() => {});
    throw error;
  }
  assert.deepEqual(elsewhere, [], "the workbench loads nothing from outside the service");
  assert.deepEqual(problems, [], "no errors in the page");
});
