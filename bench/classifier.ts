// bench/classifier.ts: a bidirectional LSTM sentence classifier, our engine against TensorFlow.js-wasm.
//
// Workload (issue 13): token ids → embedding 32 → bidirectional LSTM, H = 64 → linear head on the final states of
// both directions [h_fwd ; h_rev] (PyTorch's h_n) → one logit, binary cross-entropy on logits, Adam 1e-2, no
// clipping. Batches of B = 32 sentences of 10–40 tokens (vocabulary 200), padded to the batch's longest sentence;
// padded steps are skipped (pack_padded_sequence semantics). tokens/s counts valid tokens only (Σ lengths per step).
//
// TensorFlow.js (tfjs-core ops on the wasm backend, SIMD, 1 thread, float32), hand-tuned as bench/lib/tfjs.ts is
// (see its header): every product is untransposed (matMulFastGrad), the embedding is a one-hot product (gather has
// no gradient kernel on wasm) made per step from one-hot rows built before timing, and padding is a per-step mask
// that keeps a sequence's state once it has ended (h ← h + m⊙(h_new − h)), in both directions — the same maths.
// Our engine: createNetwork({ inputKind: "tokens", bidirectional: true, outputMode: "last", loss: "bce" }) and
// trainStep with per-batch lengths, float64.
import * as tf from "@tensorflow/tfjs-core";
import { createNetwork, createOptimizer, initKernels, trainStep, type Batch } from "../src/engine";
import { initTfjsWasm } from "./lib/tfjs";
import { measureInterleaved, type Trainer } from "./lib/trainer";
import { rng } from "./lib/workloads";

const V = 200;
const E = 32;
const H = 64;
const B = 32;
const MIN_LEN = 10;
const MAX_LEN = 40;
const LR = 1e-2;

interface Sentences {
  T: number;
  ids: Int32Array; // [T][B], 0 at padded steps
  lengths: Int32Array; // [B]
  labels: Float64Array; // [B][1]
  validTokens: number;
}

/** Eight batches of random sentences; label 1 when most tokens are below V/2 (learnable from the words). */
function makeSentences(count: number): Sentences[] {
  const r = rng(20261204);
  return Array.from({ length: count }, () => {
    const lengths = Int32Array.from({ length: B }, () => MIN_LEN + Math.floor(r() * (MAX_LEN - MIN_LEN + 1)));
    const T = Math.max(...lengths);
    const ids = new Int32Array(T * B);
    const labels = new Float64Array(B);
    for (let b = 0; b < B; b++) {
      let low = 0;
      for (let t = 0; t < lengths[b]; t++) {
        const id = 1 + Math.floor(r() * (V - 1));
        ids[t * B + b] = id;
        if (id < V / 2) low++;
      }
      labels[b] = low * 2 > lengths[b] ? 1 : 0;
    }
    return { T, ids, lengths, labels, validTokens: lengths.reduce((a, n) => a + n, 0) };
  });
}

class EngineClassifier implements Trainer {
  readonly tokensPerStep: number;
  private readonly net = createNetwork(
    { cell: "lstm", inputSize: E, hiddenSize: H, numLayers: 1, outputSize: 1, loss: "bce", outputMode: "last", inputKind: "tokens", vocabSize: V, bidirectional: true },
    { seed: 1, kernels: "wasm-simd" },
  );
  private readonly opt = createOptimizer(this.net, { kind: "adam", lr: LR });
  private readonly batches: Batch[];
  private k = 0;

  constructor(data: Sentences[]) {
    if (this.net.kernels.name !== "wasm-simd") throw new Error("engine: the WebAssembly SIMD kernels did not load");
    this.batches = data.map((s) => ({ T: s.T, B, inputIndices: s.ids, lengths: s.lengths, targets: s.labels }));
    this.tokensPerStep = data.reduce((a, s) => a + s.validTokens, 0) / data.length;
  }

  step(): number {
    const r = trainStep(this.net, this.opt, this.batches[this.k++ % this.batches.length], { clipMaxNorm: null });
    if (r.diverged) throw new Error(`engine diverged (${r.diverged})`);
    return r.loss;
  }

  dispose(): void {
    /* garbage-collected */
  }
}

