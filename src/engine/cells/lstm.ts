// src/engine/cells/lstm.ts: LSTM, recurrent part: forward over a window, backward through it (PyTorch layout i f g o).
import { sigmoid, type CellArgs } from "./common";

/**
 * i = σ(·), f = σ(·), g = tanh(·), o = σ(·) of x_t W_i*^T + b_i* + h_{t−1} W_h*^T + b_h*   ("lstm", eq. 1–4)
 * c_t = f ⊙ c_{t−1} + i ⊙ g   ("lstm", eq. 5);   h_t = o ⊙ tanh(c_t)   ("lstm", eq. 6)
 * On entry buf.gates[t] holds the input projection plus both biases; it leaves holding the gate values.
 */
export function lstmForward({ kernels, Whh, buf, B, H, T }: CellArgs): void {
  const BH = B * H;
  const G4 = 4 * H;
  for (let t = 0; t < T; t++) {
    const pre = buf.gates + t * B * G4;
    kernels.gemmNT(buf.h + t * BH, Whh, pre, B, G4, H, true);
    const heap = kernels.heap;
    const cPrev = buf.c + t * BH;
    const cOut = buf.c + (t + 1) * BH;
    const hOut = buf.h + (t + 1) * BH;
    const tcOut = buf.tc + t * BH;
    for (let b = 0; b < B; b++) {
      const row = pre + b * G4;
      const s = b * H;
      for (let j = 0; j < H; j++) {
        const i = sigmoid(heap[row + j]);
        const f = sigmoid(heap[row + H + j]);
        const g = Math.tanh(heap[row + 2 * H + j]);
        const o = sigmoid(heap[row + 3 * H + j]);
        heap[row + j] = i;
        heap[row + H + j] = f;
        heap[row + 2 * H + j] = g;
        heap[row + 3 * H + j] = o;
        const c = f * heap[cPrev + s + j] + i * g;
        const tc = Math.tanh(c);
        heap[cOut + s + j] = c;
        heap[tcOut + s + j] = tc;
        heap[hOut + s + j] = o * tc;
      }
    }
  }
}

/**
 * Backward through the window. buf.dH[t] arrives with ∂L/∂h_t from above and leaves as the total;
 * buf.dC[t] receives the total ∂L/∂c_t; buf.dPre receives ∂L/∂(pre-activations) of i f g o.
 */
export function lstmBackward({ kernels, Whh, buf, B, H, T }: CellArgs): void {
  const BH = B * H;
  const G4 = 4 * H;
  kernels.heap.fill(0, buf.dcNext, buf.dcNext + BH);
  for (let t = T - 1; t >= 0; t--) {
    const heap = kernels.heap;
    const gates = buf.gates + t * B * G4;
    const dPre = buf.dPre + t * B * G4;
    const dh = buf.dH + t * BH;
    const dC = buf.dC + t * BH;
    const tcAt = buf.tc + t * BH;
    const cPrev = buf.c + t * BH;
    const dcNext = buf.dcNext;
    for (let b = 0; b < B; b++) {
      const row = gates + b * G4;
      const drow = dPre + b * G4;
      const s = b * H;
      for (let j = 0; j < H; j++) {
        const i = heap[row + j];
        const f = heap[row + H + j];
        const g = heap[row + 2 * H + j];
        const o = heap[row + 3 * H + j];
        const tc = heap[tcAt + s + j];
        const dhv = heap[dh + s + j];
        // ∂L/∂c_t: through h_t = o ⊙ tanh(c_t), plus the additive path from c_{t+1} = f ⊙ c_t + …
        const dc = heap[dcNext + s + j] + dhv * o * (1 - tc * tc);
        heap[dC + s + j] = dc;
        heap[drow + j] = dc * g * i * (1 - i);
        heap[drow + H + j] = dc * heap[cPrev + s + j] * f * (1 - f);
        heap[drow + 2 * H + j] = dc * i * (1 - g * g);
        heap[drow + 3 * H + j] = dhv * tc * o * (1 - o);
        heap[dcNext + s + j] = dc * f;
      }
    }
    if (t > 0) kernels.gemmNN(dPre, Whh, buf.dH + (t - 1) * BH, B, H, G4, true);
  }
}
