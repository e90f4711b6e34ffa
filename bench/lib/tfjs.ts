// bench/lib/tfjs.ts: TensorFlow.js on its WebAssembly backend, single thread, SIMD build, float32.
//
// Three implementations of the same model; "tfjs" is the one the table compares against:
//   "tfjs"        tfjs-core ops + optimizer.minimize (tf.variableGrads underneath), tuned around three
//                 tfjs-wasm 4.22 slow paths measured on this machine (each is a plain-JS or plain-loop
//                 fallback, not XNNPACK):
//                  - matMul with transposeA/transposeB, which tf.matMul's own gradient uses: ~10x slower than
//                    the untransposed product (1.7 vs 20 GFLOP/s at 32×128×512) → matMulFastGrad;
//                  - slice/split/unstack copy the WHOLE input tensor out of the wasm heap per output
//                    (backend.readSync), so splitting a [T·B, G·H] input projection into T steps costs O(T²)
//                    → the input projection is done per step, from per-step input tensors made up front;
//                  - gather is slow (18 ms for 800 rows of 65×512) and its gradient kernel
//                    (UnsortedSegmentSum) does not exist on wasm → one-hot inputs are one-hot·W_ih products.
//                 It follows PyTorch's equations exactly (GRU reset-after, b_hn inside r⊙(…)); for RNN/LSTM
//                 b_ih + b_hh is kept as the one bias it is mathematically. Gate columns are ordered
//                 LSTM [i f o | g], GRU [r z | n], so one sigmoid covers the sigmoid gates.
//   "tfjs-stock"  the same model written the straightforward way (tf.matMul and its own gradients, the whole
//                 input projection in one product then tf.split), to show what the tuning buys.
//   "tfjs-layers" tf.sequential([simpleRNN|lstm|gru (returnSequences), timeDistributed(dense)]) and
//                 model.trainOnBatch. Slowest here. Its GRU is the reset-BEFORE variant (Keras
//                 reset_after=False: n = tanh(W_in x + b_n + W_hn (r⊙h)); tfjs-layers rejects resetAfter=true),
//                 where PyTorch and our engine use reset-after: n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn)).
//                 Same matmul cost. One-hot inputs go in as dense one-hot vectors.
// All are float32 (the only float type tfjs-wasm has); our engine computes in float64.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { getThreadsCount, setThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { createRequire } from "node:module";
import path from "node:path";
import type { Lib, Trainer } from "./trainer";
import { gateCount, makeBatches, type BatchData, type Workload } from "./workloads";

let ready: Promise<string> | null = null;

/** Loads the SIMD, non-threaded tfjs-wasm binary from node_modules and makes "wasm" the backend. Resolves to a description. */
export function initTfjsWasm(): Promise<string> {
  ready ??= (async () => {
    const require = createRequire(import.meta.url);
    const dist = path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm"));
    const simd = path.join(dist, "tfjs-backend-wasm-simd.wasm");
    // Every name maps to the SIMD non-threaded binary, so no other build can be picked.
    setWasmPaths({
      "tfjs-backend-wasm.wasm": simd,
      "tfjs-backend-wasm-simd.wasm": simd,
      "tfjs-backend-wasm-threaded-simd.wasm": simd,
    });
    tf.env().set("WASM_HAS_SIMD_SUPPORT", true);
    tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false); // (tfjs already says false under Node; made explicit)
    setThreadsCount(1);
    if (!(await tf.setBackend("wasm"))) throw new Error("tfjs: the wasm backend failed to initialise");
    await tf.ready();
    const threads = getThreadsCount();
    if (threads !== 1) throw new Error(`tfjs-wasm runs ${threads} threads; expected 1`);
    return `tfjs-core ${tf.version_core}, backend ${tf.getBackend()}, simd, ${threads} thread`;
  })();
  return ready;
}

function uniform2(rows: number, cols: number, k: number): tf.Variable<tf.Rank.R2> {
  return tf.variable(tf.randomUniform<tf.Rank.R2>([rows, cols], -k, k, "float32", 7));
}