/** a·w whose gradient needs no transposed product: da = dy·wT (wT made once per step), dw = aᵀ·dy. */
function matMulFastGrad(a: tf.Tensor2D, w: tf.Tensor2D, wT: tf.Tensor2D): tf.Tensor2D {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const x = args[0] as tf.Tensor2D;
    const save = args[2] as tf.GradSaveFunc;
    save([x, wT]);
    return {
      value: tf.matMul(x, args[1] as tf.Tensor2D),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, wt] = saved as [tf.Tensor2D, tf.Tensor2D];
        return [tf.matMul(dy, wt), tf.matMul(tf.transpose(xs), dy)];
      },
    };
  });
  return f(a, w) as tf.Tensor2D;
}

/** x·W for a constant x (one-hot rows): only W gets a gradient, xᵀ·dy from the xᵀ made with the batch. */
function constMatMul(x: tf.Tensor2D, xT: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor2D {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
    value: tf.matMul(x, args[0] as tf.Tensor2D),
    gradFunc: (dy: tf.Tensor) => [tf.matMul(xT, dy)],
  }));
  return f(W) as tf.Tensor2D;
}

interface TfSentences {
  T: number;
  oh: tf.Tensor2D[]; // per step [B, V] one-hot rows
  ohT: tf.Tensor2D[]; // per step [V, B]
  mask: tf.Tensor2D[]; // per step [B, 1]: 1 where t < length
  y: tf.Tensor2D; // [B, 1]
}

class TfClassifier implements Trainer {
  readonly tokensPerStep: number;
  private readonly emb: tf.Variable<tf.Rank.R2>;
  private readonly dirs: { Wih: tf.Variable<tf.Rank.R2>; Whh: tf.Variable<tf.Rank.R2>; b: tf.Variable<tf.Rank.R1> }[];
  private readonly Wout: tf.Variable<tf.Rank.R2>;
  private readonly bout: tf.Variable<tf.Rank.R1>;
  private readonly vars: tf.Variable[];
  private readonly zeros: tf.Tensor2D;
  private readonly opt: tf.Optimizer;
  private readonly batches: TfSentences[];
  private k = 0;

  constructor(data: Sentences[]) {
    const k = 1 / Math.sqrt(H);
    const u = (shape: number[], bound: number, seed: number): tf.Variable => tf.variable(tf.randomUniform(shape, -bound, bound, "float32", seed));
    this.emb = tf.variable(tf.randomNormal([V, E], 0, 1, "float32", 3));
    // Gate columns [i f o | g]: one sigmoid covers the three sigmoid gates (as bench/lib/tfjs.ts).
    this.dirs = [0, 1].map((d) => ({
      Wih: u([E, 4 * H], k, 10 + d) as tf.Variable<tf.Rank.R2>,
      Whh: u([H, 4 * H], k, 20 + d) as tf.Variable<tf.Rank.R2>,
      b: u([4 * H], k, 30 + d) as tf.Variable<tf.Rank.R1>,
    }));
    this.Wout = u([2 * H, 1], 1 / Math.sqrt(2 * H), 40) as tf.Variable<tf.Rank.R2>;
    this.bout = u([1], 1 / Math.sqrt(2 * H), 41) as tf.Variable<tf.Rank.R1>;
    this.vars = [this.emb, ...this.dirs.flatMap((d) => [d.Wih, d.Whh, d.b]), this.Wout, this.bout];
    this.zeros = tf.zeros([B, H]);
    this.opt = tf.train.adam(LR);
    this.batches = data.map((s) =>
      tf.tidy(() => {
        const oh: tf.Tensor2D[] = [];
        const ohT: tf.Tensor2D[] = [];
        const mask: tf.Tensor2D[] = [];
        for (let t = 0; t < s.T; t++) {
          const row = tf.cast(tf.oneHot(tf.tensor1d(s.ids.subarray(t * B, (t + 1) * B), "int32"), V), "float32") as tf.Tensor2D;
          oh.push(tf.keep(row));
          ohT.push(tf.keep(tf.transpose(row)));
          mask.push(tf.keep(tf.tensor2d(Float32Array.from(s.lengths, (n) => (t < n ? 1 : 0)), [B, 1])));
        }
        return { T: s.T, oh, ohT, mask, y: tf.keep(tf.tensor2d(Float32Array.from(s.labels), [B, 1])) };
      }),
    );
    this.tokensPerStep = data.reduce((a, s) => a + s.validTokens, 0) / data.length;
  }

