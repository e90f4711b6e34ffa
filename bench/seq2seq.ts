// bench/seq2seq.ts: training throughput of the seq2seq engine (GRU encoder–decoder, additive attention) next to
// the same model written with TensorFlow.js ops on its wasm backend (1 thread, SIMD, float32).
//
// Workload (issue 13): embedding 32, H 64, source and target lengths ~12 (sources 8–12, targets 6–11 + eos, padded to
// S = 12, U = 12), vocabularies 30 / 40, B 32, Adam 1e-3, no clipping (tfjs gets none either). tokens/s counts every
// source and decoder step trained: B·(S + U) per step. "ceiling" is the time the step's matrix products alone take
// with the same kernels (every gemm call of one training step, replayed back to back): the fraction of it the
// engine reaches says how much time goes to everything else (attention, cells, softmax, bookkeeping).
//
// tfjs follows the PyTorch module exactly (masking of padded sources with −1e9 scores and state carry-over, GRU
// reset-after, Bahdanau scores, mean cross-entropy over non-ignored targets). Embedding lookups are one-hot · E
// products, as in lib/tfjs.ts (tfjs-wasm's gather has no gradient kernel), made per step up front; two variants are
// measured, with tf.matMul's own gradients and with the untransposed-gradient product of lib/tfjs.ts, and the faster
// is reported.
import * as tf from "@tensorflow/tfjs-core";
import { createKernels, initKernels, type KernelName } from "../src/engine/kernels";
import { Rng } from "../src/engine/rng";
import { packSeq2SeqBatch, Seq2SeqModel, Seq2SeqTrainer, type Seq2SeqBatch } from "../src/engine/seq2seq";
import { initTfjsWasm } from "./lib/tfjs";
import { measureInterleaved, type Trainer } from "./lib/trainer";

const E = 32, H = 64, Vs = 30, Vt = 40, B = 32, LR = 1e-3;
const SOS = 0, EOS = 1, PAD = 2;

/** Eight batches of random pairs (the content does not change the work; the lengths do). */
function makeBatches(): Seq2SeqBatch[] {
  const rng = new Rng(42);
  return Array.from({ length: 8 }, () =>
    packSeq2SeqBatch(
      Array.from({ length: B }, (_, b) => ({
        source: Array.from({ length: b === 0 ? 12 : 8 + rng.int(5) }, () => 1 + rng.int(Vs - 1)),
        target: Array.from({ length: b === 0 ? 11 : 6 + rng.int(6) }, () => 3 + rng.int(Vt - 3)),
      })),
      { sos: SOS, eos: EOS, pad: PAD, sourcePad: 0 },
    ),
  );
}

class EngineS2S implements Trainer {
  readonly tokensPerStep: number;
  readonly trainer: Seq2SeqTrainer;
  private k = 0;
  constructor(readonly kernels: KernelName, private readonly batches: Seq2SeqBatch[]) {
    const model = new Seq2SeqModel({ cell: "gru", attention: "additive", sourceVocabSize: Vs, targetVocabSize: Vt, embeddingSize: E, hiddenSize: H }, { kernels, rng: new Rng(1) });
    if (model.kernels.name !== kernels) throw new Error(`engine: asked for ${kernels}, got ${model.kernels.name}`);
    this.trainer = new Seq2SeqTrainer(model, { kind: "adam", lr: LR });
    this.tokensPerStep = B * (batches[0].S + batches[0].U);
  }
  step(): number {
    return this.trainer.step(this.batches[this.k++ % this.batches.length]).loss;
  }
  dispose(): void {
    /* garbage-collected */
  }
}

/** The matrix products of one engine training step (forward + backward), as [variant, M, N, K]. */
function gemmCalls(S: number, U: number): ["NT" | "NN" | "TN", number, number, number][] {
  const G = 3 * H, Din = E + H;
  const calls: ["NT" | "NN" | "TN", number, number, number][] = [];
  calls.push(["NT", S * B, G, E]); // encoder input projection
  for (let s = 0; s < S; s++) calls.push(["NT", B, G, H]); // encoder recurrence
  calls.push(["NT", S * B, H, H]); // keys Ua^T
  for (let t = 0; t < U; t++) calls.push(["NT", B, H, H], ["NT", B, G, Din], ["NT", B, G, H]); // Wa q, input, recurrence
  calls.push(["NT", U * B, Vt, H]); // output head
  calls.push(["TN", Vt, H, U * B], ["NN", U * B, H, Vt]); // head gradients
  for (let t = 0; t < U; t++) calls.push(["NN", B, H, G], ["NN", B, Din, G], ["NN", B, H, H]);
  calls.push(["TN", G, Din, U * B], ["TN", G, H, U * B], ["TN", H, H, U * B], ["TN", H, H, S * B], ["NN", S * B, H, H]);
  for (let s = 0; s < S; s++) calls.push(["NN", B, H, G]);
  calls.push(["TN", G, E, S * B], ["TN", G, H, S * B], ["NN", S * B, E, G]);
  return calls;
}

