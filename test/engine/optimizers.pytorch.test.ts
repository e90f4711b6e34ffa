// test/engine/optimizers.pytorch.test.ts: every optimiser × option × cell, against fixtures made by torch.optim 1.13
// (float64; scripts/fixtures/make_fixtures.py, format in docs/conformance.md "Optimiser fixtures"). Reads the
// committed JSON only: no Python here.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createNetwork, createOptimizer, initKernels, OPTIMIZER_KINDS, trainStep,
  type Batch, type CellType, type ModelConfigInput, type OptimizerSpec,
} from "../../src/engine";

interface RawBatch {
  T: number;
  B: number;
  inputs?: number[];
  inputIndices?: number[];
  targets?: number[];
  targetIndices?: number[];
}

interface OptimFixture {
  format: string;
  version: number;
  name: string;
  model: ModelConfigInput;
  optimizer: OptimizerSpec;
  clipMaxNorm: number | null;
  paramNames: string[];
  params: number[];
  batches: RawBatch[];
  expected: { losses: number[]; params: number[]; state: { stepCount: number; buffers: Record<string, number[]> } };
}

const dir = resolve(dirname(fileURLToPath(import.meta.url)), "../fixtures/pytorch");
const fixtures: OptimFixture[] = readdirSync(dir)
  .filter((f) => f.startsWith("optim-") && f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as OptimFixture);

function toBatch(b: RawBatch): Batch {
  return {
    T: b.T,
    B: b.B,
    ...(b.inputs ? { inputs: Float64Array.from(b.inputs) } : {}),
    ...(b.inputIndices ? { inputIndices: Int32Array.from(b.inputIndices) } : {}),
    ...(b.targets ? { targets: Float64Array.from(b.targets) } : {}),
    ...(b.targetIndices ? { targetIndices: Int32Array.from(b.targetIndices) } : {}),
  };
}

/** ‖a − e‖₂ / ‖e‖₂ (the absolute error when e is all zeros). */
function relErr(a: ArrayLike<number>, e: ArrayLike<number>): number {
  if (a.length !== e.length) return Infinity;
  let d = 0;
  let n = 0;
  for (let i = 0; i < e.length; i++) {
    d += (a[i] - e[i]) ** 2;
    n += e[i] ** 2;
  }
  return n === 0 ? Math.sqrt(d) : Math.sqrt(d / n);
}

beforeAll(async () => {
  await initKernels();
});

describe("optimiser fixtures made by PyTorch", () => {
  it("cover every optimiser and every option on every cell", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(69);
    const cells: CellType[] = ["rnn", "lstm", "gru"];
    for (const cell of cells) {
      const mine = fixtures.filter((f) => f.model.cell === cell);
      const kinds = new Set(mine.map((f) => f.optimizer.kind));
      expect([...kinds].sort(), cell).toEqual([...OPTIMIZER_KINDS].sort());
      const seen = new Set(mine.flatMap((f) => Object.keys(f.optimizer).map((k) => `${f.optimizer.kind}.${k}`)));
      for (const option of [
        "sgd.momentum", "sgd.dampening", "sgd.nesterov", "sgd.weightDecay",
        "rmsprop.alpha", "rmsprop.eps", "rmsprop.momentum", "rmsprop.centered", "rmsprop.weightDecay",
        "adam.beta1", "adam.beta2", "adam.eps", "adam.amsgrad", "adam.weightDecay",
        "adamw.beta1", "adamw.beta2", "adamw.amsgrad", "adamw.weightDecay",
        "adagrad.lrDecay", "adagrad.eps", "adagrad.initialAccumulatorValue", "adagrad.weightDecay",
      ]) {
        expect(seen.has(option), `${cell}: ${option}`).toBe(true);
      }
      expect(mine.some((f) => f.clipMaxNorm !== null)).toBe(true);
    }
    const rnnActivations = new Set(fixtures.filter((f) => f.model.cell === "rnn").map((f) => f.model.nonlinearity ?? "tanh"));
    expect([...rnnActivations].sort()).toEqual(["relu", "tanh"]);
  });

  describe.each(["ts", "wasm-simd"] as const)("with %s kernels", (kernels) => {
    it.each(fixtures)("$name matches torch.optim to 1e-9", (fx) => {
      expect(fx.format).toBe("rnn-notebook-optim-fixture");
      const net = createNetwork(fx.model, { kernels });
      expect(net.layout.specs.map((s) => s.name)).toEqual(fx.paramNames);
      net.setParams(Float64Array.from(fx.params));
      const opt = createOptimizer(net, fx.optimizer);
      const losses = fx.batches.map((b) => {
        const r = trainStep(net, opt, toBatch(b), { clipMaxNorm: fx.clipMaxNorm });
        expect(r.diverged).toBeNull();
        return r.loss;
      });
      expect(relErr(losses, fx.expected.losses), "losses").toBeLessThan(1e-9);
      expect(relErr(net.params, fx.expected.params), "params").toBeLessThan(1e-9);
      const state = opt.getState();
      expect(state.stepCount).toBe(fx.expected.state.stepCount);
      expect(Object.keys(state.buffers).sort()).toEqual(Object.keys(fx.expected.state.buffers).sort());
      for (const [name, want] of Object.entries(fx.expected.state.buffers)) {
        expect(relErr(state.buffers[name], want), name).toBeLessThan(1e-9);
      }
      // The fixture moved θ: a step that silently did nothing (or ignored an option) cannot pass.
      expect(relErr(fx.params, fx.expected.params)).toBeGreaterThan(1e-6);
    });
  });
});