  private lossFn(s: TfSentences): tf.Scalar {
    const xs = s.oh.map((oh, t) => constMatMul(oh, s.ohT[t], this.emb)); // [B, E] per step
    const finals = this.dirs.map((d, dir) => {
      const WihT = tf.transpose(d.Wih);
      const WhhT = tf.transpose(d.Whh);
      let h: tf.Tensor2D = this.zeros;
      let c: tf.Tensor2D = this.zeros;
      for (let i = 0; i < s.T; i++) {
        const t = dir === 0 ? i : s.T - 1 - i;
        const g = tf.add(tf.add(matMulFastGrad(xs[t], d.Wih, WihT), matMulFastGrad(h, d.Whh, WhhT)), d.b);
        const [sig, cand] = tf.split(g, [3 * H, H], 1);
        const [ig, fg, og] = tf.split(tf.sigmoid(sig), 3, 1);
        const c2 = tf.add(tf.mul(fg, c), tf.mul(ig, tf.tanh(cand)));
        const h2 = tf.mul(og, tf.tanh(c2));
        const m = s.mask[t];
        c = tf.add(c, tf.mul(m, tf.sub(c2, c)));
        h = tf.add(h, tf.mul(m, tf.sub(h2, h)));
      }
      return h;
    });
    const top = tf.concat(finals, 1);
    const logit = tf.add(matMulFastGrad(top, this.Wout, tf.transpose(this.Wout)), this.bout);
    return tf.losses.sigmoidCrossEntropy(s.y, logit);
  }

  step(): number {
    const s = this.batches[this.k++ % this.batches.length];
    const loss = this.opt.minimize(() => this.lossFn(s), true, this.vars);
    const v = loss!.dataSync()[0];
    loss!.dispose();
    return v;
  }

  dispose(): void {
    for (const s of this.batches) tf.dispose([...s.oh, ...s.ohT, ...s.mask, s.y]);
    tf.dispose([...this.vars, this.zeros]);
    this.opt.dispose();
  }
}

/** Matrix-product FLOPs of forward + backward per valid token (embedding lookup not counted): 2 directions × 3 × 2·(E+H)·4H, plus the head. */
const FLOPS_PER_TOKEN = 2 * 3 * 2 * (E + H) * 4 * H;

export interface ClassifierResult {
  engine: number;
  tfjs: number;
  ratio: number;
}

/** Runs the workload for both libraries, interleaved, and prints one line per library plus the ratio. */
export async function runClassifierBench(seconds: number, json: boolean): Promise<ClassifierResult> {
  await initTfjsWasm();
  if (!(await initKernels())) throw new Error("engine: the WebAssembly SIMD kernels did not load (run scripts/build-wasm.mjs)");
  const data = makeSentences(8);
  const trainers = [new EngineClassifier(data), new TfClassifier(data)];
  const [e, t] = await measureInterleaved(trainers, seconds);
  trainers.forEach((tr) => { tr.dispose(); });
  const result = { engine: e.tokensPerSec, tfjs: t.tokensPerSec, ratio: e.tokensPerSec / t.tokensPerSec };
  if (json) {
    console.log(JSON.stringify({ workload: "bilstm-classifier", E, H, B, lengths: `${MIN_LEN}-${MAX_LEN}`, V, ...result, engineLoss: [e.firstLoss, e.lastLoss], tfjsLoss: [t.firstLoss, t.lastLoss] }));
  } else {
    console.log(`# bidirectional LSTM sentence classifier: tokens → embedding ${E} → BiLSTM H ${H} → h_n → 1 logit, BCE, Adam; B ${B}, lengths ${MIN_LEN}–${MAX_LEN}, V ${V}; tokens/s over valid tokens`);
    const row = (name: string, m: typeof e): string =>
      `${name.padEnd(20)} ${m.tokensPerSec.toFixed(0).padStart(9)} tokens/s  ${((m.tokensPerSec * FLOPS_PER_TOKEN) / 1e9).toFixed(2).padStart(6)} GFLOP/s  (median ${m.medianTokensPerSec.toFixed(0)}, loss ${m.firstLoss.toFixed(3)} → ${m.lastLoss.toFixed(3)})`;
    console.log(row("engine (wasm-simd)", e));
    console.log(row("tfjs-wasm (tuned)", t));
    console.log(`# engine / tfjs-wasm = ${result.ratio.toFixed(2)}× (target ≥ 1.5×: ${result.ratio >= 1.5 ? "ok" : "MISSED"})`);
  }
  return result;
}
