// test/e2e/sine.e2e.ts: the sine playground in real Chromium with the real training worker: it trains and learns,
// pauses and steps, diverges and recovers, refuses a bad CSV, restores itself from the link, survives a worker crash.
import type { Page } from "playwright-core";
import { describe, expect, test, url } from "./browser";

/** Training in a real worker on a shared two-core machine: generous, since these wait on state, never on time. */
const POLL = { timeout: 40_000, interval: 100 };

const widget = (page: Page) => page.getByRole("region", { name: "Sine-wave prediction playground" });
const button = (page: Page, name: string) => widget(page).getByRole("button", { name, exact: true });

interface Shown {
  text: string;
  step: number;
  loss: number;
  valLoss: number;
}

/** The status line, parsed: "Step 1,200 · loss 0.0123 · validation loss 0.015 · 45,000 tokens/s". */
async function shown(page: Page): Promise<Shown> {
  const text = (await widget(page).getByRole("status").textContent()) ?? "";
  const num = (re: RegExp) => {
    const m = re.exec(text);
    return m ? Number(m[1].replace(/,/g, "").replace("−", "-")) : NaN;
  };
  return { text, step: num(/^Step ([\d,]+)/), loss: num(/ · loss (\S+)/), valLoss: num(/validation loss (\S+)/) };
}

async function open(page: Page, hash = "#/playground/sine"): Promise<Shown> {
  await page.goto(url(hash));
  await page.getByRole("heading", { level: 1, name: "Sine playground" }).waitFor();
  await expect.poll(async () => (await shown(page)).text, POLL).toMatch(/^Step 0 · validation loss \S+ · press Train or Step to start$/);
  return shown(page);
}

/** Types into a labelled box and presses Enter, as a learner commits a value. */
async function setField(page: Page, label: string, value: string): Promise<void> {
  const box = widget(page).getByRole("textbox", { name: label, exact: true });
  await box.fill(value);
  await box.press("Enter");
}

