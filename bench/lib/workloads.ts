// bench/lib/workloads.ts: the benchmark workloads, their synthetic data, and the FLOP count per token.
//
// One token = one timestep of one sequence: forward, backward and (its share of) the parameter update.

export type Task = "sine" | "char";
export type Cell = "rnn" | "lstm" | "gru";

export const TASKS: readonly Task[] = ["sine", "char"];
export const CELLS: readonly Cell[] = ["rnn", "lstm", "gru"];

export interface Workload {
  task: Task;
  cell: Cell;
  /** Sequences per training step (B). */
  batch: number;
  /** Timesteps per sequence (T). */
  T: number;
  /** Input width: features (dense) or vocabulary size (one-hot). */
  D: number;
  H: number;
  /** Head width: regression outputs or classes. */
  O: number;
  /** Adam learning rate. */
  lr: number;
  loss: "mse" | "xent";
  inputKind: "dense" | "onehot";
}

/** The batch sizes benchmarked per task (B=1 plus one batched size). */
export const BATCHES: Readonly<Record<Task, readonly number[]>> = { sine: [1, 16], char: [1, 32] };

export function makeWorkload(task: Task, cell: Cell, batch: number): Workload {
  return task === "sine"
    ? { task, cell, batch, T: 50, D: 1, H: 32, O: 1, lr: 1e-2, loss: "mse", inputKind: "dense" }
    : { task, cell, batch, T: 25, D: VOCAB.length, H: 128, O: VOCAB.length, lr: 2e-3, loss: "xent", inputKind: "onehot" };
}

export function gateCount(cell: Cell): number {
  return cell === "rnn" ? 1 : cell === "lstm" ? 4 : 3;
}

/**
 * Floating-point operations of the matrix products per token, forward + backward (2 per multiply-add):
 *   forward   x·W_ih (dense only; one-hot is a row gather), h·W_hh, h·W_out
 *   backward  dW_ih += dPre^T x (dense only; one-hot is a scatter-add), dh = dPre·W_hh, dW_hh += dPre^T h,
 *             dh += dy·W_out, dW_out += dy^T h
 * The gradient w.r.t. the first layer's input is not needed and not counted. Elementwise work (gates,
 * softmax, Adam) is left out, so this is a lower bound on the work done: a "useful matmul FLOP" rate.
 */
export function flopsPerToken(w: Workload): number {
  const GH = gateCount(w.cell) * w.H;
  const inMacs = w.inputKind === "dense" ? 2 * GH * w.D : 0;
  const macs = inMacs + 3 * GH * w.H + 3 * w.O * w.H;
  return 2 * macs;
}

// ---------------------------------------------------------------------------------------------------
// Data. Throughput does not depend on the values, but the data are realistic so losses stay sane.

/** The 65 symbols of the tiny-shakespeare corpus (the classic char-RNN vocabulary). */
export const VOCAB = "\n !$&',-.3:;?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A batch in the engine's layout: time-major [T][B][…], row-major, flat. */
export interface BatchData {
  T: number;
  B: number;
  inputs?: Float64Array; // [T][B][D] (dense)
  inputIndices?: Int32Array; // [T][B] (one-hot)
  targets?: Float64Array; // [T][B][O] (mse)
  targetIndices?: Int32Array; // [T][B] (xent)
  /** The same sequences per library-friendly form: sine values (length T+1) or character strings. */
  sequences: SequenceData[];
}

/** One sequence: `values` has T+1 samples (input t is values[t], target is values[t+1]); `text` likewise T+1 characters. */
export interface SequenceData {
  values?: number[];
  text?: string;
}

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A pool of distinct batches; trainers cycle through it so no library trains on one batch forever. */
export function makeBatches(w: Workload, count: number, seed = 1234): BatchData[] {
  const rand = rng(seed);
  const out: BatchData[] = [];
  for (let k = 0; k < count; k++) out.push(w.task === "sine" ? sineBatch(w, rand) : charBatch(w, rand));
  return out;
}

function sineBatch(w: Workload, rand: () => number): BatchData {
  const { T, batch: B } = w;
  const inputs = new Float64Array(T * B);
  const targets = new Float64Array(T * B);
  const sequences: SequenceData[] = [];
  for (let b = 0; b < B; b++) {
    const phase = rand() * 2 * Math.PI;
    const freq = 0.1 + 0.3 * rand();
    const values: number[] = [];
    for (let t = 0; t <= T; t++) values.push(Math.sin(phase + freq * t));
    for (let t = 0; t < T; t++) {
      inputs[t * B + b] = values[t];
      targets[t * B + b] = values[t + 1];
    }
    sequences.push({ values });
  }
  return { T, B, inputs, targets, sequences };
}

function charBatch(w: Workload, rand: () => number): BatchData {
  const { T, batch: B } = w;
  const inputIndices = new Int32Array(T * B);
  const targetIndices = new Int32Array(T * B);
  const sequences: SequenceData[] = [];
  for (let b = 0; b < B; b++) {
    // A Markov-ish walk over the vocabulary: random, but with some structure a network can pick up.
    const idx: number[] = [];
    let c = Math.floor(rand() * VOCAB.length);
    for (let t = 0; t <= T; t++) {
      idx.push(c);
      c = rand() < 0.6 ? (c * 7 + 3) % VOCAB.length : Math.floor(rand() * VOCAB.length);
    }
    for (let t = 0; t < T; t++) {
      inputIndices[t * B + b] = idx[t];
      targetIndices[t * B + b] = idx[t + 1];
    }
    sequences.push({ text: idx.map((i) => VOCAB[i]).join("") });
  }
  return { T, B, inputIndices, targetIndices, sequences };
}
