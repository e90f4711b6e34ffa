// test/engine/conformance.test.ts: every public PyTorch fixture, reproduced by both kernel backends.
import { beforeAll, describe, expect, it } from "vitest";
import { compareFixture, runFixture } from "../../src/engine/conformance";
import { initKernels } from "../../src/engine/kernels";
import { loadFixtures } from "./fixtures";

const fixtures = loadFixtures();

beforeAll(async () => {
  // Node 20 has WebAssembly SIMD: the SIMD backend must load here, or its half of this suite fails below.
  await initKernels();
});

describe.each(["ts", "wasm-simd"] as const)("conformance with %s kernels", (kernels) => {
  it("reads all twelve public fixtures", () => {
    expect(fixtures.map((f) => f.name)).toHaveLength(12);
  });

  it.each(fixtures)("$name matches PyTorch to 1e-9", (fx) => {
    const result = runFixture(fx, kernels);
    const errors = compareFixture(result, fx.expected!);
    // Every key of `expected` must have been produced (a missing one counts as Infinity).
    expect(Object.keys(errors).length).toBeGreaterThanOrEqual(fx.kind === "train" ? 8 : 6);
    for (const [key, err] of Object.entries(errors)) {
      // Both sides are float64 and differ only in summation order, so a correct engine lands near 1e-15 on
      // these short, well-conditioned fixtures; a missing or wrong term is far above 1e-9.
      expect(err, key).toBeLessThan(1e-9);
    }
  });
});
