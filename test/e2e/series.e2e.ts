// test/e2e/series.e2e.ts: the playground on a real series in real Chromium: choose births (fetched from
// public/data), train in the real worker, and read the Baselines table: the RNN beside persistence, the seasonal
// naive forecast, AR(p) and the dense network, on the same test windows.
import type { Page } from "playwright-core";
import { describe, expect, test, url } from "./browser";

/** Training in a real worker on a shared two-core machine: generous, since these wait on state, never on time. */
const POLL = { timeout: 60_000, interval: 200 };

const widget = (page: Page) => page.getByRole("region", { name: "Sine-wave prediction playground" });
const table = (page: Page) => widget(page).getByRole("table", { name: /^Baselines: test error/ });
/** The row header of each row of the Baselines table. */
const rowNames = async (page: Page) => (await table(page).getByRole("rowheader").allTextContents()).map((s) => s.trim());
const stepOfRnn = async (page: Page): Promise<number> => {
  const name = (await rowNames(page)).find((n) => n.startsWith("RNN")) ?? "";
  const m = /step ([\d,]+)\)/.exec(name);
  return m ? Number(m[1].replace(/,/g, "")) : -1;
};

describe("series playground", () => {
  test("choose births, train, and the Baselines table shows the RNN against every baseline", async ({ page }) => {
    await page.goto(url("#/playground/sine"));
    await widget(page).getByRole("status").filter({ hasText: /^Step 0 / }).waitFor({ timeout: POLL.timeout });
    await widget(page).getByRole("combobox", { name: "Data set" }).selectOption({ label: "US births per day, 1969–1988" });
    await table(page).waitFor({ timeout: POLL.timeout });
    // The choice is in the link.
    expect(page.url()).toContain("data=births");
    const names = await rowNames(page);
    expect(names[0]).toBe("RNN (this network, step 0)");
    expect(names.slice(1, 4)).toEqual(["Persistence: tomorrow = today", "Seasonal naive: the value 7 steps before", "AR(50), least squares"]);
    expect(names[4]).toMatch(/^Dense network on the last 50 values/);
    await expect.poll(async () => widget(page).getByRole("img", { name: /^7,305 values: training 1–/ }).count(), POLL).toBe(1);

    await widget(page).getByRole("button", { name: "Train", exact: true }).click();
    // The RNN's row is scored again as it trains, and the dense network trains beside it.
    await expect.poll(() => stepOfRnn(page), POLL).toBeGreaterThan(0);
    await expect.poll(async () => (await rowNames(page))[4], POLL).toMatch(/^Dense network on the last 50 values \(epoch \d+ of \d+\)$/);
    await widget(page).getByRole("button", { name: "Pause", exact: true }).click();
    const rnn = table(page).getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^RNN/ }) });
    const mase = Number(((await rnn.getByRole("cell").nth(2).textContent()) ?? "").split(" ")[0]);
    expect(mase).toBeGreaterThan(0);
  }, 240_000);
});
