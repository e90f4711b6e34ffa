// test/e2e/gradients.e2e.ts: the gradient visualizer in real Chromium: three cells train in the worker, the curves and
// heatmaps follow, the presets change the numbers as described, divergence and clipping, and settings in the URL.
import type { Page } from "playwright-core";
import { describe, expect, test, url } from "./browser";

const ROUTE = "#/visualizer/gradients";
const CELLS = ["tanh-RNN", "LSTM", "GRU"] as const;

/** The step count the status region reads ("Step 120 · loss …"). */
async function statusStep(page: Page): Promise<number> {
  const text = (await page.getByRole("status").filter({ hasText: /^Step / }).textContent()) ?? "";
  const m = /^Step ([\d,]+) · loss /.exec(text);
  if (!m) throw new Error(`The status region reads "${text}", not "Step N · loss …".`);
  return Number(m[1].replace(/,/g, ""));
}

/** Parses a number as the page formats it ("6.53e−17", "1,234", "0.42"). */
function parseShown(s: string): number {
  return Number(s.replace(/−/g, "-").replace(/,/g, ""));
}

/** ‖∂L/∂h_0‖ / ‖∂L/∂h_{T−1}‖ of one cell, read from the summary the page shows. */
async function ratioOf(page: Page, cell: (typeof CELLS)[number]): Promise<number> {
  const summary = page.getByRole("region", { name: /How much gradient reaches the first step/ });
  const line = (await summary.getByRole("listitem").filter({ hasText: new RegExp(`^${cell}:`) }).textContent()) ?? "";
  const m = /‖∂L\/∂h_0‖ \/ ‖∂L\/∂h_\d+‖ = (\S+) /.exec(line);
  if (!m) throw new Error(`No ratio in the summary line "${line}".`);
  return parseShown(m[1]);
}

async function openPage(page: Page, query = ""): Promise<void> {
  await page.goto(url(`${ROUTE}${query}`));
  await page.getByRole("heading", { level: 1, name: "Gradient visualizer" }).waitFor();
  await expect.poll(() => statusStep(page).catch(() => -1), { timeout: 20_000 }).toBeGreaterThanOrEqual(0);
}

