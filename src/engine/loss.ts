// src/engine/loss.ts: MSE, softmax cross-entropy and binary cross-entropy on logits, with their gradients ∂L/∂y.
import type { Batch } from "./batch";
import type { ModelConfig } from "./config";
import type { Workspace } from "./workspace";

/**
 * Writes ∂L/∂y to ws.dy and the loss per step to ws.stepLoss; returns the loss, averaged as PyTorch's
 * reduction "mean" does over the valid entries: M·O values (MSE, BCE) or M rows (cross-entropy), where M is the
 * number of valid (step, sequence) pairs for "all" (T·B without lengths) and B for "last". Padded rows get
 * ∂L/∂y = 0 and take no part in the loss.
 */
export function computeLoss(heap: Float64Array, c: ModelConfig, ws: Workspace, batch: Batch): number {
  const { B, T, rows, y, dy } = ws;
  const O = c.outputSize;
  const all = c.outputMode === "all";
  const firstStep = all ? 0 : T - 1;
  const masked = all && ws.hasLengths;
  const len = ws.lengths;
  ws.stepLoss.fill(NaN);
  let M = rows;
  if (masked) {
    M = 0;
    for (let b = 0; b < B; b++) M += len[b];
  }
  // Per-step means are over the sequences valid at that step.
  const perStep = (t: number): number => {
    if (!masked) return B;
    let n = 0;
    for (let b = 0; b < B; b++) if (t < len[b]) n++;
    return n;
  };
  const addStep = (r: number, value: number): void => {
    const t = firstStep + Math.floor(r / B);
    ws.stepLoss[t] = (Number.isNaN(ws.stepLoss[t]) ? 0 : ws.stepLoss[t]) + value / perStep(t);
  };
  const isPadded = (r: number): boolean => masked && Math.floor(r / B) >= len[r % B];
  let total = 0;
  if (c.loss === "mse" || c.loss === "bce") {
    const target = batch.targets!;
    const bce = c.loss === "bce";
    const scale = (bce ? 1 : 2) / (M * O);
    for (let r = 0; r < rows; r++) {
      const yr = y + r * O;
      const dr = dy + r * O;
      if (isPadded(r)) {
        heap.fill(0, dr, dr + O);
        continue;
      }
      let sum = 0;
      const tr = r * O;
      for (let j = 0; j < O; j++) {
        const v = heap[yr + j];
        const p = target[tr + j];
        if (bce) {
          // ℓ = max(y, 0) − y·p + log(1 + exp(−|y|)): never overflows; ∂ℓ/∂y = σ(y) − p.
          const e = Math.exp(-Math.abs(v));
          sum += Math.max(v, 0) - v * p + Math.log1p(e);
          const sig = v >= 0 ? 1 / (1 + e) : e / (1 + e);
          heap[dr + j] = scale * (sig - p);
        } else {
          const diff = v - p;
          sum += diff * diff;
          heap[dr + j] = scale * diff;
        }
      }
      total += sum;
      addStep(r, sum / O);
    }
    return total / (M * O);
  }
  const target = batch.targetIndices!;
  const scale = 1 / M;
  for (let r = 0; r < rows; r++) {
    const yr = y + r * O;
    const dr = dy + r * O;
    if (isPadded(r)) {
      heap.fill(0, dr, dr + O);
      continue;
    }
    let max = -Infinity;
    for (let j = 0; j < O; j++) if (heap[yr + j] > max) max = heap[yr + j];
    let sumExp = 0;
    for (let j = 0; j < O; j++) {
      const e = Math.exp(heap[yr + j] - max);
      heap[dr + j] = e;
      sumExp += e;
    }
    // −log softmax(y)[target] = log Σ exp(y) − y[target], computed around the max so exp cannot overflow.
    const cls = target[r];
    const rowLoss = Math.log(sumExp) + max - heap[yr + cls];
    const inv = scale / sumExp;
    for (let j = 0; j < O; j++) heap[dr + j] *= inv;
    heap[dr + cls] -= scale;
    total += rowLoss;
    addStep(r, rowLoss);
  }
  return total / M;
}
