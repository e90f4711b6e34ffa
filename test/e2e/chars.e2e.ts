// test/e2e/chars.e2e.ts: the character lab in real Chromium: training in the worker, samples and temperature, the
// argmax path against the engine in Node, Chinese text, refused inputs, and models saved, loaded and kept.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { createNetwork, initKernels, loadParams, parseModelFile, sampleSymbols } from "../../src/engine";
import { encode, vocabularyOf } from "../../src/data/text";
import { describe, expect, test, url } from "./browser";

const CORPORA = join(__dirname, "../../public/corpora");
/** Small enough to learn something in seconds on two cores. */
const FAST = "#/lab/chars?hidden=64&bptt=32&lr=0.01";
const LONG = { timeout: 45_000 };

const status = (page: Page) => page.getByRole("status").first();

async function statusText(page: Page): Promise<string> {
  return status(page).innerText();
}

/** The number after "validation" in the status line, in bits per character. */
async function validationBits(page: Page): Promise<number> {
  const m = /validation (\d+\.\d\d) bits\/char/.exec(await statusText(page));
  return m ? Number(m[1]) : NaN;
}

async function stepCount(page: Page): Promise<number> {
  const m = /^Step ([\d,]+)/.exec(await statusText(page));
  return m ? Number(m[1].replace(/,/g, "")) : NaN;
}

async function ready(page: Page): Promise<void> {
  await expect.poll(() => statusText(page), LONG).toMatch(/ready to train|paused/);
}

/** The text of a sample region (the priming text included), as the page shows it. */
async function sampleOf(page: Page, region: "Latest sample" | "Generated text"): Promise<string> {
  return page.getByRole("region", { name: region }).locator("pre").innerText();
}

async function stepTimes(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const before = await stepCount(page);
    await page.getByRole("button", { name: "Step", exact: true }).click();
    await expect.poll(() => stepCount(page), LONG).toBe(before + 1);
  }
}

async function ownText(page: Page): Promise<void> {
  const details = page.getByText("Use your own text");
  if ((await page.getByLabel("Paste text").count()) === 0 || !(await page.getByLabel("Paste text").isVisible())) await details.click();
}