describe("sine playground", () => {
  test("loads, trains until the loss falls, pauses, and Step advances exactly one step", async ({ page }) => {
    const start = await open(page);
    expect(start.valLoss).toBeGreaterThan(0);
    await button(page, "Train").click();
    await button(page, "Pause").waitFor();
    await expect.poll(async () => (await shown(page)).step, POLL).toBeGreaterThan(0);
    // The defaults are chosen to learn within seconds: the validation loss falls well below where it started.
    await expect.poll(async () => (await shown(page)).valLoss, POLL).toBeLessThan(start.valLoss / 3);
    await expect.poll(async () => (await shown(page)).text, POLL).toMatch(/ · [\d,]+ tokens\/s$/);

    await button(page, "Pause").click();
    await expect.poll(async () => (await shown(page)).text, POLL).toMatch(/ · paused$/);
    await button(page, "Train").waitFor();
    const paused = (await shown(page)).step;
    expect((await shown(page)).step).toBe(paused);

    await button(page, "Step").click();
    await expect.poll(async () => (await shown(page)).step, POLL).not.toBe(paused);
    expect((await shown(page)).step).toBe(paused + 1);
    await expect.poll(async () => (await shown(page)).text, POLL).toMatch(/ · paused$/);
    expect((await shown(page)).step).toBe(paused + 1);
  });

  test("a huge learning rate ends in the divergence message with the weights kept, and a remedy resumes", async ({ page }) => {
    await open(page);
    await widget(page).getByRole("combobox", { name: "Optimiser" }).selectOption("sgd");
    await setField(page, "Learning rate", "10");
    await widget(page).getByRole("checkbox", { name: "Gradient clipping" }).uncheck();
    await expect.poll(() => page.url()).toMatch(/optimizer=sgd&lr=10&clip=0$/);

    await button(page, "Train").click();
    const alert = widget(page).getByRole("alert");
    await alert.waitFor();
    const text = (await alert.textContent()) ?? "";
    const m = /Training stopped at step ([\d,]+): the loss (?:became NaN|became infinite|blew up)[^.]*\. The weights from step ([\d,]+) \(loss [\d.e+−-]+\) are kept, so the run is back at step \2\./.exec(text);
    expect(m, text).not.toBeNull();
    const kept = Number(m![2].replace(/,/g, ""));
    expect(Number(m![1].replace(/,/g, ""))).toBeGreaterThan(kept);
    await expect.poll(async () => (await shown(page)).text, POLL).toMatch(/ · stopped: diverged$/);
    expect((await shown(page)).step).toBe(kept);

    await alert.getByRole("button", { name: "Turn on clipping and continue" }).click();
    await expect.poll(() => widget(page).getByRole("alert").count(), POLL).toBe(0);
    expect(await widget(page).getByRole("checkbox", { name: "Gradient clipping" }).isChecked()).toBe(true);
    await expect.poll(async () => (await shown(page)).step, POLL).toBeGreaterThan(kept + 50);
    expect(await button(page, "Pause").count()).toBe(1);
  });

  test("a bad CSV is refused with a message while the current run goes on", async ({ page }) => {
    await open(page);
    await button(page, "Train").click();
    await expect.poll(async () => (await shown(page)).step, POLL).toBeGreaterThan(10);

    const box = widget(page).getByRole("textbox", { name: "CSV to use" });
    await box.fill("1\n2\nabc\n4");
    await button(page, "Use this series").click();
    const message = widget(page).getByRole("alert");
    await message.waitFor();
    expect(await message.textContent()).toMatch(/^Line 3: "abc" is not a number\. .*The current data is kept\.$/);
    expect(await box.getAttribute("aria-invalid")).toBe("true");

    await widget(page).getByLabel("Upload a .csv file").setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.from("") });
    await expect.poll(() => message.textContent(), POLL).toMatch(/^empty\.csv: The CSV is empty/);

    const atRefusal = (await shown(page)).step;
    await expect.poll(async () => (await shown(page)).step, POLL).toBeGreaterThan(atRefusal + 20);
    expect(await button(page, "Pause").count()).toBe(1);
    expect(await button(page, "Back to sine waves").count()).toBe(0);
  });

  test("the configuration lives in the link and survives a reload; garbage in the link is named", async ({ page }) => {
    await open(page);
    await widget(page).getByRole("combobox", { name: "Cell" }).selectOption("gru");
    await setField(page, "Hidden size", "32");
    await setField(page, "Learning rate", "0.003");
    await expect.poll(() => page.url(), POLL).toBe(url("#/playground/sine?cell=gru&hidden=32&lr=0.003"));

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Sine playground" }).waitFor();
    expect(await widget(page).getByRole("combobox", { name: "Cell" }).inputValue()).toBe("gru");
    expect(await widget(page).getByRole("textbox", { name: "Hidden size" }).inputValue()).toBe("32");
    expect(await widget(page).getByRole("textbox", { name: "Learning rate" }).inputValue()).toBe("0.003");
    expect(await widget(page).getByRole("alert").count()).toBe(0);
    // The network itself is a GRU of 32 units: its gate chart names GRU gates.
    await expect.poll(() => widget(page).getByRole("img", { name: /z, update gate/ }).count(), POLL).toBeGreaterThan(0);

    await open(page, "#/playground/sine?hidden=1000000&foo=bar&cell=gru");
    const warning = widget(page).getByRole("alert");
    expect(await warning.textContent()).toMatch(/hidden=1000000: Hidden size must be a whole number from 1 to 256.*"foo" is not a setting/);
    expect(await widget(page).getByRole("textbox", { name: "Hidden size" }).inputValue()).toBe("24");
    expect(await widget(page).getByRole("combobox", { name: "Cell" }).inputValue()).toBe("gru");
  });

  test("a crashed worker is restarted from the last snapshot and training continues", async ({ page }) => {
    await open(page, "#/playground/sine?testHooks=1");
    await button(page, "Train").click();
    await expect.poll(async () => (await shown(page)).step, POLL).toBeGreaterThan(20);
    await page.evaluate(() => {
      window.__rnnNotebookTestHooks?.simulateCrash();
    });
    const notice = widget(page).getByRole("alert");
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/^The training worker stopped unexpectedly \(.*Simulated crash.*\)\. It was restarted from step ([\d,]+) and training continues\./);
    const from = Number(/restarted from step ([\d,]+)/.exec((await notice.textContent()) ?? "")![1].replace(/,/g, ""));
    expect(from).toBeGreaterThan(20);
    await expect.poll(async () => (await shown(page)).step, POLL).toBeGreaterThan(from + 20);
    expect(await button(page, "Pause").count()).toBe(1);
  });

  test("Space and → work from the keyboard, and the page fits a 360 px screen", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await open(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await widget(page).getByRole("status").click();
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => (await shown(page)).step, POLL).toBe(1);
    await page.keyboard.press("Space");
    await button(page, "Pause").waitFor();
    await page.keyboard.press("Space");
    await expect.poll(async () => (await shown(page)).text, POLL).toMatch(/ · paused$/);
  });
});