function uniform1(n: number, k: number): tf.Variable<tf.Rank.R1> {
  return tf.variable(tf.randomUniform<tf.Rank.R1>([n], -k, k, "float32", 7));
}

/** One batch as constant tensors, made before timing starts (as our engine gets ready-made arrays). */
interface TfBatch {
  /** Per step: inputs x_t [B, D] (dense, or one-hot rows for class inputs) and x_tᵀ [D, B]. */
  xs: tf.Tensor2D[];
  xsT: tf.Tensor2D[];
  /** All steps at once [T·B, D], for the stock variant. */
  x: tf.Tensor2D;
  /** [T·B, O]: targets (mse) or one-hot labels (xent), time-major like concat(h_0 … h_{T−1}). */
  y: tf.Tensor2D;
}

function toTfBatch(w: Workload, b: BatchData): TfBatch {
  return tf.tidy(() => {
    const N = b.T * b.B;
    const x =
      w.inputKind === "onehot"
        ? (tf.cast(tf.oneHot(tf.tensor1d(b.inputIndices!, "int32"), w.D), "float32") as tf.Tensor2D)
        : tf.tensor2d(Float32Array.from(b.inputs!), [N, w.D]);
    const y =
      w.loss === "xent"
        ? (tf.cast(tf.oneHot(tf.tensor1d(b.targetIndices!, "int32"), w.O), "float32") as tf.Tensor2D)
        : tf.tensor2d(Float32Array.from(b.targets!), [N, w.O]);
    const xs = tf.split<tf.Tensor2D>(x, b.T, 0);
    const xsT = xs.map((t) => tf.transpose(t));
    return { xs: xs.map((t) => tf.keep(t)), xsT: xsT.map((t) => tf.keep(t)), x: tf.keep(x), y: tf.keep(y) };
  });
}

function disposeTfBatch(b: TfBatch): void {
  tf.dispose([...b.xs, ...b.xsT, b.x, b.y]);
}

/**
 * a·b whose gradient uses only untransposed matmuls: da = dy·bT with bT = bᵀ made once per training step by
 * the caller (shared by all timesteps), db = transpose(a)·dy.
 */
function matMulFastGrad(a: tf.Tensor2D, b: tf.Tensor2D, bT: tf.Tensor2D): tf.Tensor2D {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const x = args[0] as tf.Tensor2D;
    const w = args[1] as tf.Tensor2D;
    const save = args[2] as tf.GradSaveFunc;
    save([x, bT]);
    return {
      value: tf.matMul(x, w),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, wT] = saved as [tf.Tensor2D, tf.Tensor2D];
        return [tf.matMul(dy, wT), tf.matMul(tf.transpose(xs), dy)];
      },
    };
  });
  return f(a, b) as tf.Tensor2D;
}

/** x·W for a constant input x (data): only W gets a gradient, xᵀ·dy, from the xᵀ made with the batch. */
function inputMatMul(x: tf.Tensor2D, xT: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor2D {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const w = args[0] as tf.Tensor2D;
    return { value: tf.matMul(x, w), gradFunc: (dy: tf.Tensor) => [tf.matMul(xT, dy)] };
  });
  return f(W) as tf.Tensor2D;
}

export type TfVariant = "fast" | "stock";

class TfCoreTrainer implements Trainer {
  readonly tokensPerStep: number;
  private readonly vars: tf.Variable[];
  private readonly Wih: tf.Variable<tf.Rank.R2>;
  private readonly Whh: tf.Variable<tf.Rank.R2>;
  private readonly bih: tf.Variable<tf.Rank.R1>;
  private readonly bhh: tf.Variable<tf.Rank.R1> | null; // GRU only: b_hn must stay separate (it sits inside r⊙(…))
  private readonly Wout: tf.Variable<tf.Rank.R2>;
  private readonly bout: tf.Variable<tf.Rank.R1>;
  private readonly zerosH: tf.Tensor2D;
  private readonly opt: tf.Optimizer;
  private readonly batches: TfBatch[];
  private k = 0;