function flopsOf(calls: ReturnType<typeof gemmCalls>): number {
  return calls.reduce((a, [, M, N, K]) => a + 2 * M * N * K, 0);
}

/** Seconds per step for the gemm calls alone, best of several rounds. */
function gemmCeiling(kernels: KernelName, calls: ReturnType<typeof gemmCalls>): number {
  const size = calls.reduce((a, [, M, N, K]) => Math.max(a, M * K + N * K + M * N), 0);
  const k = createKernels(kernels, 3 * size);
  const rng = new Rng(3);
  for (let i = 0; i < 3 * size; i++) k.heap[i] = rng.uniform(-1, 1);
  const run = (): void => {
    for (const [v, M, N, K] of calls) {
      if (v === "NT") k.gemmNT(0, size, 2 * size, M, N, K, false);
      else if (v === "NN") k.gemmNN(0, size, 2 * size, M, N, K, false);
      else k.gemmTN(0, size, 2 * size, M, N, K, false);
    }
  };
  for (let i = 0; i < 20; i++) run();
  let best = Infinity;
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) run();
    best = Math.min(best, (performance.now() - t0) / 20 / 1000);
  }
  return best;
}

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

interface TfS2SBatch {
  src: tf.Tensor2D[]; // per source step: one-hot [B][Vs]
  srcMask: tf.Tensor2D[]; // per source step: [B][1], 1 where s < n_b
  maskBias: tf.Tensor2D; // [B][S]: 0 valid, −1e9 padded
  keyMask: tf.Tensor3D; // [B][S][1]
  tin: tf.Tensor2D[]; // per decoder step: one-hot [B][Vt]
  tout: tf.Tensor2D; // [U·B][Vt] one-hot targets, 0 rows where ignored
  count: number;
}

class TfS2S implements Trainer {
  readonly tokensPerStep: number;
  private readonly v: Record<string, tf.Variable>;
  private readonly opt: tf.Optimizer;
  private readonly data: TfS2SBatch[];
  private k = 0;
  constructor(private readonly fast: boolean, batches: Seq2SeqBatch[]) {
    const u = (shape: number[], k: number, seed: number): tf.Variable => tf.variable(tf.randomUniform(shape, -k, k, "float32", seed));
    const kH = 1 / Math.sqrt(H);
    // Weights as [in][out] so every product is x·W.
    this.v = {
      embS: tf.variable(tf.randomNormal([Vs, E], 0, 1, "float32", 1)),
      eWih: u([E, 3 * H], kH, 2), eWhh: u([H, 3 * H], kH, 3), eBih: u([3 * H], kH, 4), eBhh: u([3 * H], kH, 5),
      embT: tf.variable(tf.randomNormal([Vt, E], 0, 1, "float32", 6)),
      Wa: u([H, H], kH, 7), ba: u([H], kH, 8), Ua: u([H, H], kH, 9), bu: u([H], kH, 10), Va: u([H, 1], kH, 11), bv: u([1], kH, 12),
      dWih: u([E + H, 3 * H], kH, 13), dWhh: u([H, 3 * H], kH, 14), dBih: u([3 * H], kH, 15), dBhh: u([3 * H], kH, 16),
      Wo: u([H, Vt], kH, 17), bo: u([Vt], kH, 18),
    };
    this.opt = tf.train.adam(LR);
    this.data = batches.map((b) => this.toTf(b));
    this.tokensPerStep = B * (batches[0].S + batches[0].U);
  }

