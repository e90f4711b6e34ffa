// test/e2e/embed.e2e.ts: widgets embedded in a plain course page (public/example-course.html) in real Chromium:
// each frame sizes itself to its content, trains, shows its locked setting disabled and only the chosen panels;
// a bad embed link shows its message and still sizes its frame; the authors' guide sizes its live example.
import AxeBuilder from "@axe-core/playwright";
import type { FrameLocator, Locator, Page } from "playwright-core";
import { describe, expect, test, url } from "./browser";

/** Training and loading in real workers on a shared two-core machine: generous, since we wait on state, not time. */
const POLL = { timeout: 45_000, interval: 100 };

const sineFrame = (page: Page) => page.frameLocator('iframe[title="Sine playground · RNN Notebook"]');
const charsFrame = (page: Page) => page.frameLocator('iframe[title="Character lab · RNN Notebook"]');

/** The height the course page gave the iframe (from the widget's resize message) and its content's own height. */
async function heights(frame: Locator): Promise<{ styled: number; content: number; scrollable: number }> {
  const styled = await frame.evaluate((el) => el.style.height);
  const inside = await (await frame.elementHandle()).contentFrame();
  const measured = await inside!.evaluate(() => {
    const root = document.querySelector(".embed-root");
    const doc = document.documentElement;
    return {
      content: root ? Math.ceil(root.getBoundingClientRect().height) : -1,
      // How far the frame's own document could scroll: 0 means no inner scrollbar.
      scrollable: doc.scrollHeight - doc.clientHeight,
    };
  });
  return { styled: styled.endsWith("px") ? Number(styled.slice(0, -2)) : NaN, ...measured };
}

/** Waits until the frame's height is the content's and nothing inside scrolls (the content settles as it loads). */
async function expectSizedToContent(frame: Locator): Promise<number> {
  await expect
    .poll(async () => {
      const h = await heights(frame);
      return h.styled === h.content && h.content > 100 && h.scrollable <= 0;
    }, POLL)
    .toBe(true);
  return (await heights(frame)).styled;
}

/** The step a widget's status line shows ("Step 1,200 · …"), or −1 before it shows one. */
async function stepOf(frame: FrameLocator): Promise<number> {
  const text = (await frame.getByRole("status").filter({ hasText: /^Step / }).first().textContent()) ?? "";
  const m = /^Step ([\d,]+)/.exec(text);
  return m ? Number(m[1].replace(/,/g, "")) : -1;
}

/** Serious and critical WCAG 2 A/AA problems axe finds on the page (and inside its frames), one line each. */
async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}; e.g. ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

async function openCourse(page: Page): Promise<void> {
  await page.goto(url("example-course.html"));
  await page.getByRole("heading", { level: 1, name: "Recurrent networks" }).waitFor();
}

