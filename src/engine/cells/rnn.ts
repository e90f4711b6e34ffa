// src/engine/cells/rnn.ts: Elman tanh RNN, recurrent part: forward over a window, backward through it.
import type { CellArgs } from "./common";

/**
 * h_t = tanh(x_t W_ih^T + b_ih + h_{t−1} W_hh^T + b_hh)   (lesson "rnn-basics", eq. 1)
 * On entry buf.gates[t] holds x_t W_ih^T + b_ih + b_hh; this adds the recurrent term and squashes.
 */
export function rnnForward({ kernels, Whh, buf, B, H, T }: CellArgs): void {
  const BH = B * H;
  for (let t = 0; t < T; t++) {
    const pre = buf.gates + t * BH;
    kernels.gemmNT(buf.h + t * BH, Whh, pre, B, H, H, true);
    const heap = kernels.heap;
    const hOut = buf.h + (t + 1) * BH;
    for (let i = 0; i < BH; i++) heap[hOut + i] = Math.tanh(heap[pre + i]);
  }
}

/**
 * On entry buf.dH[t] holds ∂L/∂h_t from above (the head or the next layer); this adds what comes back from
 * step t+1, so buf.dH ends as the total gradient, and writes ∂L/∂a_t = ∂L/∂h_t ⊙ (1 − h_t²) to buf.dPre.
 */
export function rnnBackward({ kernels, Whh, buf, B, H, T }: CellArgs): void {
  const BH = B * H;
  for (let t = T - 1; t >= 0; t--) {
    const heap = kernels.heap;
    const dh = buf.dH + t * BH;
    const da = buf.dPre + t * BH;
    const hOut = buf.h + (t + 1) * BH;
    for (let i = 0; i < BH; i++) {
      const h = heap[hOut + i];
      heap[da + i] = heap[dh + i] * (1 - h * h);
    }
    // ∂L/∂h_{t−1} += ∂L/∂a_t W_hh  (h0 is a constant: nothing flows out of step 0)
    if (t > 0) kernels.gemmNN(da, Whh, buf.dH + (t - 1) * BH, B, H, H, true);
  }
}