  private toTf(b: Seq2SeqBatch): TfS2SBatch {
    return tf.tidy(() => {
      const src: tf.Tensor2D[] = [], srcMask: tf.Tensor2D[] = [], tin: tf.Tensor2D[] = [];
      for (let s = 0; s < b.S; s++) {
        src.push(tf.keep(tf.cast(tf.oneHot(tf.tensor1d(b.source.subarray(s * B, (s + 1) * B), "int32"), Vs), "float32") as tf.Tensor2D));
        srcMask.push(tf.keep(tf.tensor2d(Array.from(b.sourceLengths, (n) => (s < n ? 1 : 0)), [B, 1])));
      }
      const bias: number[] = [];
      for (let i = 0; i < B; i++) for (let s = 0; s < b.S; s++) bias.push(s < b.sourceLengths[i] ? 0 : -1e9);
      for (let t = 0; t < b.U; t++) tin.push(tf.keep(tf.cast(tf.oneHot(tf.tensor1d(b.targetIn.subarray(t * B, (t + 1) * B), "int32"), Vt), "float32") as tf.Tensor2D));
      const ids = Array.from(b.targetOut, (y) => (y < 0 ? -1 : y));
      const tout = tf.cast(tf.oneHot(tf.tensor1d(ids, "int32"), Vt), "float32") as tf.Tensor2D; // −1 gives a zero row
      return {
        src, srcMask, tin, tout: tf.keep(tout),
        maskBias: tf.keep(tf.tensor2d(bias, [B, b.S])),
        keyMask: tf.keep(tf.tensor3d(bias.map((x) => (x === 0 ? 1 : 0)), [B, b.S, 1])),
        count: ids.filter((y) => y >= 0).length,
      };
    });
  }

  private loss(d: TfS2SBatch): tf.Scalar {
    const v = this.v as Record<string, tf.Tensor2D>;
    const S = d.src.length, U = d.tin.length;
    const mm = (a: tf.Tensor2D, w: tf.Tensor2D, wT: tf.Tensor2D | null): tf.Tensor2D => (wT ? matMulFastGrad(a, w, wT) : tf.matMul(a, w));
    const T = (w: tf.Tensor2D): tf.Tensor2D | null => (this.fast ? tf.transpose(w) : null);
    const gru = (gi: tf.Tensor2D, h: tf.Tensor2D, Whh: tf.Tensor2D, WhhT: tf.Tensor2D | null, bhh: tf.Tensor): tf.Tensor2D => {
      const gh = tf.add(mm(h, Whh, WhhT), bhh);
      const [xrz, xn] = tf.split(gi, [2 * H, H], 1);
      const [hrz, hn] = tf.split(gh, [2 * H, H], 1);
      const [r, z] = tf.split(tf.sigmoid(tf.add(xrz, hrz)), 2, 1);
      const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
      return tf.add(n, tf.mul(z, tf.sub(h, n)));
    };
    const eWhhT = T(v.eWhh), dWhhT = T(v.dWhh), WaT = T(v.Wa);
    let h = tf.zeros<tf.Rank.R2>([B, H]);
    const outs: tf.Tensor2D[] = [];
    for (let s = 0; s < S; s++) {
      const x = tf.matMul(tf.matMul(d.src[s], v.embS), v.eWih);
      const hNew = gru(tf.add(x, v.eBih), h, v.eWhh, eWhhT, v.eBhh);
      const m = d.srcMask[s];
      h = tf.add(tf.mul(m, hNew), tf.mul(tf.sub(1, m), h)); // carried over padding (packed-sequence semantics)
      outs.push(tf.mul(m, hNew));
    }
    const keys = tf.stack(outs, 1) as tf.Tensor3D; // [B][S][H]
    const uk = tf.reshape(tf.add(tf.matMul(tf.reshape(keys, [B * S, H]), v.Ua), v.bu), [B, S, H]);
    const states: tf.Tensor2D[] = [];
    for (let t = 0; t < U; t++) {
      const wq = tf.reshape(tf.add(mm(h, v.Wa, WaT), v.ba), [B, 1, H]);
      const e = tf.tanh(tf.add(wq, uk)); // [B][S][H]
      const scores = tf.add(tf.reshape(tf.matMul(tf.reshape(e, [B * S, H]), v.Va), [B, S]), tf.add(v.bv, d.maskBias));
      const a = tf.softmax(scores); // [B][S]
      const ctx = tf.reshape(tf.matMul(tf.reshape(a, [B, 1, S]), keys), [B, H]);
      const emb = tf.matMul(d.tin[t], v.embT);
      const gi = tf.add<tf.Tensor2D>(tf.matMul(tf.concat([emb, ctx], 1), v.dWih), v.dBih);
      h = gru(gi, h, v.dWhh, dWhhT, v.dBhh);
      states.push(h);
    }
    const logits = tf.add(tf.matMul(tf.concat(states, 0), v.Wo), v.bo); // [U·B][Vt]
    const nll = tf.neg(tf.sum(tf.mul(d.tout, tf.logSoftmax(logits))));
    return tf.div(nll, d.count);
  }

