// test/e2e/browser.ts: the `test` for browser tests: Debian's Chromium, a fresh context per test, and a test that
// fails on any console error, uncaught page error or failed request, with the messages in the failure.
import { chromium, type Browser, type Page } from "playwright-core";
import { inject, test as base } from "vitest";

const CHROMIUM = "/usr/bin/chromium";

// Flags for a headless, offline, root-run container: no sandbox (root), no GPU, and none of the background
// traffic (updates, sync, QUIC probes) that would reach for the network.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** How long one Playwright action or wait may take before it fails with its own message (before vitest's timeout). */
const ACTION_TIMEOUT_MS = 10_000;

/** The built site's URL for a hash route: url("#/lessons"). */
export function url(hash = "#/"): string {
  return `${inject("baseUrl")}${hash}`;
}

export const test = base
  // One browser per test file: launching takes a moment; contexts (below) keep the tests apart.
  // vitest reads a fixture's dependencies from its first parameter, which must be a destructuring pattern.
  // eslint-disable-next-line no-empty-pattern
  .extend("browser", { scope: "file" }, async ({}, { onCleanup }): Promise<Browser> => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    onCleanup(() => browser.close());
    return browser;
  })
  // A fresh context per test: no cookies, storage or cache carried over from the previous test.
  .extend("page", async ({ browser }, { onCleanup }): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      const { url: source, lineNumber } = message.location();
      problems.push(`console.error: ${message.text()}${source ? ` (${source}:${lineNumber})` : ""}`);
    });
    page.on("pageerror", (error) => {
      problems.push(`uncaught error: ${error.stack ?? error.message}`);
    });
    // Chromium's own "Failed to load resource" lines do not reach the console event, so watch the network too.
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    page.on("requestfailed", (request) => {
      const reason = request.failure()?.errorText ?? "unknown reason";
      // A navigation or fetch the page itself cancelled is not a fault.
      if (reason !== "net::ERR_ABORTED") problems.push(`request failed (${reason}): ${request.url()}`);
    });
    onCleanup(async () => {
      await context.close();
      if (problems.length > 0) {
        throw new Error(`The page reported ${problems.length} error(s):\n${problems.join("\n")}`);
      }
    });
    return page;
  });

export { expect, describe } from "vitest";
