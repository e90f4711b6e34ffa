// test/engine/conformance-v2.test.ts: the version 2 public PyTorch fixtures (relu, bidirectional, tokens, lengths,
// "last", BCE), reproduced by both kernel backends. Seq2seq fixtures belong to src/engine/seq2seq and are run there.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compareFixture, parseFixture, runFixture } from "../../src/engine/conformance";
import { initKernels } from "../../src/engine/kernels";
import { PUBLIC_V2_FIXTURES } from "./fixtures";

const files = readdirSync(PUBLIC_V2_FIXTURES).filter((f) => f.endsWith(".json")).sort();
const raws = files.map((f) => ({ file: f, raw: JSON.parse(readFileSync(join(PUBLIC_V2_FIXTURES, f), "utf8")) as Record<string, unknown> }));
const fixtures = raws.filter((r) => r.raw.kind !== "seq2seq").map((r) => parseFixture(r.raw, r.file));

beforeAll(async () => {
  await initKernels();
});

describe.each(["ts", "wasm-simd"] as const)("v2 conformance with %s kernels", (kernels) => {
  it("reads the eleven non-seq2seq public v2 fixtures", () => {
    expect(fixtures).toHaveLength(11);
    expect(fixtures.every((f) => f.formatVersion === 2)).toBe(true);
  });

  it.each(fixtures)("$name matches PyTorch to 1e-9", (fx) => {
    const result = runFixture(fx, kernels);
    const errors = compareFixture(result, fx.expected!);
    expect(Object.keys(errors).length).toBeGreaterThanOrEqual(5);
    for (const [key, err] of Object.entries(errors)) expect(err, key).toBeLessThan(1e-9);
  });
});

// The project's own PyTorch fixtures (scripts/fixtures/make_v2.py): other seeds, lengths up to 60, every cell
// bidirectional × lengths × "last", ReLU, tokens, BCE, training, and truncated BPTT over windows of 10, 10, 7 steps.
const GENERATED_V2 = join(PUBLIC_V2_FIXTURES, "../generated-v2");
const generated = readdirSync(GENERATED_V2)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => parseFixture(JSON.parse(readFileSync(join(GENERATED_V2, f), "utf8")) as unknown, f));

describe.each(["ts", "wasm-simd"] as const)("generated v2 fixtures with %s kernels", (kernels) => {
  it("covers every feature", () => {
    expect(generated.length).toBeGreaterThanOrEqual(26);
    expect(generated.filter((f) => f.windows).map((f) => f.cell).sort()).toEqual(["gru", "lstm", "rnn"]);
    expect(Math.max(...generated.map((f) => f.T))).toBe(60);
  });

  it.each(generated)("$name matches PyTorch to 1e-9", (fx) => {
    const result = runFixture(fx, kernels);
    const errors = compareFixture(result, fx.expected!);
    if (fx.windows) expect(Object.keys(errors)).toEqual(expect.arrayContaining(["losses", "finalState"]));
    for (const [key, err] of Object.entries(errors)) expect(err, key).toBeLessThan(1e-9);
  });
});