  constructor(
    private readonly w: Workload,
    private readonly variant: TfVariant,
  ) {
    const { D, H, O, batch: B, T } = w;
    const GH = gateCount(w.cell) * H;
    const k = 1 / Math.sqrt(H); // PyTorch's init range
    // Weights stored as [in, out] so every product is a plain x·W.
    this.Wih = uniform2(D, GH, k);
    this.Whh = uniform2(H, GH, k);
    this.bih = uniform1(GH, k);
    this.bhh = w.cell === "gru" ? uniform1(GH, k) : null;
    this.Wout = uniform2(H, O, k);
    this.bout = uniform1(O, k);
    this.vars = [this.Wih, this.Whh, this.bih, this.Wout, this.bout];
    if (this.bhh) this.vars.push(this.bhh);
    this.zerosH = tf.zeros([B, H]);
    this.opt = tf.train.adam(w.lr);
    this.batches = makeBatches(w, 8).map((b) => toTfBatch(w, b));
    this.tokensPerStep = B * T;
  }

  private lossFn(b: TfBatch): tf.Scalar {
    const { T, H, cell } = this.w;
    const fast = this.variant === "fast";
    const WhhT = fast ? tf.transpose(this.Whh) : null;
    // h·W_hh with the fast or the stock gradient
    const rec = (h: tf.Tensor2D): tf.Tensor2D => (WhhT ? matMulFastGrad(h, this.Whh, WhhT) : tf.matMul(h, this.Whh));
    // x_t·W_ih + b_ih for every step
    const xp: tf.Tensor2D[] = fast
      ? b.xs.map((x, t) => tf.add(inputMatMul(x, b.xsT[t], this.Wih), this.bih))
      : tf.split<tf.Tensor2D>(tf.add(tf.matMul(b.x, this.Wih), this.bih), T, 0);
    let h: tf.Tensor2D = this.zerosH;
    let c: tf.Tensor2D = this.zerosH;
    const hs: tf.Tensor2D[] = [];
    for (let t = 0; t < T; t++) {
      if (cell === "rnn") {
        h = tf.tanh(tf.add(xp[t], rec(h)));
      } else if (cell === "lstm") {
        const g = tf.add(xp[t], rec(h));
        const [sig, cand] = tf.split(g, [3 * H, H], 1);
        const [i, f, o] = tf.split(tf.sigmoid(sig), 3, 1);
        c = tf.add(tf.mul(f, c), tf.mul(i, tf.tanh(cand)));
        h = tf.mul(o, tf.tanh(c));
      } else {
        const gh = tf.add(rec(h), this.bhh!);
        const [xrz, xn] = tf.split(xp[t], [2 * H, H], 1);
        const [hrz, hn] = tf.split(gh, [2 * H, H], 1);
        const [r, z] = tf.split(tf.sigmoid(tf.add(xrz, hrz)), 2, 1);
        const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
        h = tf.add(n, tf.mul(z, tf.sub(h, n))); // (1−z)⊙n + z⊙h
      }
      hs.push(h);
    }
    const Hs = tf.concat(hs, 0);
    const y = tf.add(fast ? matMulFastGrad(Hs, this.Wout, tf.transpose(this.Wout)) : tf.matMul(Hs, this.Wout), this.bout);
    return this.w.loss === "mse" ? tf.mean(tf.squaredDifference(y, b.y)) : tf.losses.softmaxCrossEntropy(b.y, y);
  }

  step(): number {
    const b = this.batches[this.k++ % this.batches.length];
    const loss = this.opt.minimize(() => this.lossFn(b), true, this.vars);
    const v = loss!.dataSync()[0]; // waits for all queued work
    loss!.dispose();
    return v;
  }

  dispose(): void {
    this.batches.forEach(disposeTfBatch);
    tf.dispose([...this.vars, this.zerosH]);
    this.opt.dispose();
  }
}

class TfLayersTrainer implements Trainer {
  readonly tokensPerStep: number;
  readonly note: string | undefined;
  private readonly model: tfl.Sequential;
  private readonly batches: { x: tf.Tensor3D; y: tf.Tensor3D }[];
  private k = 0;