describe("character lab", () => {
  test("loads without errors and training on a built-in text lowers the validation loss", async ({ page }) => {
    await page.goto(url(FAST));
    await page.getByRole("heading", { level: 1, name: "Character lab" }).waitFor();
    await ready(page);
    expect(await page.getByText(/^Vocabulary: \d+ characters/).count()).toBe(1);
    const before = await validationBits(page);
    expect(before).toBeGreaterThan(5); // near log2(V) for an untrained model
    await page.getByRole("button", { name: "Train", exact: true }).click();
    await expect.poll(() => statusText(page), LONG).toMatch(/[\d,]+ tokens\/s/);
    await expect.poll(() => validationBits(page), LONG).toBeLessThan(before - 1);
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    await expect.poll(() => statusText(page), LONG).toMatch(/paused$/);
  });

  test("axe finds no serious or critical accessibility violations once a model is ready", async ({ page }) => {
    await page.goto(url(FAST));
    await ready(page);
    await page.getByRole("button", { name: "Generate", exact: true }).click();
    await page.getByRole("region", { name: "Generated text" }).waitFor();
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(" ")})`)).toEqual([]);
  });

  test("samples change with the temperature, and at temperature 0 follow the engine's argmax path", async ({ page }) => {
    await page.goto(url(FAST));
    await ready(page);
    await stepTimes(page, 5);
    await page.getByLabel("Priming text").fill("First");
    const temperature = page.getByLabel(/^Temperature/);
    await temperature.fill("0");
    await expect.poll(() => page.getByRole("region", { name: "Latest sample" }).innerText(), LONG).toMatch(/temperature 0\.00/);
    const cold = await sampleOf(page, "Latest sample");
    await temperature.fill("1.5");
    await expect.poll(() => page.getByRole("region", { name: "Latest sample" }).innerText(), LONG).toMatch(/temperature 1\.50/);
    const hot = await sampleOf(page, "Latest sample");
    expect(hot).not.toBe(cold);
    expect(cold.startsWith("First")).toBe(true);

    await temperature.fill("0");
    await page.getByRole("button", { name: "Generate", exact: true }).click();
    await expect.poll(() => page.getByRole("region", { name: "Generated text" }).innerText(), LONG).toMatch(/at temperature 0\.00/);
    const greedy = await sampleOf(page, "Generated text");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Save model" }).click();
    const file = await download;
    const path = await file.path();
    const model = parseModelFile(readFileSync(path, "utf8"));
    await initKernels();
    const net = createNetwork(model.config);
    loadParams(net, model);
    const vocabulary = vocabularyOf(model.vocabulary!);
    const steps = sampleSymbols(net, { prime: encode("First", vocabulary), length: 300, temperature: 0, seed: 12345, topK: 1 });
    expect(greedy).toBe(`First${steps.map((s) => vocabulary.symbols[s.index]).join("")}`);
  });

  test("a saved model loads back and samples identically from the same seed; the lab survives a reload", async ({ page }) => {
    await page.goto(url(FAST));
    await ready(page);
    await stepTimes(page, 3);
    await expect.poll(() => page.getByRole("region", { name: "Latest sample" }).innerText(), LONG).toMatch(/step 3,/);
    const before = await sampleOf(page, "Latest sample");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Save model" }).click();
    const saved = await download;
    const modelFile = { name: saved.suggestedFilename(), mimeType: "application/json", buffer: readFileSync(await saved.path()) };
    expect(modelFile.name).toBe("char-lstm-h64-l1-step3.json");

    await page.getByRole("button", { name: "Reset" }).click();
    await expect.poll(() => page.getByRole("region", { name: "Latest sample" }).innerText(), LONG).toMatch(/step 0,/);
    expect(await sampleOf(page, "Latest sample")).not.toBe(before);

    await page.getByLabel("Load a model file (.json)").setInputFiles(modelFile);
    await expect.poll(() => page.getByText(/^Loaded "char-lstm-h64-l1-step3\.json"/).count(), LONG).toBe(1);
    await expect.poll(() => sampleOf(page, "Latest sample"), LONG).toBe(before);

    // A broken file is refused and the loaded model kept.
    await page.getByLabel("Load a model file (.json)").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
    await expect.poll(() => page.getByRole("alert").innerText(), LONG).toMatch(/^Model file "broken.json": The file is not valid JSON.*The current model is kept\.$/s);

    // IndexedDB keeps the settings and the model: after a reload the same model writes the same sample.
    await stepTimes(page, 1);
    await page.waitForTimeout(1000); // the store coalesces saves over 500 ms
    await page.reload();
    await expect.poll(() => statusText(page), LONG).toMatch(/^Step 1 /);
    await page.getByRole("button", { name: "Forget saved model" }).click();
    await expect.poll(() => statusText(page), LONG).toMatch(/^Step 0 /);
    await expect.poll(() => page.getByText(/back to its defaults/).count(), LONG).toBe(1);
  });

  test("pasted Chinese text trains, one symbol per character", async ({ page }) => {
    await page.goto(url(FAST));
    await ready(page);
    const poems = readFileSync(join(CORPORA, "tang-poems.txt"), "utf8").slice(0, 6000);
    const distinct = new Set(poems).size;
    await ownText(page);
    await page.getByLabel("Paste text").fill(poems);
    await page.getByRole("button", { name: "Train on the pasted text" }).click();
    await expect.poll(() => page.getByText(`Vocabulary: ${distinct.toLocaleString("en")} characters`).count(), LONG).toBe(1);
    // The new model is ready once the status reports it: an untrained model is near log2(V) bits per character.
    await expect.poll(() => validationBits(page), LONG).toBeGreaterThan(Math.log2(distinct) - 1);
    await ready(page);
    const before = await validationBits(page);
    await page.getByRole("button", { name: "Train", exact: true }).click();
    await expect.poll(() => stepCount(page), LONG).toBeGreaterThanOrEqual(20);
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    await expect.poll(() => statusText(page), LONG).toMatch(/paused$/);
    expect(await validationBits(page)).toBeLessThan(before);
    await expect.poll(() => sampleOf(page, "Latest sample"), LONG).toMatch(/[\u4e00-\u9fff]/);
  });

  test("bad texts get their messages, and the current text is kept", async ({ page }) => {
    await page.goto(url(FAST));
    await ready(page);
    await ownText(page);
    const alert = page.getByRole("alert");
    const paste = async (text: string) => {
      await page.getByLabel("Paste text").fill(text);
      await page.getByRole("button", { name: "Train on the pasted text" }).click();
    };
    await paste("");
    await expect.poll(() => alert.innerText(), LONG).toMatch(/^Pasted text: The text is empty\./);
    await paste("aaaaaaaaaa");
    await expect.poll(() => alert.innerText(), LONG).toMatch(/single distinct character \("a"\).*The current text is kept\./);
    const file = page.getByLabel("Open a text file (.txt, UTF-8)");
    await file.setInputFiles({ name: "menu.txt", mimeType: "text/plain", buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]) });
    await expect.poll(() => alert.innerText(), LONG).toMatch(/^"menu.txt" is not UTF-8 text/);
    await file.setInputFiles({ name: "big.txt", mimeType: "text/plain", buffer: Buffer.from("to be or not to be\n".repeat(60_000)) });
    await expect.poll(() => alert.innerText(), LONG).toMatch(/^big\.txt: The text has 1,140,000 characters; the lab trains on at most 1,000,000\./);
    expect(await statusText(page)).toMatch(/ready to train/); // the Shakespeare model is still there
    await page.getByRole("button", { name: "Use the first 1,000,000 characters" }).click();
    await expect.poll(() => page.getByText(/^big\.txt \(first 1,000,000 characters\): 1,000,000 characters, 8 distinct\.$/).count(), LONG).toBe(1);
    await ready(page);
  });
});
