// src/engine/loss.ts: MSE and softmax cross-entropy on the head outputs, with their gradients ∂L/∂y.
import type { Batch } from "./batch";
import type { ModelConfig } from "./config";
import type { Workspace } from "./workspace";

/**
 * Writes ∂L/∂y to ws.dy and the loss per step to ws.stepLoss; returns the loss, averaged as PyTorch's
 * reduction "mean" does: over T·B·O values (MSE) or T·B rows (cross-entropy) for "all", over B·O or B for "last".
 */
export function computeLoss(heap: Float64Array, c: ModelConfig, ws: Workspace, batch: Batch): number {
  const { B, T, rows, y, dy } = ws;
  const O = c.outputSize;
  const firstStep = c.outputMode === "all" ? 0 : T - 1;
  ws.stepLoss.fill(NaN);
  let total = 0;
  if (c.loss === "mse") {
    const target = batch.targets!;
    const scale = 2 / (rows * O);
    for (let r = 0; r < rows; r++) {
      let sum = 0;
      const yr = y + r * O;
      const dr = dy + r * O;
      const tr = r * O;
      for (let j = 0; j < O; j++) {
        const diff = heap[yr + j] - target[tr + j];
        sum += diff * diff;
        heap[dr + j] = scale * diff;
      }
      total += sum;
      const t = firstStep + Math.floor(r / B);
      ws.stepLoss[t] = (Number.isNaN(ws.stepLoss[t]) ? 0 : ws.stepLoss[t]) + sum / (B * O);
    }
    return total / (rows * O);
  }
  const target = batch.targetIndices!;
  const scale = 1 / rows;
  for (let r = 0; r < rows; r++) {
    const yr = y + r * O;
    const dr = dy + r * O;
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
    const t = firstStep + Math.floor(r / B);
    ws.stepLoss[t] = (Number.isNaN(ws.stepLoss[t]) ? 0 : ws.stepLoss[t]) + rowLoss / B;
  }
  return total / rows;
}
