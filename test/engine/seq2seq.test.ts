// test/engine/seq2seq.test.ts: the seq2seq fixtures (public, and those made by scripts/fixtures/make_seq2seq.py)
// reproduced to 1e-9 by both kernel backends.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { initKernels } from "../../src/engine/kernels";
import { flatten, sameShape } from "../../src/engine/nested";
import { runSeq2seqFixture } from "../../src/engine/seq2seq/conformance";

const here = dirname(fileURLToPath(import.meta.url));
const PUBLIC = resolve(here, "../fixtures/conformance/public-v2");
const GENERATED = resolve(here, "../fixtures/conformance/generated-seq2seq");

interface Raw {
  name: string;
  expected: Record<string, unknown>;
  train?: unknown;
  attention: string;
}

function load(dir: string, prefix = ""): { file: string; raw: Raw }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith(".json"))
    .sort()
    .map((f) => ({ file: f, raw: JSON.parse(readFileSync(join(dir, f), "utf8")) as Raw }));
}

/** ‖a − e‖₂ / ‖e‖₂, or ‖a − e‖₂ where e is all zeros; Infinity on a shape mismatch. */
function relErr(actual: unknown, expected: unknown): number {
  const a = flatten(actual, "actual");
  const e = flatten(expected, "expected");
  if (!sameShape(a.shape, e.shape)) return Infinity;
  let diff = 0, norm = 0;
  for (let i = 0; i < e.data.length; i++) {
    diff += (a.data[i] - e.data[i]) ** 2;
    norm += e.data[i] ** 2;
  }
  return norm === 0 ? Math.sqrt(diff) : Math.sqrt(diff / norm);
}

function compare(result: Record<string, unknown>, expected: Record<string, unknown>): Record<string, number> {
  const errors: Record<string, number> = {};
  for (const [key, want] of Object.entries(expected)) {
    const got = result[key];
    if (key === "grads" || key === "finalParams") {
      for (const [sub, w] of Object.entries(want as Record<string, unknown>)) {
        const g = got === undefined ? undefined : (got as Record<string, unknown>)[sub];
        errors[`${key}.${sub}`] = g === undefined ? Infinity : relErr(g, w);
      }
    } else {
      errors[key] = got === undefined ? Infinity : relErr(got, want);
    }
  }
  return errors;
}

const publicFixtures = load(PUBLIC, "v2_seq2seq_");
const generated = load(GENERATED);

beforeAll(async () => {
  await initKernels();
});

describe.each(["ts", "wasm-simd"] as const)("seq2seq conformance with %s kernels", (kernels) => {
  it("finds the public seq2seq fixtures (four at least)", () => {
    expect(publicFixtures.length).toBeGreaterThanOrEqual(4);
  });

  it.each([...publicFixtures, ...generated].map((f) => ({ name: f.raw.name, f })))("$name matches PyTorch to 1e-9", ({ f }) => {
    const result = runSeq2seqFixture(f.raw, f.file, kernels);
    const errors = compare(result, f.raw.expected);
    // Every expected key was produced: a missing one is Infinity. Train fixtures add losses and finalParams.
    expect(Object.keys(result).sort()).toEqual(Object.keys(f.raw.expected).sort());
    for (const [key, err] of Object.entries(errors)) expect(err, key).toBeLessThan(1e-9);
  });

  it("returns exactly 0 for the gradient of Va.bias", () => {
    const f = publicFixtures.find((x) => x.raw.attention === "additive")!;
    const grads = runSeq2seqFixture(f.raw, f.file, kernels).grads as Record<string, number[]>;
    expect(grads["decoder.attention.Va.bias"]).toEqual([0]);
  });
});
