// scripts/conformance.ts: `npm run conformance -- <dir> [--out file] [--kernels ts|wasm-simd|auto]`.
// Runs every fixture *.json in <dir> (format versions 1 and 2, never reading `expected` to compute), writes all
// results as one JSON object keyed by fixture name, and where fixtures carry `expected`, prints each fixture's
// worst norm-wise relative error.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { compareFixture, parseFixture, runFixture, type FixtureResult } from "../src/engine/conformance";
import { initKernels, type KernelChoice } from "../src/engine/kernels";
import { runSeq2seqFixture } from "../src/engine/seq2seq/conformance";

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run conformance -- <fixture dir> [--out results.json] [--kernels auto|ts|wasm-simd]`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let dir: string | undefined;
  let outFile: string | undefined;
  let kernels: KernelChoice = "auto";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--out") outFile = args[++i] ?? usage("--out needs a file name.");
    else if (a === "--kernels") {
      const k = args[++i];
      if (k !== "auto" && k !== "ts" && k !== "wasm-simd") usage(`--kernels must be auto, ts or wasm-simd, not ${k ?? "nothing"}.`);
      kernels = k;
    } else if (a.startsWith("--")) usage(`Unknown option ${a}.`);
    else dir = a;
  }
  if (!dir) usage("Name the folder of fixtures.");
  await initKernels();
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  } catch (e) {
    usage(`Cannot read the folder ${dir}: ${(e as Error).message}`);
  }
  if (files.length === 0) usage(`${dir} holds no *.json fixtures.`);
  const results: Record<string, FixtureResult> = {};
  let worstOverall = 0;
  let failures = 0;
  for (const file of files) {
    const name = basename(file, ".json");
    try {
      const raw = JSON.parse(readFileSync(join(dir, file), "utf8")) as unknown;
      const obj = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
      const fxName = typeof obj.name === "string" ? obj.name : name;
      let result: FixtureResult;
      // Kind "seq2seq" (the encoder–decoder with attention) has its own runner; every other kind is runFixture's.
      if (obj.kind === "seq2seq") {
        result = runSeq2seqFixture(raw, file, kernels);
      } else {
        result = runFixture(parseFixture(raw, file), kernels);
      }
      results[fxName] = result;
      const expected = typeof obj.expected === "object" && obj.expected !== null ? (obj.expected as Record<string, unknown>) : null;
      if (expected) {
        const errors = compareFixture(result, expected);
        const [worstKey, worst] = Object.entries(errors).reduce((a, b) => (b[1] > a[1] ? b : a), ["", 0]);
        worstOverall = Math.max(worstOverall, worst);
        console.log(`${fxName.padEnd(28)} worst relative error ${worst.toExponential(2)}  (${worstKey})`);
      } else {
        console.log(`${fxName.padEnd(28)} done (no expected values to compare)`);
      }
    } catch (e) {
      failures++;
      console.error(`${name.padEnd(28)} FAILED: ${(e as Error).message}`);
    }
  }
  if (outFile) {
    writeFileSync(outFile, JSON.stringify(results));
    console.log(`Wrote ${Object.keys(results).length} results to ${outFile}`);
  }
  console.log(`${files.length} fixtures, ${failures} failed to run; worst relative error ${worstOverall.toExponential(2)} (kernels: ${kernels})`);
  if (failures > 0) process.exit(1);
}

void main();
