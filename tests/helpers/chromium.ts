/**
 * Debian's Chromium for the browser tests, driven by playwright-core (nothing downloads a browser):
 * a fresh profile per test file, the network chatter of a closed machine turned off. Without Chromium
 * (CHROMIUM_PATH, default /usr/bin/chromium) a test is skipped, except under CI (CI=true), where that
 * is a failure.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
const underCi = ["true", "1"].includes(String(process.env.CI).toLowerCase());

/** node:test's `skip` for a browser test: false, or why it is skipped. */
export const skipWithoutChromium: false | string = available || underCi ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium); under CI this fails`;

/** The machine's network is closed: without these Chromium keeps trying to reach Google. */
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export interface Browser {
  context: BrowserContext;
  page(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchChromium(viewport: { width: number; height: number }): Promise<Browser> {
  assert.ok(available, `Chromium is required under CI and there is none at ${CHROMIUM}`);
  const profile = await mkdtemp(path.join(os.tmpdir(), "themegraph-chromium-"));
  // A persistent context is how Playwright takes a --user-data-dir: a fresh, empty one.
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport });
  return {
    context,
    page: async () => context.pages()[0] ?? (await context.newPage()),
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
