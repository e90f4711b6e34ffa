// test/e2e/export.e2e.ts: each chart's Export menu in real Chromium: a PNG at twice the chart's size with its lines
// and cells drawn, a standalone SVG with the page's colours inlined (light or dark), and the data as CSV.
import { readFileSync } from "node:fs";
import type { Download, Locator, Page } from "playwright-core";
import { describe, expect, test, url } from "./browser";

const POLL = { timeout: 40_000, interval: 100 };

const widget = (page: Page) => page.getByRole("region", { name: "Sine-wave prediction playground" });
const statusText = async (page: Page) => (await widget(page).getByRole("status").textContent()) ?? "";

/** Opens the playground and takes a few optimiser steps, so the loss chart has lines to draw. */
async function openWithSteps(page: Page, steps = 4): Promise<void> {
  await page.goto(url("#/playground/sine"));
  await expect.poll(() => statusText(page), POLL).toMatch(/press Train or Step to start$/);
  for (let k = 1; k <= steps; k++) {
    await widget(page).getByRole("button", { name: "Step", exact: true }).click();
    await expect.poll(() => statusText(page), POLL).toMatch(new RegExp(`^Step ${k} `));
  }
}

const figure = (page: Page, name: string) => page.getByRole("figure", { name, exact: true });

async function download(fig: Locator, what: "PNG" | "SVG" | "CSV"): Promise<{ download: Download; bytes: Buffer }> {
  await fig.locator("summary").click(); // the "Export" disclosure
  const [d] = await Promise.all([fig.page().waitForEvent("download"), fig.getByRole("button", { name: `Download ${what}` }).click()]);
  const path = await d.path();
  return { download: d, bytes: readFileSync(path) };
}

/** Decodes an image in the page: its size, how many pixels are near `rgb`, and how many distinct colours it has. */
async function inspectImage(page: Page, bytes: Buffer, mime: string, rgb: [number, number, number]) {
  return page.evaluate(
    async ({ b64, type, want }) => {
      const img = new Image();
      img.src = `data:${type};base64,${b64}`;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let near = 0;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - want[0]) + Math.abs(data[i + 1] - want[1]) + Math.abs(data[i + 2] - want[2]) < 40) near++;
        colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      }
      return { width: img.naturalWidth, height: img.naturalHeight, near, colours: colours.size };
    },
    { b64: bytes.toString("base64"), type: mime, want: rgb },
  );
}

describe("chart export", () => {
  test("the loss chart as a PNG: twice its size on screen, with the training line drawn", async ({ page }) => {
    await openWithSteps(page);
    const loss = figure(page, "Training and validation loss");
    const box = (await loss.boundingBox())!;
    const { download: d, bytes } = await download(loss, "PNG");
    expect(d.suggestedFilename()).toBe("training-and-validation-loss.png");
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a"); // the PNG signature
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    // 2× the figure plus an 8 px margin each side; the menu and data table below the chart are left out.
    expect(width).toBeGreaterThanOrEqual(2 * Math.floor(box.width));
    expect(width).toBeLessThanOrEqual(2 * Math.ceil(box.width + 16) + 2);
    expect(height).toBeGreaterThan(2 * 170);
    // The training line is Okabe–Ito blue (#0072b2) in the light scheme: a line's worth of pixels at 2×.
    const seen = await inspectImage(page, bytes, "image/png", [0x00, 0x72, 0xb2]);
    expect(seen.width).toBe(width);
    expect(seen.near).toBeGreaterThan(200);
    // The menu closes after the download.
    await expect.poll(() => loss.getByRole("button", { name: "Download PNG" }).isVisible()).toBe(false);
  });

  test("the loss chart as an SVG: standalone, colours inlined, caption and lines included", async ({ page }) => {
    await openWithSteps(page);
    const { download: d, bytes } = await download(figure(page, "Training and validation loss"), "SVG");
    expect(d.suggestedFilename()).toBe("training-and-validation-loss.svg");
    const svg = bytes.toString("utf8");
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toContain("var(--"); // every colour resolved: the file looks the same outside the page
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      const paths = [...doc.querySelectorAll("path")].map((p) => p.getAttribute("style") ?? "");
      return {
        hasError: doc.querySelector("parsererror") !== null,
        texts: [...doc.querySelectorAll("text")].map((t) => t.textContent),
        blueLines: paths.filter((s) => s.includes("stroke:rgb(0, 114, 178)") && s.includes("fill:none")).length,
      };
    }, svg);
    expect(parsed.hasError).toBe(false);
    expect(parsed.texts).toContain("Training and validation loss");
    expect(parsed.texts).toContain("training"); // the legend
    expect(parsed.texts).toContain("optimiser step"); // an axis label
    expect(parsed.blueLines).toBeGreaterThanOrEqual(1);
    // It draws as an image, as a file viewer would show it.
    const seen = await inspectImage(page, bytes, "image/svg+xml", [0x00, 0x72, 0xb2]);
    expect(seen.near).toBeGreaterThan(50);
  });

  test("a heatmap exports its cells: an embedded image in the SVG, many colours in the PNG", async ({ page }) => {
    await openWithSteps(page, 2);
    const heatmap = figure(page, "Hidden state h, layer 1");
    const svg = (await download(heatmap, "SVG")).bytes.toString("utf8");
    expect(svg).toMatch(/<image [^>]*href="data:image\/png;base64,/);
    const png = (await download(heatmap, "PNG")).bytes;
    const seen = await inspectImage(page, png, "image/png", [255, 255, 255]);
    expect(seen.colours).toBeGreaterThan(50); // a diverging ramp over 24 units × 50 timesteps
  });

  test("in the dark scheme the picture keeps the page's dark background and light text", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await openWithSteps(page, 2);
    const svg = (await download(figure(page, "Training and validation loss"), "SVG")).bytes.toString("utf8");
    const colours = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      const lum = (c: string) => {
        const [r, g, b] = (c.match(/\d+/g) ?? []).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      };
      const caption = [...doc.querySelectorAll("text")].find((t) => t.textContent === "Training and validation loss");
      const fill = /fill:([^;]+)/.exec(caption?.getAttribute("style") ?? "")?.[1] ?? "";
      return { background: lum(doc.querySelector("svg > rect")?.getAttribute("fill") ?? ""), caption: lum(fill) };
    }, svg);
    expect(colours.background).toBeLessThan(0.2);
    expect(colours.caption).toBeGreaterThan(0.7);
  });

  test("the loss chart's CSV holds every logged step, training and validation", async ({ page }) => {
    await openWithSteps(page, 3);
    const { download: d, bytes } = await download(figure(page, "Training and validation loss"), "CSV");
    expect(d.suggestedFilename()).toBe("training-and-validation-loss.csv");
    const lines = bytes.toString("utf8").replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("step,training loss,validation loss");
    const steps = lines.slice(1).map((l) => Number(l.split(",")[0]));
    expect(steps).toContain(3);
    for (const l of lines.slice(1)) {
      const [, train, val] = l.split(",");
      expect(train === "" || Number(train) > 0, l).toBe(true);
      expect(val === "" || Number(val) > 0, l).toBe(true);
    }
  });
});
