// test/e2e/a11y.e2e.ts: axe (WCAG 2 A and AA rules) finds no serious or critical violation on any route, in the light
// and the dark colour scheme, with the widgets loaded (and the sine playground also while it trains); the page honours
// prefers-color-scheme and prefers-reduced-motion; and every route fits a 360 px wide phone without sideways scrolling.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, test, url } from "./browser";

const LONG = { timeout: 40_000 };

interface Route {
  name: string;
  hash: string;
  /** Waits until the page shows what a learner would check: its widgets loaded and ready. */
  ready: (page: Page) => Promise<void>;
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).first().waitFor();

/** The widgets of a lesson load lazily: wait until no request is outstanding and every widget has rendered. */
async function lessonReady(page: Page): Promise<void> {
  await heading(page);
  await page.waitForLoadState("networkidle");
  await expect.poll(() => page.getByRole("status").filter({ hasText: /^Loading/ }).count(), LONG).toBe(0);
}

async function statusMatches(page: Page, re: RegExp, hasHeading = true): Promise<void> {
  if (hasHeading) await heading(page);
  await expect.poll(async () => (await page.getByRole("status").allInnerTexts()).some((t) => re.test(t)), LONG).toBe(true);
}

const ROUTES: Route[] = [
  { name: "home", hash: "#/", ready: heading },
  { name: "lessons index", hash: "#/lessons", ready: heading },
  { name: "lesson: sequences and state", hash: "#/lessons/sequences-and-state", ready: lessonReady },
  { name: "lesson: vanishing gradients", hash: "#/lessons/vanishing-gradients", ready: lessonReady },
  { name: "lesson: LSTM", hash: "#/lessons/lstm", ready: lessonReady },
  { name: "sine playground", hash: "#/playground/sine", ready: (p) => statusMatches(p, /press Train or Step to start/) },
  { name: "gradient visualizer", hash: "#/visualizer/gradients", ready: (p) => statusMatches(p, /^Step \d+ · loss /) },
  { name: "character lab", hash: "#/lab/chars?hidden=32", ready: (p) => statusMatches(p, /ready to train|paused/) },
  { name: "embedding guide", hash: "#/embed", ready: heading },
  // Embedded (embed=1): the widget alone, without the site's header or the page's heading.
  { name: "sine playground embedded", hash: "#/playground/sine?embed=1", ready: (p) => statusMatches(p, /press Train or Step to start/, false) },
  { name: "page not found", hash: "#/no-such-page", ready: heading },
];

/** axe's serious and critical violations under the WCAG 2 A and AA rules, one line each with where to look. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} node(s), e.g. ${v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} ${n.failureSummary?.split("\n")[1] ?? ""}`).join(" | ")}`);
}

describe("accessibility (axe, WCAG 2 A + AA)", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const route of ROUTES) {
      test(`${route.name}, ${colorScheme} scheme: no serious or critical violations`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(url(route.hash));
        await route.ready(page);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test(`sine playground while training, ${colorScheme} scheme: no serious or critical violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(url("#/playground/sine"));
      await statusMatches(page, /press Train or Step to start/);
      await page.getByRole("button", { name: "Train", exact: true }).click();
      await statusMatches(page, /tokens\/s/);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "Pause", exact: true }).click();
    });
  }
});

describe("user preferences", () => {
  test("prefers-color-scheme: the page is dark on a dark system and light on a light one", async ({ page }) => {
    const luminance = async () => {
      const rgb = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(url("#/"));
    await heading(page);
    expect(await luminance()).toBeGreaterThan(0.8);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await luminance()).toBeLessThan(0.2);
  });

  test("prefers-reduced-motion: transitions and animations are cut to nothing", async ({ page }) => {
    await page.goto(url("#/"));
    await heading(page);
    // A home page card lifts on hover with a transition; the link inside it carries the card's name.
    const card = page.getByRole("heading", { level: 3, name: "Sine playground" }).locator("xpath=ancestor::li[1]");
    const longestTransitionS = () =>
      card.evaluate((el) => Math.max(...getComputedStyle(el).transitionDuration.split(",").map((d) => parseFloat(d))));
    await page.emulateMedia({ reducedMotion: "no-preference" });
    expect(await longestTransitionS()).toBeGreaterThan(0.05);
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await longestTransitionS()).toBeLessThan(0.001);
  });
});

describe("small screens: 360 × 740", () => {
  for (const route of ROUTES) {
    test(`${route.name} scrolls only vertically`, async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(url(route.hash));
      await route.ready(page);
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        // Name the widest culprits, so a failure says where to look.
        const wide = [...document.querySelectorAll("body *")]
          .filter((el) => el.getBoundingClientRect().right > width + 1)
          .filter((el) => !el.closest("[class*='sr-only'], .skip-link") && getComputedStyle(el).position !== "fixed")
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} right=${Math.round(el.getBoundingClientRect().right)}`);
        return { scrollWidth: document.documentElement.scrollWidth, width, wide };
      });
      expect(overflow.scrollWidth, overflow.wide.join("; ")).toBeLessThanOrEqual(overflow.width);
    });
  }
});