  constructor(w: Workload) {
    const { T, D, H, O, batch: B } = w;
    // glorotUniform, not the default orthogonal initializer: that one calls chained tensor methods
    // (rMat.flatten()) that the bare tfjs-core package does not register. Init does not change the speed.
    const common = { units: H, returnSequences: true, inputShape: [T, D], recurrentInitializer: "glorotUniform" as const };
    const rnn =
      w.cell === "rnn"
        ? tfl.layers.simpleRNN({ ...common, activation: "tanh" })
        : w.cell === "lstm"
          ? tfl.layers.lstm({ ...common, recurrentActivation: "sigmoid" })
          : tfl.layers.gru({ ...common, recurrentActivation: "sigmoid" });
    // Keras' categoricalCrossentropy takes probabilities, so the xent head ends in a softmax.
    const head = tfl.layers.dense({ units: O, activation: w.loss === "xent" ? "softmax" : "linear" });
    this.model = tfl.sequential({ layers: [rnn, tfl.layers.timeDistributed({ layer: head })] });
    this.model.compile({ optimizer: tf.train.adam(w.lr), loss: w.loss === "mse" ? "meanSquaredError" : "categoricalCrossentropy" });
    this.batches = makeBatches(w, 8).map((b) =>
      tf.tidy(() => {
        // tfjs-layers is batch-major: [B][T][…].
        const x =
          w.inputKind === "onehot"
            ? tf.transpose(tf.cast(tf.oneHot(tf.tensor2d(b.inputIndices!, [T, B], "int32"), D), "float32"), [1, 0, 2])
            : tf.transpose(tf.tensor3d(Float32Array.from(b.inputs!), [T, B, D]), [1, 0, 2]);
        const y =
          w.loss === "xent"
            ? tf.transpose(tf.cast(tf.oneHot(tf.tensor2d(b.targetIndices!, [T, B], "int32"), O), "float32"), [1, 0, 2])
            : tf.transpose(tf.tensor3d(Float32Array.from(b.targets!), [T, B, O]), [1, 0, 2]);
        return { x: tf.keep(x) as tf.Tensor3D, y: tf.keep(y) as tf.Tensor3D };
      }),
    );
    this.tokensPerStep = B * T;
    this.note = w.cell === "gru" ? "reset-before GRU" : undefined;
  }

  async step(): Promise<number> {
    const b = this.batches[this.k++ % this.batches.length];
    // trainOnBatch awaits loss.data() itself, so all queued work is finished when it resolves.
    const loss = await this.model.trainOnBatch(b.x, b.y);
    return typeof loss === "number" ? loss : loss[0];
  }

  dispose(): void {
    for (const b of this.batches) tf.dispose([b.x, b.y]);
    this.model.dispose();
  }
}

async function createCore(w: Workload, variant: TfVariant): Promise<Trainer> {
  await initTfjsWasm();
  return new TfCoreTrainer(w, variant);
}

/**
 * The tuned variant has fewer slow paths but more ops per step; per-op overhead (~5–10 µs with the gradient
 * tape) dominates at B=1, where the untuned one can win. So both are measured and the faster is reported.
 */
export const tfjsLib: Lib = {
  id: "tfjs",
  label: "tfjs-wasm",
  unsupported: () => null,
  create: (w) => createCore(w, "fast"),
  variants: [
    { name: "tuned", create: (w) => createCore(w, "fast") },
    { name: "untuned", create: (w) => createCore(w, "stock") },
  ],
};

/** The same model written the straightforward way, to show what the tuning of "tfjs" buys. */
export const tfjsStockLib: Lib = {
  id: "tfjs-stock",
  label: "tfjs-wasm (untuned)",
  unsupported: () => null,
  create: (w) => createCore(w, "stock"),
};

export const tfjsLayersLib: Lib = {
  id: "tfjs-layers",
  label: "tfjs-layers",
  unsupported: () => null,
  async create(w) {
    await initTfjsWasm();
    return new TfLayersTrainer(w);
  },
};
