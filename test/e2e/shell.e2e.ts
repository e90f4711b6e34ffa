// test/e2e/shell.e2e.ts: the built site in real Chromium: the home page, the nav to every area, and not-found.
import { describe, expect, test, url } from "./browser";

const AREAS = [
  { link: "Lessons", heading: "Lessons", hash: "#/lessons" },
  { link: "Sine playground", heading: "Sine playground", hash: "#/playground/sine" },
  { link: "Gradient visualizer", heading: "Gradient visualizer", hash: "#/visualizer/gradients" },
  { link: "Character lab", heading: "Character lab", hash: "#/lab/chars" },
];

describe("app shell", () => {
  test("the home page loads with its heading, landmarks and navigation", async ({ page }) => {
    await page.goto(url("#/"));
    await page.getByRole("heading", { level: 1, name: "RNN Notebook" }).waitFor();
    expect(await page.title()).toBe("RNN Notebook");
    expect(await page.getByRole("banner").count()).toBe(1);
    expect(await page.getByRole("main").count()).toBe(1);
    expect(await page.getByRole("contentinfo").count()).toBe(1);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const area of AREAS) {
      expect(await nav.getByRole("link", { name: area.link, exact: true }).count(), area.link).toBe(1);
    }
  });

  test("each nav link opens its page, and Back returns to the previous one", async ({ page }) => {
    await page.goto(url("#/"));
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const area of AREAS) {
      await nav.getByRole("link", { name: area.link, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: area.heading, exact: true }).waitFor();
      expect(page.url()).toBe(url(area.hash));
      expect(await page.title()).toBe(`${area.heading} · RNN Notebook`);
      expect(await nav.getByRole("link", { name: area.link, exact: true }).getAttribute("aria-current")).toBe("page");
    }
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: AREAS[AREAS.length - 2].heading, exact: true }).waitFor();
  });

  test("each home page card opens its area", async ({ page }) => {
    for (const area of AREAS) {
      await page.goto(url("#/"));
      await page.getByRole("main").getByRole("link", { name: area.link, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: area.heading, exact: true }).waitFor();
      expect(page.url()).toBe(url(area.hash));
    }
  });

  test("an unknown route says 'Page not found' and links home", async ({ page }) => {
    await page.goto(url("#/no/such/page"));
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    expect(await page.title()).toBe("Page not found · RNN Notebook");
    await page.getByRole("link", { name: "Go to the home page" }).click();
    await page.getByRole("heading", { level: 1, name: "RNN Notebook" }).waitFor();
  });
});
