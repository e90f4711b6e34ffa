// bench/charUi.ts: the character lab's training speed inside its Web Worker (Chromium) next to the engine's own
// benchmark figure in Node, on the benchmark's char workload: LSTM, H=128, T=25, B=32, Adam, no clipping.
//
// Usage: npx tsx bench/charUi.ts [--seconds 15] [--no-build] [--cell lstm|gru|rnn]
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { chromium, type Page } from "playwright-core";
import { preview } from "vite";
import { createNetwork, createOptimizer, initKernels, trainStep } from "../src/engine";
import { buildVocabulary, encode, normalizeText, TextStreams } from "../src/data/text";
import { engineWasmLib } from "./lib/engine";
import { makeWorkload, type Cell } from "./lib/workloads";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const seconds = Number(arg("--seconds", "15"));
const cell = arg("--cell", "lstm") as Cell;
const H = 128;
const T = 25;
const B = 32;
const LR = 0.002;
const route = `#/lab/chars?corpus=shakespeare&cell=${cell}&hidden=${H}&bptt=${T}&batch=${B}&lr=${LR}&clip=0`;
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

async function statusLine(page: Page): Promise<string> {
  return page.getByRole("status").first().innerText();
}

/** The worker's tokens/s as the status line reports it, sampled once a second after a warm-up of 3 s. */
async function workerTokensPerSec(page: Page): Promise<{ mean: number; samples: number[]; steps: number }> {
  await page.getByRole("button", { name: "Train", exact: true }).click();
  await page.waitForTimeout(3000);
  const samples: number[] = [];
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    await page.waitForTimeout(1000);
    const m = /([\d,]+)\s*tokens\/s/.exec(await statusLine(page));
    if (m) samples.push(Number(m[1].replace(/,/g, "")));
  }
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  const steps = Number(/^Step ([\d,]+)/.exec(await statusLine(page))?.[1].replace(/,/g, "") ?? NaN);
  return { mean: samples.reduce((a, b) => a + b, 0) / samples.length, samples, steps };
}

/** The same text, streams and settings as the page, trained by the bare engine in this Node process. */
async function bareEngineTokensPerSec(durationS: number): Promise<number> {
  await initKernels();
  const text = normalizeText(readFileSync(join(root, "public/corpora/shakespeare.txt"), "utf8"));
  const vocab = buildVocabulary(text);
  const ids = encode(text, vocab);
  const V = vocab.symbols.length;
  const net = createNetwork({ cell, inputSize: V, hiddenSize: H, numLayers: 1, outputSize: V, loss: "xent", inputKind: "onehot" }, { seed: 1 });
  const opt = createOptimizer(net, { kind: "adam", lr: LR });
  const streams = new TextStreams(ids.subarray(0, ids.length - Math.floor(ids.length * 0.1)), B, T);
  const step = (): void => {
    const { batch, isFresh } = streams.next();
    trainStep(net, opt, batch, { clipMaxNorm: null, initialState: isFresh ? "zeros" : "carry" });
  };
  for (let i = 0; i < 10; i++) step();
  let tokens = 0;
  const start = performance.now();
  while (performance.now() - start < durationS * 1000) {
    step();
    tokens += B * T;
  }
  return (tokens * 1000) / (performance.now() - start);
}

/** bench/engine.ts's own char workload (synthetic text, V=65) through its engine adapter: windows of 1 s, best and median. */
async function benchWorkload(durationS: number): Promise<{ tokensPerSec: number; medianTokensPerSec: number }> {
  const tr = await engineWasmLib.create(makeWorkload("char", cell, B));
  for (let i = 0; i < 5; i++) await tr.step();
  const rates: number[] = [];
  for (let w = 0; w < durationS; w++) {
    let tokens = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 1000) {
      await tr.step();
      tokens += tr.tokensPerStep;
    }
    rates.push((tokens * 1000) / (performance.now() - t0));
  }
  tr.dispose();
  rates.sort((a, b) => a - b);
  return { tokensPerSec: rates[rates.length - 1], medianTokensPerSec: rates[Math.floor(rates.length / 2)] };
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
  let worker: { mean: number; samples: number[]; steps: number };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}${route}`);
    await page.waitForFunction(() => /ready to train/.test(document.querySelector('[role="status"]')?.textContent ?? ""), null, { timeout: 60_000 });
    worker = await workerTokensPerSec(page);
  } finally {
    await browser.close();
    await server.close();
  }
  const bare = await bareEngineTokensPerSec(Math.min(10, seconds));
  const bench = await benchWorkload(Math.min(10, seconds));
  const rows: [string, string, string][] = [
    [`worker tokens/s (status line, mean of ${worker.samples.length} s)`, worker.mean.toFixed(0), `${worker.steps} steps`],
    ["  per-second samples", worker.samples.map((v) => v.toFixed(0)).join(" "), ""],
    ["bare engine, same text and streams (Node)", bare.toFixed(0), ""],
    [`bench/engine char ${cell} B=${B} (Node, best window)`, bench.tokensPerSec.toFixed(0), `median ${bench.medianTokensPerSec.toFixed(0)}`],
    ["worker / bench median", `${((100 * worker.mean) / bench.medianTokensPerSec).toFixed(0)}%`, "target ≥ 80%"],
    ["worker / bare engine", `${((100 * worker.mean) / bare).toFixed(0)}%`, ""],
  ];
  console.log(`\nbench:charUi ${route}, ${seconds} s of training, Chromium headless, ${new Date().toISOString().slice(0, 10)}`);
  for (const [name, value, note] of rows) console.log(`${name.padEnd(48)} ${value.padStart(10)}  ${note}`);
}

void main();
