// test/engine/gradcheck.test.ts: BPTT agrees with central differences on random networks of every kind.
import { describe, expect, it } from "vitest";
import { createNetwork, createRng, gradCheck, type Batch, type CellType, type ModelConfigInput } from "../../src/engine";

type Case = Omit<Required<ModelConfigInput>, "nonlinearity" | "bidirectional" | "vocabSize" | "dropout">;

function randomBatch(c: Case, T: number, B: number, seed: number): Batch {
  const rng = createRng(seed);
  const rows = c.outputMode === "all" ? T * B : B;
  const inputs = c.inputKind === "dense" ? Float64Array.from({ length: T * B * c.inputSize }, () => rng.normal()) : undefined;
  const inputIndices = c.inputKind === "onehot" ? Int32Array.from({ length: T * B }, () => rng.int(c.inputSize)) : undefined;
  const targets = c.loss === "mse" ? Float64Array.from({ length: rows * c.outputSize }, () => rng.normal()) : undefined;
  const targetIndices = c.loss === "xent" ? Int32Array.from({ length: rows }, () => rng.int(c.outputSize)) : undefined;
  return { T, B, ...(inputs && { inputs }), ...(inputIndices && { inputIndices }), ...(targets && { targets }), ...(targetIndices && { targetIndices }) };
}

const cases: Case[] = [];
for (const cell of ["rnn", "lstm", "gru"] as CellType[]) {
  for (const numLayers of [1, 2, 3]) {
    cases.push({ cell, numLayers, inputSize: 3, hiddenSize: 5, outputSize: 2, loss: "mse", outputMode: "all", inputKind: "dense" });
    cases.push({ cell, numLayers, inputSize: 6, hiddenSize: 4, outputSize: 6, loss: "xent", outputMode: "all", inputKind: "onehot" });
  }
  cases.push({ cell, numLayers: 2, inputSize: 2, hiddenSize: 4, outputSize: 3, loss: "xent", outputMode: "last", inputKind: "dense" });
  cases.push({ cell, numLayers: 1, inputSize: 2, hiddenSize: 3, outputSize: 1, loss: "mse", outputMode: "last", inputKind: "dense" });
}

describe("gradient check", () => {
  it.each(cases)("$cell L=$numLayers $loss $inputKind $outputMode: BPTT = finite differences", (config) => {
    const net = createNetwork(config, { seed: 7, kernels: "ts" });
    const batch = randomBatch(config, 6, 3, 11);
    const before = net.params.slice();
    const r = gradCheck(net, batch, { samples: 60, seed: 3 });
    expect(r.entries).toHaveLength(Math.min(60, net.numParams));
    for (const e of r.entries) {
      // Central differences with ε = 1e-5 carry truncation error ~ε²·|L'''| ≈ 1e-10 and rounding ~1e-16/ε ≈ 1e-11,
      // so entries above 1e-6 in size agree to ~1e-5 relative; tiny entries are judged by absolute error.
      if (Math.abs(e.analytic) > 1e-6) expect(e.relError, `${e.name}[${e.index}]`).toBeLessThan(1e-5);
      else expect(Math.abs(e.analytic - e.numeric), `${e.name}[${e.index}]`).toBeLessThan(1e-9);
    }
    expect(Array.from(net.params)).toEqual(Array.from(before));
  });

  it("reports a wrong gradient", () => {
    // The check must be able to fail: a backward pass that gets weight_ih_l0 50% too large is caught.
    const config = cases[0];
    const net = createNetwork(config, { seed: 1, kernels: "ts" });
    const batch = randomBatch(config, 5, 2, 2);
    const backward = net.backward.bind(net);
    net.backward = (o) => {
      backward(o);
      const g = net.grad("rnn.weight_ih_l0");
      for (let i = 0; i < g.length; i++) g[i] *= 1.5;
    };
    const r = gradCheck(net, batch, { samples: 12, seed: 5 });
    const bad = r.entries.filter((e) => e.name === "rnn.weight_ih_l0");
    expect(bad.length).toBeGreaterThan(0);
    for (const e of bad) expect(e.relError).toBeGreaterThan(0.3);
    expect(r.maxRelError).toBeGreaterThan(0.3);
  });
});