  step(): number {
    const d = this.data[this.k++ % this.data.length];
    const loss = this.opt.minimize(() => this.loss(d), true, Object.values(this.v));
    const val = loss!.dataSync()[0];
    loss!.dispose();
    return val;
  }

  dispose(): void {
    for (const d of this.data) tf.dispose([...d.src, ...d.srcMask, ...d.tin, d.tout, d.maskBias, d.keyMask]);
    tf.dispose(Object.values(this.v));
    this.opt.dispose();
  }
}

export interface Seq2seqBenchRow {
  lib: string;
  tokensPerSec: number;
  stepsPerSec: number;
  vsTfjs?: number;
  /** Engine only: measured step time / time of its matrix products alone with the same kernels. */
  ceilingFraction?: number;
  gflops: number;
  firstLoss: number;
  lastLoss: number;
}

/** Runs the seq2seq workload: engine (wasm-simd, ts) and tfjs-wasm (both variants), interleaved. */
export async function benchSeq2seq(seconds: number, json: boolean): Promise<Seq2seqBenchRow[]> {
  if (!(await initKernels())) throw new Error("engine: the WebAssembly SIMD kernels did not load (run scripts/build-wasm.mjs)");
  await initTfjsWasm();
  const batches = makeBatches();
  const { S, U } = batches[0];
  const trainers: { lib: string; tr: Trainer }[] = [
    { lib: "engine (wasm-simd)", tr: new EngineS2S("wasm-simd", batches) },
    { lib: "engine (ts)", tr: new EngineS2S("ts", batches) },
    { lib: "tfjs-wasm tuned", tr: new TfS2S(true, batches) },
    { lib: "tfjs-wasm untuned", tr: new TfS2S(false, batches) },
  ];
  const calls = gemmCalls(S, U);
  const flops = flopsOf(calls);
  try {
    const ms = await measureInterleaved(trainers.map((t) => t.tr), seconds);
    const rows: Seq2seqBenchRow[] = trainers.map((t, i) => ({
      lib: t.lib,
      tokensPerSec: ms[i].tokensPerSec,
      stepsPerSec: ms[i].tokensPerSec / t.tr.tokensPerStep,
      gflops: (ms[i].tokensPerSec / t.tr.tokensPerStep) * flops / 1e9,
      firstLoss: ms[i].firstLoss,
      lastLoss: ms[i].lastLoss,
    }));
    const tfBest = Math.max(rows[2].tokensPerSec, rows[3].tokensPerSec);
    for (const [i, kernels] of [[0, "wasm-simd"], [1, "ts"]] as const) {
      rows[i].vsTfjs = rows[i].tokensPerSec / tfBest;
      rows[i].ceilingFraction = gemmCeiling(kernels, calls) * rows[i].stepsPerSec;
    }
    if (json) {
      for (const r of rows) console.log(JSON.stringify({ task: "seq2seq", cell: "gru", attention: "additive", batch: B, S, U, ...r }));
    } else {
      console.log(`# seq2seq: GRU encoder-decoder, additive attention, E=${E} H=${H} Vs=${Vs} Vt=${Vt} B=${B} S=${S} U=${U} (sources 8-12, targets 7-12 with eos), Adam ${LR}`);
      console.log("# tokens/s = B*(S+U)/step time; ceiling = share of the step time that its gemm calls alone take with the same kernels");
      console.log(`${"lib".padEnd(20)}  ${"tokens/s".padStart(9)}  ${"steps/s".padStart(8)}  ${"GFLOP/s".padStart(8)}  ${"vs tfjs".padStart(8)}  ${"ceiling".padStart(8)}  target`);
      for (const r of rows) {
        const target = r.vsTfjs === undefined || r.lib !== "engine (wasm-simd)" ? "" : `>=1.5x tfjs ${r.vsTfjs >= 1.5 ? "ok" : "MISS"}`;
        console.log(`${r.lib.padEnd(20)}  ${r.tokensPerSec.toFixed(0).padStart(9)}  ${r.stepsPerSec.toFixed(1).padStart(8)}  ${r.gflops.toFixed(2).padStart(8)}  ${(r.vsTfjs === undefined ? "" : `${r.vsTfjs.toFixed(2)}x`).padStart(8)}  ${(r.ceilingFraction === undefined ? "" : `${(100 * r.ceilingFraction).toFixed(0)}%`).padStart(8)}  ${target}`);
      }
    }
    return rows;
  } finally {
    for (const t of trainers) t.tr.dispose();
  }
}