describe("gradient visualizer", () => {
  test("loads with three cells, and all three train: status, curves and heatmaps update", async ({ page }) => {
    await openPage(page);
    for (const cell of CELLS) {
      await page.getByRole("heading", { level: 3, name: cell, exact: true }).waitFor();
    }
    expect(await statusStep(page)).toBe(0);
    const heatmap = page.getByRole("img", { name: /^tanh-RNN: ‖∂L\/∂h_t‖ over training/ });
    const rowsAtStart = await heatmap.getAttribute("aria-label");
    const curve = page.getByRole("img", { name: /^LSTM: gradient norm per timestep/ });
    const curveAtStart = await curve.getAttribute("aria-label");

    await page.getByRole("button", { name: "Train", exact: true }).click();
    await page.getByRole("button", { name: "Pause", exact: true }).waitFor();
    await expect.poll(() => statusStep(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(20);
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    await page.getByRole("button", { name: "Train", exact: true }).waitFor();

    const step = await statusStep(page);
    expect(await heatmap.getAttribute("aria-label")).not.toBe(rowsAtStart);
    expect(await curve.getAttribute("aria-label")).not.toBe(curveAtStart);
    for (const cell of CELLS) {
      const panel = page.getByRole("region", { name: cell, exact: true });
      // Each cell took every step (none diverged with the defaults), and its accuracy was measured on the way.
      expect(await panel.getByText(new RegExp(`^Step ${step.toLocaleString("en")}\\.$`)).count(), cell).toBe(1);
      expect(await panel.getByText(/^Accuracy [\d.]+% at step [\d,]+ \(chance 25%\)$/).count(), cell).toBe(1);
      const total = panel.getByRole("img", { name: new RegExp(`^${cell}: total gradient norm`) });
      expect(await total.getAttribute("aria-label")).toMatch(/before clipping .* at step [\d,]+/);
    }

    // Step after a pause: exactly one more.
    await page.getByRole("button", { name: "Step", exact: true }).click();
    await expect.poll(() => statusStep(page)).toBe(step + 1);
  });

  test("presets: the tanh-RNN's gradient vanishes under Vanishing and explodes under Exploding", async ({ page }) => {
    await openPage(page);
    await page.getByRole("button", { name: "Vanishing" }).click();
    await expect.poll(() => page.url()).toContain("seqLength=60");
    await expect.poll(() => ratioOf(page, "tanh-RNN")).toBeLessThan(1e-6);
    // The LSTM with the "LSTM rescues" forget bias keeps its cell-state gradient; the tanh-RNN still loses it.
    await page.getByRole("button", { name: "LSTM rescues" }).click();
    await expect.poll(() => page.url()).toContain("forgetBias=5");
    const lstm = page.getByRole("region", { name: "How much gradient reaches the first step" });
    await expect.poll(async () => parseShown(/‖∂L\/∂c_0‖ \/ ‖∂L\/∂c_\d+‖ = (\S+) /.exec((await lstm.textContent()) ?? "")?.[1] ?? "NaN")).toBeGreaterThan(0.1);
    expect(await ratioOf(page, "tanh-RNN")).toBeLessThan(1e-6);

    await page.getByRole("button", { name: "Exploding" }).click();
    await expect.poll(() => page.url()).toContain("whhValue=3");
    await expect.poll(() => ratioOf(page, "tanh-RNN")).toBeGreaterThan(1);
  });

  test("LSTM rescues: the gated cells learn to recall the first symbol while the tanh-RNN stays near chance", async ({ page }) => {
    await openPage(page, "?preset=lstmRescues");
    expect(await page.getByRole("button", { name: "LSTM rescues" }).getAttribute("aria-pressed")).toBe("true");
    await page.getByRole("button", { name: "Train", exact: true }).click();
    // The text promises the ordering within about 400 steps (test/worker/gradPresets.test.ts checks three seeds in Node).
    await page.getByText(/both learn the task \(90% and more\) within about 400 steps/).waitFor();
    await expect.poll(() => statusStep(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(400);
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    await page.getByRole("button", { name: "Train", exact: true }).waitFor();
    const accuracy = async (cell: (typeof CELLS)[number]): Promise<number> => {
      const text = (await page.getByRole("region", { name: cell, exact: true }).getByText(/^Accuracy /).textContent()) ?? "";
      return Number(/^Accuracy ([\d.]+)%/.exec(text)?.[1] ?? NaN);
    };
    // Seed 1 (hidden size 16), 400+ steps: in Node the LSTM and GRU are at 100% from step 200 on, the tanh-RNN near
    // 25% (chance) to step 2,000. The margins leave room for the browser's kernels rounding differently.
    expect(await accuracy("LSTM")).toBeGreaterThanOrEqual(90);
    expect(await accuracy("GRU")).toBeGreaterThanOrEqual(90);
    expect(await accuracy("tanh-RNN")).toBeLessThanOrEqual(40);
  });

  test("exploding: the tanh-RNN diverges with an explanation; with clipping the same run survives", async ({ page }) => {
    await openPage(page, "?preset=exploding");
    expect(await ratioOf(page, "tanh-RNN")).toBeGreaterThan(1);
    await page.getByRole("button", { name: "Step", exact: true }).click();
    const rnn = page.getByRole("region", { name: "tanh-RNN", exact: true });
    const alert = rnn.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/The tanh-RNN stopped at step 1: .*‖∂L\/∂θ‖ was \S+/);
    expect(await alert.textContent()).toMatch(/clipping/i);
    // The other two go on.
    await page.getByRole("button", { name: "Step", exact: true }).click();
    await expect.poll(() => statusStep(page)).toBe(2);
    expect(await page.getByRole("region", { name: "GRU", exact: true }).getByText(/^Step 2\.$/).count()).toBe(1);

    await alert.getByRole("button", { name: "Turn on clipping and run again" }).click();
    await expect.poll(() => page.url()).not.toContain("clip=0"); // clipping on is the default, so the link drops it
    await expect.poll(() => statusStep(page)).toBe(0);
    expect(await ratioOf(page, "tanh-RNN")).toBeGreaterThan(1); // the same gradient as before: it still explodes
    for (let i = 0; i < 5; i++) {
      await page.getByRole("button", { name: "Step", exact: true }).click();
      await expect.poll(() => statusStep(page)).toBe(i + 1);
    }
    expect(await rnn.getByRole("alert").count()).toBe(0);
    expect(await rnn.getByText(/^Step 5\.$/).count()).toBe(1);
    expect(await rnn.getByText(/clipped to 1$/).count()).toBe(1);
  });

  test("settings live in the URL; bad values are refused with a message", async ({ page }) => {
    await openPage(page, "?seqLength=500&hidden=abc&nonsense=1&whh=radius&whhValue=0.5");
    const warning = page.getByRole("alert").filter({ hasText: "could not be used" });
    await warning.waitFor();
    const text = (await warning.textContent()) ?? "";
    expect(text).toContain("Sequence length T must be a whole number from 10 to 200");
    expect(text).toContain("Hidden size must be a whole number from 2 to 64");
    expect(text).toContain('"nonsense" is not a setting');
    // The good ones were taken: ρ(W_hh) = 0.5 shows in the explanation.
    await expect.poll(async () => (await page.getByRole("region", { name: "Why the gradient vanishes or explodes" }).textContent()) ?? "").toContain("ρ(Whh) = 0.5000 ");

    const field = page.getByLabel("Sequence length T");
    await field.fill("5");
    await field.press("Enter");
    await page.getByText("Sequence length T must be a whole number from 10 to 200, not 5.").waitFor();
    await field.fill("30");
    await field.press("Enter");
    await expect.poll(() => page.url()).toContain("seqLength=30");
    await expect.poll(() => ratioOf(page, "GRU").then(() => page.getByRole("region", { name: /How much gradient/ }).textContent())).toContain("h_29‖");
  });
});
