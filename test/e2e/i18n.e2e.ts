// test/e2e/i18n.e2e.ts: the interface in Simplified Chinese in real Chromium: chosen in the header, kept across pages
// and reloads, read from ?lang=zh, with the widgets' buttons, status lines and headings in Chinese.
import type { Locator, Page } from "playwright-core";
import { describe, expect, test, url } from "./browser";

/** Real workers on a shared two-core machine: these wait on state, never on time. */
const POLL = { timeout: 45_000, interval: 100 };

const h1 = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });
const nav = (page: Page) => page.getByRole("navigation", { name: "主导航" });
const languageSelect = (page: Page) => page.getByRole("banner").getByRole("combobox", { name: "Language / 语言" });
const statusText = async (page: Page): Promise<string> => (await page.getByRole("status").first().textContent()) ?? "";

async function expectRunButtons(scope: Locator): Promise<void> {
  for (const name of ["训练", "单步", "重置"]) expect(await scope.getByRole("button", { name, exact: true }).count(), name).toBe(1);
  expect(await scope.getByRole("button", { name: "Train", exact: true }).count()).toBe(0);
}

describe("interface language", () => {
  test("switch to 简体中文 on the home page, then every area is in Chinese, and a reload keeps it", async ({ page }) => {
    await page.goto(url("#/"));
    await h1(page, "RNN Notebook").waitFor();
    await languageSelect(page).selectOption({ label: "简体中文" });
    await h1(page, "RNN 笔记本").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-Hans");
    expect(await page.title()).toBe("RNN 笔记本");
    await page.getByRole("heading", { level: 2, name: "工作原理" }).waitFor();

    await nav(page).getByRole("link", { name: "正弦波实验场", exact: true }).click();
    await h1(page, "正弦波实验场").waitFor();
    expect(await page.title()).toBe("正弦波实验场 · RNN 笔记本");
    const sine = page.getByRole("region", { name: "正弦波预测实验场" });
    await expect.poll(() => statusText(page), POLL).toMatch(/^第 0 步 · 验证损失 \S+ · 按“训练”或“单步”开始$/);
    await expectRunButtons(sine);
    await sine.getByRole("group", { name: "模型" }).waitFor();
    await sine.getByRole("button", { name: "单步", exact: true }).click();
    await expect.poll(() => statusText(page), POLL).toMatch(/^第 1 步 · 损失 \S+ · 验证损失 \S+ · 已暂停$/);
    await page.getByRole("figure").filter({ hasText: "训练损失与验证损失" }).first().waitFor();

    await nav(page).getByRole("link", { name: "字符实验室", exact: true }).click();
    await h1(page, "字符实验室").waitFor();
    await expect.poll(() => statusText(page), POLL).toMatch(/^第 0 步 · 验证 \d\.\d\d 比特\/字符 · 可以开始训练$/);
    await expectRunButtons(page.getByRole("main"));
    for (const name of ["文本", "模型与训练", "样本", "逐个字符生成", "网络内部"]) {
      await page.getByRole("heading", { level: 2, name, exact: true }).waitFor();
    }

    await nav(page).getByRole("link", { name: "梯度可视化", exact: true }).click();
    await h1(page, "梯度可视化").waitFor();
    const grads = page.getByRole("region", { name: "梯度消失可视化" });
    await expect.poll(() => statusText(page), POLL).toMatch(/^第 0 步 · 损失 \S+（tanh-RNN），\S+（LSTM），\S+（GRU） · 按“训练”或“单步”开始$/);
    await expectRunButtons(grads);
    await grads.getByRole("heading", { level: 2, name: "梯度为什么会消失或爆炸" }).waitFor();

    await nav(page).getByRole("link", { name: "课程", exact: true }).click();
    await h1(page, "课程").waitFor();

    // A reload (no ?lang= in the link) keeps the choice.
    await nav(page).getByRole("link", { name: "字符实验室", exact: true }).click();
    await h1(page, "字符实验室").waitFor();
    await page.reload();
    await h1(page, "字符实验室").waitFor();
    expect(await languageSelect(page).inputValue()).toBe("zh");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-Hans");
    await expect.poll(() => statusText(page), POLL).toMatch(/^第 0 步 · /);

    // And back to English, from any page.
    await languageSelect(page).selectOption({ label: "English" });
    await h1(page, "Character lab").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
  });

  test("?lang=zh opens the sine playground in Chinese in a fresh browser, without an ignored-setting warning", async ({ page }) => {
    await page.goto(url("#/playground/sine?lang=zh&hidden=16"));
    await h1(page, "正弦波实验场").waitFor();
    await expect.poll(() => statusText(page), POLL).toMatch(/^第 0 步 · /);
    expect(await page.getByText("链接中的部分设置无法使用").count()).toBe(0);
    // A bad value is refused in Chinese, naming the setting.
    const lr = page.getByRole("textbox", { name: "学习率", exact: true });
    await lr.fill("-2");
    await lr.press("Enter");
    await page.getByText("学习率必须是大于 0 且不超过 100 的数，而不是 -2。仍在使用 0.01。").waitFor();
    // The link keeps its language as the settings change.
    await page.getByRole("textbox", { name: "隐藏层大小", exact: true }).fill("20");
    await page.getByRole("textbox", { name: "隐藏层大小", exact: true }).press("Enter");
    await expect.poll(() => page.url()).toContain("lang=zh");
    await page.goto(url("#/no/such/page"));
    await h1(page, "页面未找到").waitFor();
  });
});
