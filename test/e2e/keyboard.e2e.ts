// test/e2e/keyboard.e2e.ts: every widget works from the keyboard alone (Tab to Train, Space and Enter press it, → steps,
// a focused chart reads out the value under the arrow keys), every Tab stop shows a visible focus ring, and touch works:
// a tap on a chart shows its readout, a tap on a slider moves it.
import type { Locator, Page } from "playwright-core";
import { describe, expect, test, url } from "./browser";

const POLL = { timeout: 40_000, interval: 100 };

/** Presses Tab until `target` has the focus; fails naming where the focus went if it never does. */
async function tabTo(page: Page, target: Locator, maxStops = 120): Promise<void> {
  const visited: string[] = [];
  for (let k = 0; k < maxStops; k++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
    visited.push(await page.evaluate(() => {
      const el = document.activeElement;
      return el ? `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 30)}"` : "nothing";
    }));
  }
  throw new Error(`${maxStops} presses of Tab never reached the target; the focus went to: ${visited.join(", ")}`);
}

/** Whether the focused element shows a focus indicator: an outline or a box shadow that is actually drawn. */
async function focusRing(page: Page): Promise<{ label: string; isVisible: boolean } | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const hasOutline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 1;
    const hasShadow = s.boxShadow !== "none" && s.boxShadow !== "";
    const label = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`;
    return { label, isVisible: hasOutline || hasShadow };
  });
}

const sine = (page: Page) => page.getByRole("region", { name: "Sine-wave prediction playground" });
const sineStatus = async (page: Page) => (await sine(page).getByRole("status").textContent()) ?? "";
const stepShown = async (page: Page) => Number(/^Step ([\d,]+)/.exec(await sineStatus(page))?.[1].replace(/,/g, "") ?? NaN);

describe("keyboard only", () => {
  test("sine playground: Tab to Train, Space trains, Enter pauses, → steps, and a focused chart reads out with arrows", async ({ page }) => {
    await page.goto(url("#/playground/sine"));
    await expect.poll(() => sineStatus(page), POLL).toMatch(/press Train or Step to start$/);
    const train = sine(page).getByRole("button", { name: "Train", exact: true });
    await tabTo(page, train);
    expect((await focusRing(page))?.isVisible).toBe(true);

    await page.keyboard.press("Space");
    await expect.poll(() => sineStatus(page), POLL).toMatch(/tokens\/s$/);
    // The same button, now "Pause", keeps the focus: Enter presses it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Pause");
    await page.keyboard.press("Enter");
    await expect.poll(() => sineStatus(page), POLL).toMatch(/ · paused$/);

    const paused = await stepShown(page);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => stepShown(page), POLL).toBe(paused + 1);

    // The first chart: the prediction over time. Its plot takes the focus; → reads timestep 0, → again timestep 1.
    const figure = page.getByRole("figure", { name: "Target vs prediction" });
    await tabTo(page, figure.getByRole("img").first());
    expect((await focusRing(page))?.isVisible).toBe(true);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => figure.getByText(/^t = 0 \(teacher-forced\): target /).count()).toBe(1);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => figure.getByText(/^t = 1 \(teacher-forced\): target /).count()).toBe(1);
    // The chart used the arrow: no optimiser step was taken.
    expect(await stepShown(page)).toBe(paused + 1);
    await page.keyboard.press("Escape");
  });

  test("character lab: Tab to Train, Space trains, Space again pauses, Enter on Step takes one step", async ({ page }) => {
    await page.goto(url("#/lab/chars?hidden=32"));
    const status = page.getByRole("status").first();
    await expect.poll(() => status.innerText(), POLL).toMatch(/ready to train|paused/);
    await tabTo(page, page.getByRole("button", { name: "Train", exact: true }));
    expect((await focusRing(page))?.isVisible).toBe(true);
    await page.keyboard.press("Space");
    await expect.poll(() => status.innerText(), POLL).toMatch(/tokens\/s/);
    await page.keyboard.press("Space");
    await expect.poll(() => status.innerText(), POLL).toMatch(/paused$/);
    const step = async () => Number(/^Step ([\d,]+)/.exec(await status.innerText())?.[1].replace(/,/g, "") ?? NaN);
    const before = await step();
    await page.keyboard.press("Tab"); // Train → Step
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Step");
    await page.keyboard.press("Enter");
    await expect.poll(step, POLL).toBe(before + 1);
  });

  test("gradient visualizer: Tab to Train, Enter trains, Enter again pauses", async ({ page }) => {
    await page.goto(url("#/visualizer/gradients"));
    const status = page.getByRole("status").filter({ hasText: /^Step / });
    await expect.poll(() => status.textContent(), POLL).toMatch(/^Step 0 · loss /);
    await tabTo(page, page.getByRole("button", { name: "Train", exact: true }));
    expect((await focusRing(page))?.isVisible).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(async () => Number(/^Step ([\d,]+)/.exec((await status.textContent()) ?? "")?.[1].replace(/,/g, "")), POLL).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Pause");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Train", exact: true }).waitFor();
  });

  test("a chart's Export menu: Enter opens it, Tab reaches Download CSV, Enter downloads, Escape closes", async ({ page }) => {
    await page.goto(url("#/playground/sine"));
    await expect.poll(() => sineStatus(page), POLL).toMatch(/press Train or Step to start$/);
    const figure = page.getByRole("figure", { name: "Training and validation loss" });
    await tabTo(page, figure.locator("summary"));
    expect((await focusRing(page))?.isVisible).toBe(true);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Download CSV");
    expect((await focusRing(page))?.isVisible).toBe(true);
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toBe("training-and-validation-loss.csv");
    // Opened again, Escape closes it and puts the focus back on "Export".
    await figure.locator("summary").focus();
    await page.keyboard.press("Enter");
    await figure.getByRole("button", { name: "Download PNG" }).focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => figure.getByRole("button", { name: "Download PNG" }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent?.startsWith("Export"))).toBe(true);
  });

  for (const hash of ["#/", "#/lessons/lstm", "#/playground/sine", "#/visualizer/gradients", "#/lab/chars?hidden=32", "#/embed"]) {
    test(`${hash}: every Tab stop shows a visible focus indicator`, async ({ page }) => {
      await page.goto(url(hash));
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await page.waitForLoadState("networkidle");
      const missing: string[] = [];
      const seen = new Set<string>();
      let stops = 0;
      for (let k = 0; k < 300; k++) {
        await page.keyboard.press("Tab");
        const ring = await focusRing(page);
        if (ring === null) break; // past the last stop: the focus left the page
        const where = await page.evaluate(() => {
          const el = document.activeElement!;
          const r = el.getBoundingClientRect();
          return `${el.tagName}@${Math.round(r.left)},${Math.round(r.top + window.scrollY)}`;
        });
        if (seen.has(where)) break; // wrapped round to the start
        seen.add(where);
        stops++;
        if (!ring.isVisible) missing.push(ring.label);
      }
      expect(stops).toBeGreaterThan(3);
      expect(missing).toEqual([]);
    });
  }
});

describe("touch", () => {
  test("a tap on a chart shows the value there; a tap on a slider moves it", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    try {
      await page.goto(url("#/playground/sine"));
      await expect.poll(() => sineStatus(page), POLL).toMatch(/press Train or Step to start$/);
      const figure = page.getByRole("figure", { name: "Target vs prediction" });
      const plot = figure.getByRole("img").first();
      await plot.scrollIntoViewIfNeeded();
      const box = (await plot.boundingBox())!;
      await page.touchscreen.tap(box.x + box.width * 0.5, box.y + box.height * 0.5);
      await expect.poll(() => figure.getByText(/^t = \d+ \((teacher-forced|free-running)\): target /).count()).toBe(1);

      // The character lab's temperature slider: a tap near its right end moves it up.
      await page.goto(url("#/lab/chars?hidden=32"));
      const slider = page.getByRole("slider", { name: /temperature/i }).first();
      await slider.scrollIntoViewIfNeeded();
      const before = Number(await slider.inputValue());
      const s = (await slider.boundingBox())!;
      await page.touchscreen.tap(s.x + s.width - 4, s.y + s.height / 2);
      await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThan(before);
    } finally {
      await context.close();
    }
  });
});
