// src/lessons/tasks.ts: the small data sets the training lessons use, all with real structure and a fixed seed.
import { createRng, type Batch } from "../engine";

/**
 * B sine waves with random period (8–16 steps) and phase, plus Gaussian noise of standard deviation `noise`;
 * inputs x_t and targets x_{t+1}, as dense [T][B][1] batches (next-value prediction).
 */
export function sineBatch(B: number, T: number, noise: number, seed: number): Batch & { inputs: Float64Array; targets: Float64Array } {
  const rng = createRng(seed);
  const inputs = new Float64Array(T * B);
  const targets = new Float64Array(T * B);
  const seq = new Float64Array(T + 1);
  for (let b = 0; b < B; b++) {
    const period = rng.uniform(8, 16);
    const phase = rng.uniform(0, 2 * Math.PI);
    for (let t = 0; t <= T; t++) seq[t] = Math.sin((2 * Math.PI * t) / period + phase) + noise * rng.normal();
    for (let t = 0; t < T; t++) {
      inputs[t * B + b] = seq[t];
      targets[t * B + b] = seq[t + 1];
    }
  }
  return { T, B, inputs, targets };
}

/** The symbols of the order task: a and b are the markers, c and d filler. */
export const ORDER_SYMBOLS = ["a", "b", "c", "d"] as const;

/**
 * "Which comes first, a or b?": each sequence holds exactly one a and one b at random places, the rest c or d.
 * Class 0: a first, class 1: b first. Both classes contain the same symbols in the same numbers, so only their
 * order tells them apart: a model that ignores order (counting symbols) is at chance.
 */
export function orderBatch(B: number, T: number, seed: number): Batch & { inputIndices: Int32Array; targetIndices: Int32Array } {
  const rng = createRng(seed);
  const inputIndices = new Int32Array(T * B);
  const targetIndices = new Int32Array(B);
  for (let b = 0; b < B; b++) {
    const pa = rng.int(T);
    let pb = rng.int(T - 1);
    if (pb >= pa) pb++;
    for (let t = 0; t < T; t++) inputIndices[t * B + b] = t === pa ? 0 : t === pb ? 1 : 2 + rng.int(2);
    targetIndices[b] = pa < pb ? 0 : 1;
  }
  return { T, B, inputIndices, targetIndices };
}

/** The order-task class of a sequence of symbols, or null when it is not a valid sequence of length T. */
export function orderClassOf(text: string, T: number): number | null {
  // Array.from: a code point per entry, so a stray emoji counts as one (wrong) symbol, not two.
  const chars = Array.from(text.trim().toLowerCase());
  if (chars.length !== T || chars.some((c) => !(ORDER_SYMBOLS as readonly string[]).includes(c))) return null;
  const pa = chars.indexOf("a");
  const pb = chars.indexOf("b");
  if (pa < 0 || pb < 0 || chars.lastIndexOf("a") !== pa || chars.lastIndexOf("b") !== pb) return null;
  return pa < pb ? 0 : 1;
}

/** Sequence b of an [T][B] index batch as text ("cadbdccd"). */
export function orderText(batch: { T: number; B: number; inputIndices: Int32Array }, b: number): string {
  let s = "";
  for (let t = 0; t < batch.T; t++) s += ORDER_SYMBOLS[batch.inputIndices[t * batch.B + b]];
  return s;
}
