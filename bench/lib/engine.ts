// bench/lib/engine.ts: our engine (src/engine), once per matrix-product backend.
//
// Same maths as the PyTorch modules: tanh RNN, LSTM (i f g o), GRU (reset-after), b_ih and b_hh,
// a linear head at every step, Adam (PyTorch's formula), float64 throughout. No gradient clipping
// (clipMaxNorm: null), as tfjs and brain.js here get none either (brain.js clips per element: see brainjs.ts).
import { createNetwork, createOptimizer, initKernels, trainStep, type KernelName } from "../../src/engine";
import type { Lib, LibId, Trainer } from "./trainer";
import { makeBatches, type BatchData, type Workload } from "./workloads";

type EngineNet = ReturnType<typeof createNetwork>;
type EngineOpt = ReturnType<typeof createOptimizer>;

class EngineTrainer implements Trainer {
  readonly tokensPerStep: number;
  private readonly net: EngineNet;
  private readonly opt: EngineOpt;
  private readonly batches: BatchData[];
  private k = 0;

  constructor(w: Workload, kernels: KernelName) {
    this.net = createNetwork(
      { cell: w.cell, inputSize: w.D, hiddenSize: w.H, numLayers: 1, outputSize: w.O, loss: w.loss, inputKind: w.inputKind },
      { seed: 1, kernels },
    );
    if (this.net.kernels.name !== kernels) throw new Error(`engine: asked for ${kernels} kernels, got ${this.net.kernels.name}`);
    this.opt = createOptimizer(this.net, { kind: "adam", lr: w.lr });
    this.batches = makeBatches(w, 8);
    this.tokensPerStep = w.batch * w.T;
  }

  step(): number {
    const r = trainStep(this.net, this.opt, this.batches[this.k++ % this.batches.length], { clipMaxNorm: null });
    if (r.diverged) throw new Error(`engine diverged (${r.diverged})`);
    return r.loss;
  }

  dispose(): void {
    /* the arena is garbage-collected with the network */
  }
}

let wasmReady: Promise<boolean> | null = null;

function engineLib(id: LibId, label: string, kernels: KernelName): Lib {
  return {
    id,
    label,
    unsupported: () => null,
    async create(w) {
      if (kernels === "wasm-simd") {
        wasmReady ??= initKernels();
        if (!(await wasmReady)) throw new Error("engine: the WebAssembly SIMD kernels did not load (run scripts/build-wasm.mjs)");
      }
      return new EngineTrainer(w, kernels);
    },
  };
}

export const engineWasmLib = engineLib("engine", "engine (wasm-simd)", "wasm-simd");
export const engineTsLib = engineLib("engine-ts", "engine (ts)", "ts");
