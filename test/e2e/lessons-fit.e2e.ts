// test/e2e/lessons-fit.e2e.ts: lesson maths fits its column on a phone (360 × 740) and on a laptop (1366 × 900):
// every equation is inside the column, or inside a sideways scroller that shows its cue and can take focus; the
// page itself never scrolls sideways; and on the laptop the symbolic (general) rows fit without scrolling.
import type { Page } from "playwright-core";
import { LESSONS } from "../../src/lessons/catalog";
import { describe, expect, test, url } from "./browser";

interface Fit {
  equations: number;
  /** Equations wider than the column, each inside a scroller with its cue. */
  scrolled: number;
  /** Descriptions of equations that stick out of the column without a cued scroller. */
  problems: string[];
  /** The page's own sideways overflow (px). */
  pageOverflow: number;
  /** General (symbolic) step-view rows that need scrolling. */
  generalScrolled: number;
}

function measure(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    const body = document.querySelector(".lesson-body")!.getBoundingClientRect();
    const problems: string[] = [];
    let scrolled = 0;
    const maths = [...document.querySelectorAll<HTMLElement>(".lesson-body .katex")].filter(
      (k) => !k.parentElement?.closest(".katex") && k.getBoundingClientRect().width > 0 && !k.closest("button, .symbol-readout"),
    );
    for (const k of maths) {
      let scroller: HTMLElement | null = k.parentElement;
      while (scroller && scroller !== document.body) {
        const o = getComputedStyle(scroller).overflowX;
        if ((o === "auto" || o === "scroll") && scroller.scrollWidth > scroller.clientWidth + 1) break;
        scroller = scroller.parentElement;
      }
      const r = k.getBoundingClientRect();
      const text = (k.textContent ?? "").slice(0, 40);
      if (scroller && scroller !== document.body) {
        scrolled++;
        const box = scroller.getBoundingClientRect();
        const cue = getComputedStyle(scroller, "::after").content;
        if (scroller.dataset.overflow !== "true" || cue === "none" || cue === "" || scroller.tabIndex !== 0) {
          problems.push(`scroller without cue or focus: ${text}`);
        }
        if (box.left < body.left - 1 || box.right > body.right + 1) problems.push(`scroller wider than the column: ${text}`);
      } else if (r.left < body.left - 1 || r.right > body.right + 1) {
        problems.push(`${Math.round(r.width)} px wide in a ${Math.round(body.width)} px column: ${text}`);
      }
    }
    const generalScrolled = [...document.querySelectorAll<HTMLElement>(".eq-general")].filter((e) => e.scrollWidth > e.clientWidth + 1).length;
    return {
      equations: maths.length,
      scrolled,
      problems,
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      generalScrolled,
    };
  });
}

async function open(page: Page, slug: string, lang: "en" | "zh"): Promise<void> {
  await page.goto(url(`#/lessons/${slug}?lang=${lang}`));
  await page.locator(".lesson-body .katex").first().waitFor();
  await expect.poll(() => page.locator(".widget-loading").count(), { timeout: 15_000 }).toBe(0);
}

/** Lets the scroll cues settle (they are marked on the next animation frame after a change). */
async function settled(page: Page): Promise<Fit> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return measure(page);
}

const SIZES = [
  { name: "phone", width: 360, height: 740 },
  { name: "laptop", width: 1366, height: 900 },
] as const;

describe("lesson maths fits its column", () => {
  for (const size of SIZES) {
    for (const lesson of LESSONS) {
      test(`${lesson.slug} at ${size.width} × ${size.height}`, async ({ page }) => {
        await page.setViewportSize({ width: size.width, height: size.height });
        await open(page, lesson.slug, "en");
        const views: Fit[] = [await settled(page)];
        // The widest rows are the backward pass's: look at it too, at its first and at a middle step.
        const backward = page.getByRole("button", { name: "Backward pass" });
        for (let i = 0; i < (await backward.count()); i++) {
          await backward.nth(i).click();
          views.push(await settled(page));
          await page.getByRole("button", { name: "Previous timestep" }).nth(i).click();
          views.push(await settled(page));
        }
        for (const fit of views) {
          expect(fit.problems, `${lesson.slug} at ${size.width} px`).toEqual([]);
          expect(fit.pageOverflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
          if (size.width >= 1366) expect(fit.generalScrolled, "symbolic rows that need scrolling on a laptop").toBe(0);
        }
        console.log(`[fit] ${lesson.slug} ${size.width}px: ${views.map((v) => `${v.scrolled}/${v.equations} scrolled`).join(", ")}`);
      });
    }
  }

  test("the cue is in Chinese on a Chinese lesson, and a cued scroller scrolls by keyboard", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await open(page, "lstm", "zh");
    const scroller = page.locator('.live-eq[data-overflow="true"]').first();
    await scroller.waitFor();
    expect(await scroller.getAttribute("data-cue")).toMatch(/左右滑动/);
    await scroller.focus();
    const before = await scroller.evaluate((el) => el.scrollLeft);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(before);
  });
});
