// bench/ui.ts: `npm run bench:ui`: the built site in Chromium: first load of every route (time, longest task), then
// one route while it trains: main-thread long tasks, snapshots/s, chart frames/s and the worker's tokens/s, beside
// the bare engine in Node on the same workload.
//
// Usage: npm run bench:ui -- [--seconds 10] [--route "#/playground/sine"] [--no-build] [--no-routes]
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { chromium, type Browser, type Page } from "playwright-core";
import { preview } from "vite";
import { createNetwork, createOptimizer, initKernels, trainStep } from "../src/engine";
import { SeriesBatcher } from "../src/data/series";
import { makeSineDataset } from "../src/data/sine";
import { defaults } from "../src/store/schema";
import { SINE_SCHEMA, toSetup } from "../src/store/sineSettings";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const seconds = Number(arg("--seconds", "10"));
const route = arg("--route", "#/playground/sine");
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Runs in the page before any script: counts snapshot messages from every worker, and animation frames in which a chart changed. */
function instrument(): void {
  const w = window as unknown as { __bench: { snapshots: number; chartFrames: number; frames: number; longTasks: number[] } };
  w.__bench = { snapshots: 0, chartFrames: 0, frames: 0, longTasks: [] };
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener("message", (e: MessageEvent<{ type?: string }>) => {
        if (e.data.type === "snapshot") w.__bench.snapshots++;
      });
    }
  };
  let changed = false;
  new MutationObserver((records) => {
    if (records.some((r) => (r.target as Element).closest?.("figure, svg, canvas"))) changed = true;
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const frame = (): void => {
    w.__bench.frames++;
    if (changed) w.__bench.chartFrames++;
    changed = false;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.longTasks.push(e.duration);
  }).observe({ type: "longtask", buffered: true });
}

interface PageFigures {
  snapshots: number;
  chartFrames: number;
  frames: number;
  longTasks: number[];
}

const readFigures = (page: Page): Promise<PageFigures> =>
  page.evaluate(() => (window as unknown as { __bench: PageFigures }).__bench).then((b) => ({ ...b, longTasks: [...b.longTasks] }));

/** tokens/s as the status region reports it ("… · 12,345 tokens/s"). */
async function statusTokensPerSec(page: Page): Promise<number> {
  const text = await page.getByRole("status").first().innerText();
  const m = /([\d,]+)\s*tokens\/s/.exec(text);
  return m ? Number(m[1].replace(/,/g, "")) : NaN;
}

/** The bare engine on the playground's default workload, in this Node process (same kernels choice: auto). */
async function bareEngineTokensPerSec(durationS: number): Promise<number> {
  await initKernels();
  const setup = toSetup(defaults(SINE_SCHEMA), null);
  if (setup.data.kind !== "sine") throw new Error("expected the sine default");
  const data = makeSineDataset(setup.data.spec);
  const net = createNetwork({ cell: setup.model.cell, inputSize: 1, hiddenSize: setup.model.hiddenSize, numLayers: setup.model.numLayers, outputSize: 1, loss: "mse" }, { seed: 1 });
  const opt = createOptimizer(net, { kind: setup.optim.optimizer, lr: setup.optim.learningRate });
  const batcher = new SeriesBatcher(data, setup.batchSize, 2);
  for (let i = 0; i < 20; i++) trainStep(net, opt, batcher.next(), { clipMaxNorm: setup.optim.clipMaxNorm });
  let tokens = 0;
  const start = performance.now();
  while (performance.now() - start < durationS * 1000) {
    const b = batcher.next();
    trainStep(net, opt, b, { clipMaxNorm: setup.optim.clipMaxNorm });
    tokens += b.T * b.B;
  }
  return (tokens * 1000) / (performance.now() - start);
}

/**
 * tsx compiles this file with esbuild's keepNames, which wraps classes and functions in `__name(…)`; the page has no
 * such helper, so without this stand-in `instrument` threw at its first class and measured nothing (0 frames).
 */
const KEEP_NAMES_SHIM = "window.__name = window.__name || ((target) => target);";

/** Routes measured on first load: each main page once, in a fresh context (empty cache, as a first visit). */
const FIRST_LOAD_ROUTES = ["#/", "#/lessons", "#/lessons/lstm", "#/playground/sine", "#/visualizer/gradients", "#/lab/chars", "#/lab/classify", "#/embed"];

