// test/e2e/lessons.e2e.ts: the lessons in real Chromium: every lesson in both languages renders its maths and widgets
// without errors, stepping changes the numbers, the keyboard alone can step, and the language switch and ?lang= work.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { LESSONS } from "../../src/lessons/catalog";
import { describe, expect, test, url } from "./browser";

const CJK = /[\u4e00-\u9fff]/;

/** Opens a lesson and waits until its text and every widget in it have loaded. */
async function openLesson(page: Page, hash: string, title: string): Promise<void> {
  await page.goto(url(hash));
  await page.getByRole("heading", { level: 1, name: title, exact: true }).waitFor();
  // The body has loaded when its first typeset maths is there (every lesson has some).
  await page.locator(".lesson-body .katex").first().waitFor();
  await expect.poll(() => page.locator(".widget-loading").count(), { timeout: 15_000 }).toBe(0);
}

describe("lessons", () => {
  test("the index lists every lesson, in English and in Chinese", async ({ page }) => {
    await page.goto(url("#/lessons"));
    await page.getByRole("heading", { level: 1, name: "Lessons" }).waitFor();
    for (const lesson of LESSONS) {
      expect(await page.getByRole("link", { name: lesson.title.en, exact: true }).count(), lesson.slug).toBe(1);
    }
    await page.getByRole("button", { name: "简体中文" }).click();
    await page.getByRole("heading", { level: 1, name: "课程" }).waitFor();
    for (const lesson of LESSONS) {
      expect(await page.getByRole("link", { name: lesson.title.zh, exact: true }).count(), lesson.slug).toBe(1);
    }
  });

  for (const lesson of LESSONS) {
    for (const lang of ["en", "zh"] as const) {
      test(`${lesson.slug} (${lang}) renders its maths and widgets without errors`, async ({ page }) => {
        await openLesson(page, `#/lessons/${lesson.slug}?lang=${lang}`, lesson.title[lang]);
        expect(await page.locator(".katex").count(), "KaTeX output").toBeGreaterThan(0);
        expect(await page.locator(".katex-error").count(), "KaTeX errors").toBe(0);
        expect(await page.locator(".widget-error").count(), "widget errors").toBe(0);
        expect(await page.locator("article.lesson").getAttribute("lang")).toBe(lang === "zh" ? "zh-Hans" : "en");
        if (lang === "zh") {
          // Every paragraph and list item of the lesson's own text is Chinese: no English left untranslated.
          const texts = await page.locator(".lesson-body > p, .lesson-body > ul > li, .lesson-body > ol > li, .lesson-body h2").allTextContents();
          expect(texts.length).toBeGreaterThan(3);
          const english = texts.filter((t) => t.trim() !== "" && !CJK.test(t));
          expect(english, "paragraphs without Chinese").toEqual([]);
        }
      });
    }
  }

  test("stepping changes the numbers shown, and the diagram follows", async ({ page }) => {
    await openLesson(page, "#/lessons/forward-pass", "The forward pass, step by step");
    const widget = page.getByRole("region", { name: "A tiny RNN (hidden size 2), step by step" });
    const table = widget.getByRole("table", { name: "Values at timestep 1" });
    const before = await table.textContent();
    await widget.getByRole("button", { name: "Next timestep" }).click();
    const after = await widget.getByRole("table", { name: "Values at timestep 2" }).textContent();
    expect(after).not.toBe(before);
    expect(await widget.getByRole("img", { name: /timestep 2 is highlighted/ }).count()).toBe(1);
    expect(await widget.getByRole("status").first().textContent()).toBe("Timestep t = 2 of 4, forward pass.");
  });

  test("keyboard only: Tab to the step controls, Enter and the arrow keys walk through time", async ({ page }) => {
    await openLesson(page, "#/lessons/bptt", "Loss and backpropagation through time");
    const widget = page.getByRole("region", { name: "A tiny RNN (hidden size 2), step by step" });
    // Tab from the top of the page until the widget's "Previous timestep" button has focus.
    let found = false;
    for (let i = 0; i < 60 && !found; i++) {
      await page.keyboard.press("Tab");
      found = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") === "Previous timestep");
    }
    expect(found, "reached the step controls with Tab").toBe(true);
    expect(await widget.getByRole("status").first().textContent()).toBe("Timestep t = 4 of 4, backward pass.");
    await page.keyboard.press("Enter");
    expect(await widget.getByRole("status").first().textContent()).toBe("Timestep t = 3 of 4, backward pass.");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    expect(await widget.getByRole("status").first().textContent()).toBe("Timestep t = 1 of 4, backward pass.");
    expect(await widget.getByRole("table", { name: "Values at timestep 1" }).count()).toBe(1);
    await page.keyboard.press("End");
    expect(await widget.getByRole("status").first().textContent()).toBe("Timestep t = 4 of 4, backward pass.");
  });

  test("the language switch changes the lesson, is remembered, and ?lang= overrides it", async ({ page }) => {
    await openLesson(page, "#/lessons/lstm", "The LSTM");
    await page.getByRole("button", { name: "简体中文" }).click();
    await page.getByRole("heading", { level: 1, name: "长短期记忆网络（LSTM）" }).waitFor();
    expect(await page.getByRole("button", { name: "简体中文" }).getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator(".lesson-body").textContent()).toMatch(CJK);
    // Remembered: a reload, and another lesson, stay in Chinese.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "长短期记忆网络（LSTM）" }).waitFor();
    await page.getByRole("link", { name: /下一课/ }).click();
    await page.getByRole("heading", { level: 1, name: "门控循环单元（GRU）" }).waitFor();
    // The URL wins over the remembered choice.
    await openLesson(page, "#/lessons/gru?lang=en", "The GRU");
    // Switching while the URL names a language rewrites it, so the choice sticks.
    await page.getByRole("button", { name: "简体中文" }).click();
    await page.getByRole("heading", { level: 1, name: "门控循环单元（GRU）" }).waitFor();
    expect(page.url()).toContain("lang=zh");
  });

  test("?lang=zh opens a lesson in Chinese in a fresh browser", async ({ page }) => {
    await openLesson(page, "#/lessons/sequences-and-state?lang=zh", "序列与状态");
    const widget = page.getByRole("region", { name: "逐步运行一个很小的 RNN（隐藏层大小 2）" }).first();
    await widget.getByRole("button", { name: "下一个时间步" }).click();
    expect(await widget.getByRole("status").first().textContent()).toBe("时间步 t = 2（共 4 步），前向传播。");
  });

  test("training in the page: the sequence classifier learns the order task", async ({ page }) => {
    await openLesson(page, "#/lessons/sequence-classification", "Sequence classification");
    const widget = page.getByRole("region", { name: "Live experiment: which comes first, a or b?" });
    await widget.getByRole("button", { name: "Train", exact: true }).click();
    // Held-out accuracy, as the widget measures it with the engine after each slice of training.
    const heldOut = async (): Promise<number> => {
      const text = (await widget.getByText(/^Accuracy:/).textContent()) ?? "";
      return Number(/, (\d+)% on held-out/.exec(text)?.[1] ?? "0");
    };
    await expect.poll(heldOut, { timeout: 30_000 }).toBeGreaterThanOrEqual(90);
    await widget.getByRole("textbox", { name: "Sequence (letters a, b, c, d)" }).fill("cbcdcacdcc");
    await expect.poll(() => widget.getByRole("status").last().textContent()).toMatch(/^The network says: b comes first/);
  });

  test("training in the page: SGD with learning rate 1 diverges, and clipping keeps it finite", async ({ page }) => {
    await openLesson(page, "#/lessons/training", "Training in practice");
    const widget = page.getByRole("region", { name: "Learning rate 1, without and with clipping" });
    await widget.getByRole("button", { name: "Train", exact: true }).click();
    await expect.poll(() => widget.getByRole("status").first().textContent(), { timeout: 30_000 }).toBe("300 optimiser steps / 300");
    expect(await widget.getByText(/^Diverged at step \d+/).count()).toBe(1);
    expect(await widget.getByText(/^final loss/).count()).toBe(1);
  });

  for (const lang of ["en", "zh"] as const) {
    test(`axe finds no serious or critical problems in a lesson (${lang})`, async ({ page }) => {
      await openLesson(page, `#/lessons/lstm?lang=${lang}`, LESSONS[4].title[lang]);
      // The backward pass has the widest equations (scrolling regions must be reachable by keyboard).
      await page.getByRole("button", { name: lang === "en" ? "Backward pass" : "反向传播" }).first().click();
      await page.getByRole("button", { name: lang === "en" ? "Previous timestep" : "上一个时间步" }).first().click();
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
      // axe walks every KaTeX span of the lesson: about a minute on a busy two-core machine.
    }, 180_000);
  }
});
