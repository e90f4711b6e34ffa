// src/engine/cells/lstm.ts: LSTM, recurrent part: forward over a window, backward through it (PyTorch layout i f g o).
import { sigmoid, type CellArgs } from "./common";

// Step order and state slots are inlined here (see stepTime, prevSlot, outSlot, prevTime in common.ts): this loop is hot.

/**
 * i = σ(·), f = σ(·), g = tanh(·), o = σ(·) of x_t W_i*^T + b_i* + h_{t−1} W_h*^T + b_h*   ("lstm", eq. 1–4)
 * c_t = f ⊙ c_{t−1} + i ⊙ g   ("lstm", eq. 5);   h_t = o ⊙ tanh(c_t)   ("lstm", eq. 6)
 * On entry buf.gates[t] holds the input projection plus both biases; it leaves holding the gate values.
 * Slots, directions and lengths: see CellArgs (c is carried like h).
 */
export function lstmForward({ kernels, Whh, buf, B, H, T, reverse = false, lengths = null }: CellArgs): void {
  const BH = B * H;
  const G4 = 4 * H;
  for (let s = 0; s < T; s++) {
    const t = reverse ? T - 1 - s : s;
    const pre = buf.gates + t * B * G4;
    const ps = (reverse ? t + 1 : t) * BH;
    const os = (reverse ? t : t + 1) * BH;
    kernels.gemmNT(buf.h + ps, Whh, pre, B, G4, H, true);
    const heap = kernels.heap;
    const cPrev = buf.c + ps;
    const cOut = buf.c + os;
    const hOut = buf.h + os;
    const tcOut = buf.tc + t * BH;
    for (let b = 0; b < B; b++) {
      const row = pre + b * G4;
      const s0 = b * H;
      if (lengths && t >= lengths[b]) {
        // Padding: the state passes on unchanged; nothing is computed.
        heap.fill(0, row, row + G4);
        heap.fill(0, tcOut + s0, tcOut + s0 + H);
        heap.copyWithin(hOut + s0, buf.h + ps + s0, buf.h + ps + s0 + H);
        heap.copyWithin(cOut + s0, cPrev + s0, cPrev + s0 + H);
        continue;
      }
      for (let j = 0; j < H; j++) {
        const i = sigmoid(heap[row + j]);
        const f = sigmoid(heap[row + H + j]);
        const g = Math.tanh(heap[row + 2 * H + j]);
        const o = sigmoid(heap[row + 3 * H + j]);
        heap[row + j] = i;
        heap[row + H + j] = f;
        heap[row + 2 * H + j] = g;
        heap[row + 3 * H + j] = o;
        const c = f * heap[cPrev + s0 + j] + i * g;
        const tc = Math.tanh(c);
        heap[cOut + s0 + j] = c;
        heap[tcOut + s0 + j] = tc;
        heap[hOut + s0 + j] = o * tc;
      }
    }
  }
}

/**
 * Backward through the window. buf.dH[t] arrives with ∂L/∂h_t from above and leaves as the total;
 * buf.dC[t] receives the total ∂L/∂c_t; buf.dPre receives ∂L/∂(pre-activations) of i f g o.
 */
export function lstmBackward({ kernels, Whh, buf, B, H, T, reverse = false, lengths = null }: CellArgs): void {
  const BH = B * H;
  const G4 = 4 * H;
  kernels.heap.fill(0, buf.dcNext, buf.dcNext + BH);
  for (let s = T - 1; s >= 0; s--) {
    const t = reverse ? T - 1 - s : s;
    const heap = kernels.heap;
    const gates = buf.gates + t * B * G4;
    const dPre = buf.dPre + t * B * G4;
    const dh = buf.dH + t * BH;
    const dC = buf.dC + t * BH;
    const tcAt = buf.tc + t * BH;
    const cPrev = buf.c + (reverse ? t + 1 : t) * BH;
    const dcNext = buf.dcNext;
    const tp = reverse ? (t + 1 < T ? t + 1 : -1) : t - 1;
    for (let b = 0; b < B; b++) {
      const row = gates + b * G4;
      const drow = dPre + b * G4;
      const s0 = b * H;
      if (lengths && t >= lengths[b]) {
        // Padding: ∂L/∂h and ∂L/∂c (in dcNext) pass straight through to the previous state.
        heap.fill(0, drow, drow + G4);
        heap.fill(0, dC + s0, dC + s0 + H);
        if (tp >= 0) for (let j = 0; j < H; j++) heap[buf.dH + tp * BH + s0 + j] += heap[dh + s0 + j];
        continue;
      }
      for (let j = 0; j < H; j++) {
        const i = heap[row + j];
        const f = heap[row + H + j];
        const g = heap[row + 2 * H + j];
        const o = heap[row + 3 * H + j];
        const tc = heap[tcAt + s0 + j];
        const dhv = heap[dh + s0 + j];
        // ∂L/∂c_t: through h_t = o ⊙ tanh(c_t), plus the additive path from c_{t+1} = f ⊙ c_t + …
        const dc = heap[dcNext + s0 + j] + dhv * o * (1 - tc * tc);
        heap[dC + s0 + j] = dc;
        heap[drow + j] = dc * g * i * (1 - i);
        heap[drow + H + j] = dc * heap[cPrev + s0 + j] * f * (1 - f);
        heap[drow + 2 * H + j] = dc * i * (1 - g * g);
        heap[drow + 3 * H + j] = dhv * tc * o * (1 - o);
        heap[dcNext + s0 + j] = dc * f;
      }
    }
    if (tp >= 0) kernels.gemmNN(dPre, Whh, buf.dH + tp * BH, B, H, G4, true);
  }
}