/** Time to the page's heading, time until the network is idle (lazy chunks, worker, texts), longest task meanwhile. */
async function firstLoads(browser: Browser, base: string): Promise<void> {
  console.log("\nbench:ui first load per route (fresh context each), Chromium headless");
  console.log(`${"route".padEnd(26)} ${"heading shown".padStart(14)} ${"network idle".padStart(13)} ${"longest task".padStart(13)}  long tasks`);
  for (const r of FIRST_LOAD_ROUTES) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(KEEP_NAMES_SHIM);
    await page.addInitScript(instrument);
    const start = performance.now();
    await page.goto(`${base}${r}`);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    const headingMs = performance.now() - start;
    await page.waitForLoadState("networkidle");
    const idleMs = performance.now() - start;
    const { longTasks } = await readFigures(page);
    await context.close();
    const longest = Math.max(0, ...longTasks);
    console.log(`${r.padEnd(26)} ${`${headingMs.toFixed(0)} ms`.padStart(14)} ${`${idleMs.toFixed(0)} ms`.padStart(13)} ${`${longest.toFixed(0)} ms`.padStart(13)}  ${longTasks.length}`);
  }
}

async function main(): Promise<void> {
  if (!args.includes("--no-build")) {
    const r = spawnSync(join(root, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const server = await preview({ root, logLevel: "warn", preview: { host: "127.0.0.1", port: 0, strictPort: true, open: false } });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error("vite preview reported no URL");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    if (!args.includes("--no-routes")) await firstLoads(browser, base);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(KEEP_NAMES_SHIM);
    await page.addInitScript(instrument);
    const loadStart = performance.now();
    await page.goto(`${base}${route}`);
    const train = page.getByRole("button", { name: "Train", exact: true });
    await train.waitFor();
    const loadMs = performance.now() - loadStart;
    const atLoad = await readFigures(page);
    await train.click();
    const before = await readFigures(page);
    const t0 = performance.now();
    // Sample the worker's own tokens/s a few times while it trains (the status region shows it).
    const rates: number[] = [];
    while (performance.now() - t0 < seconds * 1000) {
      await page.waitForTimeout(1000);
      rates.push(await statusTokensPerSec(page));
    }
    const after = await readFigures(page);
    const elapsed = (performance.now() - t0) / 1000;
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    const trainingLong = after.longTasks.slice(before.longTasks.length);
    const workerRate = rates.slice(1).filter(Number.isFinite);
    const workerTokens = workerRate.length ? workerRate.reduce((a, b) => a + b, 0) / workerRate.length : NaN;
    const engineTokens = await bareEngineTokensPerSec(Math.min(5, seconds));
    const rows: [string, string, string][] = [
      ["first load: time to the Train button", `${loadMs.toFixed(0)} ms`, ""],
      ["first load: longest main-thread task", `${Math.max(0, ...atLoad.longTasks).toFixed(0)} ms`, ""],
      ["training: main-thread tasks > 50 ms", String(trainingLong.length), "target 0"],
      ["training: longest main-thread task", `${Math.max(0, ...trainingLong).toFixed(0)} ms`, "target ≤ 50 ms"],
      ["training: snapshots/s", ((after.snapshots - before.snapshots) / elapsed).toFixed(1), "≤ 30 by design"],
      ["training: chart frames/s", ((after.chartFrames - before.chartFrames) / elapsed).toFixed(1), "target ≥ 20"],
      ["training: animation frames/s", ((after.frames - before.frames) / elapsed).toFixed(1), ""],
      ["worker tokens/s (status region)", workerTokens.toFixed(0), ""],
      ["bare engine tokens/s (Node, same workload)", engineTokens.toFixed(0), ""],
      ["worker / bare engine", `${((100 * workerTokens) / engineTokens).toFixed(0)}%`, "target ≥ 80%"],
    ];
    console.log(`\nbench:ui ${route}, ${seconds} s of training, Chromium headless, ${new Date().toISOString().slice(0, 10)}`);
    for (const [name, value, target] of rows) console.log(`${name.padEnd(46)} ${value.padStart(10)}  ${target}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

void main();
