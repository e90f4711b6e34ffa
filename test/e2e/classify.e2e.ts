// test/e2e/classify.e2e.ts: the text-classification lab in real Chromium: training names in the worker raises the
// validation accuracy, a bad paste is refused with the data kept, the example views, axe, and a 360 px screen.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, test, url } from "./browser";

const LONG = { timeout: 60_000 };
const status = (page: Page) => page.getByRole("status").first();
const statusText = (page: Page): Promise<string> => status(page).innerText();

async function validationAccuracy(page: Page): Promise<number> {
  const m = /validation accuracy (\d+\.\d)%/.exec(await statusText(page));
  return m ? Number(m[1]) : NaN;
}

async function ready(page: Page): Promise<void> {
  await expect.poll(() => statusText(page), LONG).toMatch(/ready to train|paused/);
}

describe("classification lab", () => {
  test("training first names in the worker raises the validation accuracy; the status says so", async ({ page }) => {
    await page.goto(url("#/lab/classify"));
    await page.getByRole("heading", { level: 1, name: "Text classification lab" }).waitFor();
    await ready(page);
    expect(await statusText(page)).toMatch(/^Step 0 · validation accuracy \d+\.\d% · ready to train$/);
    const before = await validationAccuracy(page);
    await page.getByRole("button", { name: "Train", exact: true }).click();
    await expect.poll(() => statusText(page), LONG).toMatch(/^Step [\d,]+ · loss [\d.e-]+ · validation accuracy \d+\.\d% · [\d,]+ examples\/s$/);
    await expect.poll(() => validationAccuracy(page), LONG).toBeGreaterThan(Math.max(before + 10, 72));
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    await expect.poll(() => statusText(page), LONG).toMatch(/paused$/);
    // The example views: the belief while reading and the saliency of each character.
    await expect.poll(() => page.getByText(/^The model says (female|male) \(\d+\.\d%\)\./).count(), LONG).toBe(1);
    expect(await page.getByRole("table", { name: "Confusion matrix (validation)" }).count()).toBe(1);
  });

  test("a bad paste is refused with the reason, and the data in use is kept", async ({ page }) => {
    await page.goto(url("#/lab/classify"));
    await ready(page);
    const counts = page.getByRole("table", { name: "Examples per class" });
    await expect.poll(() => counts.innerText(), LONG).toMatch(/female/);
    await page.getByLabel("Your own lines (label<TAB>text)").fill("spam\tbuy now\nno tab on this line");
    await page.getByRole("button", { name: "Use these lines", exact: true }).click();
    await expect.poll(() => page.getByRole("alert").first().innerText(), LONG).toMatch(/line 2.*The data in use is kept\./is);
    expect(await counts.innerText()).toMatch(/female/);
    expect(await statusText(page)).toMatch(/ready to train/);
  });

  test("axe finds no serious or critical violations, and nothing overflows 360 px", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(url("#/lab/classify"));
    await ready(page);
    await page.getByText(/^The model says/).waitFor(LONG);
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(" ")})`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