describe("widgets embedded in a course page", () => {
  test("both frames size themselves to their content, with no scrollbar inside", async ({ page }) => {
    await openCourse(page);
    const frames = page.locator("iframe");
    expect(await frames.count()).toBe(2);
    for (const frame of await frames.all()) {
      await frame.scrollIntoViewIfNeeded();
      // 720px is the page's own first guess; the widget's report replaces it.
      expect(await expectSizedToContent(frame)).not.toBe(720);
    }
    // The widgets stand alone: no site header or footer inside the frames.
    await expect.poll(() => sineFrame(page).getByRole("banner").count()).toBe(0);
    await expect.poll(() => charsFrame(page).getByRole("contentinfo").count()).toBe(0);
  });

  test("the widgets train inside their frames", async ({ page }) => {
    await openCourse(page);
    for (const frame of [sineFrame(page), charsFrame(page)]) {
      await frame.getByRole("button", { name: "Train", exact: true }).scrollIntoViewIfNeeded();
      await expect.poll(() => stepOf(frame), POLL).toBe(0);
      await frame.getByRole("button", { name: "Train", exact: true }).click();
      await expect.poll(() => stepOf(frame), POLL).toBeGreaterThan(3);
      await frame.getByRole("button", { name: "Pause", exact: true }).click();
      await frame.getByRole("button", { name: "Train", exact: true }).waitFor();
    }
  });

  test("a locked setting is shown disabled with its reason; the others can be changed", async ({ page }) => {
    await openCourse(page);
    const lr = sineFrame(page).getByRole("textbox", { name: "Learning rate", exact: true });
    await lr.waitFor();
    expect(await lr.isDisabled()).toBe(true);
    expect(await lr.inputValue()).toBe("0.01");
    const describedBy = (await lr.getAttribute("aria-describedby")) ?? "";
    const notes = await Promise.all(describedBy.split(" ").map((id) => sineFrame(page).locator(`[id="${id}"]`).textContent()));
    expect(notes.join(" ")).toContain("Set by your course (locked)");
    expect(await sineFrame(page).getByRole("textbox", { name: "Hidden size", exact: true }).isEnabled()).toBe(true);

    const cell = charsFrame(page).getByRole("combobox", { name: "Cell", exact: true });
    await cell.scrollIntoViewIfNeeded();
    expect(await cell.isDisabled()).toBe(true);
    expect(await charsFrame(page).getByRole("combobox", { name: "Optimiser", exact: true }).isEnabled()).toBe(true);
  });

  test("panels= shows only the panels it names", async ({ page }) => {
    await openCourse(page);
    const sine = sineFrame(page);
    // panels=series,loss: the prediction and loss charts, and none of the others.
    await sine.getByRole("img", { name: /Training loss/ }).first().waitFor();
    await expect.poll(() => sine.getByRole("img", { name: /^Teacher-forced prediction/ }).count(), POLL).toBeGreaterThan(0);
    expect(await sine.getByRole("img", { name: /Hidden state h/ }).count()).toBe(0);
    expect(await sine.getByRole("img", { name: /Gradient norms/ }).count()).toBe(0);
    expect(await sine.getByRole("combobox", { name: "Parameter shown" }).count()).toBe(0);

    // panels=loss,sample in the character lab: no generating panel, no look inside.
    const chars = charsFrame(page);
    await chars.getByRole("region", { name: "Loss" }).scrollIntoViewIfNeeded();
    await expect.poll(() => chars.getByRole("heading", { name: /Sample/i }).count(), POLL).toBeGreaterThan(0);
    expect(await chars.getByRole("heading", { name: "Generate, one character at a time" }).count()).toBe(0);
    expect(await chars.getByRole("heading", { name: "Inside the network" }).count()).toBe(0);
  });

  test("a bad embed link shows what is wrong inside its frame, and the frame still sizes itself", async ({ page }) => {
    await openCourse(page);
    await page.evaluate(() => {
      const frame = document.createElement("iframe");
      frame.title = "Broken widget";
      frame.src = "./index.html#/playground/sine?embed=1&lock=learningRate&panels=";
      frame.style.width = "100%";
      frame.style.height = "720px";
      frame.style.border = "0";
      document.querySelector("main")!.prepend(frame);
    });
    const broken = page.frameLocator('iframe[title="Broken widget"]');
    const alert = broken.getByRole("alert");
    await alert.waitFor();
    const text = (await alert.textContent()) ?? "";
    expect(text).toContain('lock=learningRate: "learningRate" is not a setting of the sine playground.');
    expect(text).toContain("panels= names no panel, so nothing would be shown.");
    expect(await broken.getByRole("button", { name: "Train", exact: true }).count()).toBe(0);
    const height = await expectSizedToContent(page.locator('iframe[title="Broken widget"]'));
    expect(height).toBeLessThan(400);
  });
});

describe("accessibility of embedding", () => {
  test("the course page with its frames, a locked control and a bad link's message: no serious problems", async ({ page }) => {
    await openCourse(page);
    await sineFrame(page).getByRole("textbox", { name: "Learning rate", exact: true }).waitFor();
    await expect.poll(() => stepOf(charsFrame(page)), POLL).toBe(0);
    expect(await axeProblems(page)).toEqual([]);
    await page.goto(url("#/playground/sine?embed=1&lock=nope"));
    await page.getByRole("alert").waitFor();
    expect(await axeProblems(page)).toEqual([]);
  });

  test("the Embed dialog: labelled, keyboard-operable, no serious problems", async ({ page }) => {
    await page.goto(url("#/playground/sine"));
    await page.getByRole("button", { name: "Embed", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Embed the sine playground" });
    await dialog.waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Embed");
  });
});

describe("the gradient visualizer embedded", () => {
  test("keeps a locked setting against presets and shows only its chosen panels", async ({ page }) => {
    await page.goto(url("#/visualizer/gradients?embed=1&seqLength=20&hidden=8&lock=lr,seqLength&panels=summary,norms"));
    expect(await page.getByRole("banner").count()).toBe(0);
    const lr = page.getByRole("textbox", { name: "Learning rate", exact: true });
    await lr.waitFor();
    expect(await lr.isDisabled()).toBe(true);
    // Every preset changes the sequence length, which the link locked: none can run.
    for (const name of ["Vanishing", "Exploding"]) {
      expect(await page.getByRole("button", { name, exact: true }).isDisabled()).toBe(true);
    }
    await expect.poll(() => page.getByRole("img", { name: /gradient norm per timestep/ }).count(), POLL).toBeGreaterThan(0);
    expect(await page.getByRole("img", { name: /over training/ }).count()).toBe(0);
    expect(await page.getByRole("heading", { name: "Why the gradient vanishes or explodes" }).count()).toBe(0);
  });
});

describe("the authors' guide", () => {
  test("embeds a live, self-sizing playground with the learning rate locked", async ({ page }) => {
    await page.goto(url("#/embed"));
    await page.getByRole("heading", { level: 1, name: "Embedding a widget in your course" }).waitFor();
    const note = page.getByText(/^The frame last reported a height of \d+ px\.$/);
    await note.waitFor({ timeout: POLL.timeout });
    const example = page.frameLocator('iframe[title="Sine playground (embedded example) · RNN Notebook"]');
    expect(await example.getByRole("textbox", { name: "Learning rate", exact: true }).isDisabled()).toBe(true);
    await expectSizedToContent(page.locator('iframe[title="Sine playground (embedded example) · RNN Notebook"]'));
  });
});
