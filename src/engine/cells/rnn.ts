// src/engine/cells/rnn.ts: Elman RNN (tanh or ReLU), recurrent part: forward over a window, backward through it.
import type { CellArgs } from "./common";

// Step order and state slots are inlined here (see stepTime, prevSlot, outSlot, prevTime in common.ts): this loop is hot.

/**
 * h_t = tanh(x_t W_ih^T + b_ih + h_{t−1} W_hh^T + b_hh)   (lesson "rnn-basics", eq. 1); with `relu`, max(0, ·).
 * On entry buf.gates[t] holds x_t W_ih^T + b_ih + b_hh; this adds the recurrent term and squashes.
 * Slots, directions and lengths: see CellArgs.
 */
export function rnnForward({ kernels, Whh, buf, B, H, T, reverse = false, lengths = null, relu = false }: CellArgs): void {
  const BH = B * H;
  for (let s = 0; s < T; s++) {
    const t = reverse ? T - 1 - s : s;
    const pre = buf.gates + t * BH;
    const hPrev = buf.h + (reverse ? t + 1 : t) * BH;
    kernels.gemmNT(hPrev, Whh, pre, B, H, H, true);
    const heap = kernels.heap;
    const hOut = buf.h + (reverse ? t : t + 1) * BH;
    if (relu) for (let i = 0; i < BH; i++) heap[hOut + i] = heap[pre + i] > 0 ? heap[pre + i] : 0;
    else for (let i = 0; i < BH; i++) heap[hOut + i] = Math.tanh(heap[pre + i]);
    if (lengths) {
      for (let b = 0; b < B; b++) {
        if (t < lengths[b]) continue;
        heap.copyWithin(hOut + b * H, hPrev + b * H, hPrev + (b + 1) * H);
        heap.fill(0, pre + b * H, pre + (b + 1) * H);
      }
    }
  }
}

/**
 * On entry buf.dH[t] holds ∂L/∂h_t from above (the head or the next layer); this adds what comes back from
 * the step that read h_t, so buf.dH ends as the total gradient, and writes ∂L/∂a_t = ∂L/∂h_t ⊙ f'(a_t) to
 * buf.dPre (tanh: 1 − h_t²; ReLU: 1 where h_t > 0, else 0, as PyTorch takes it at 0).
 */
export function rnnBackward({ kernels, Whh, buf, B, H, T, reverse = false, lengths = null, relu = false }: CellArgs): void {
  const BH = B * H;
  for (let s = T - 1; s >= 0; s--) {
    const t = reverse ? T - 1 - s : s;
    const heap = kernels.heap;
    const dh = buf.dH + t * BH;
    const da = buf.dPre + t * BH;
    const hOut = buf.h + (reverse ? t : t + 1) * BH;
    if (relu) {
      for (let i = 0; i < BH; i++) heap[da + i] = heap[hOut + i] > 0 ? heap[dh + i] : 0;
    } else {
      for (let i = 0; i < BH; i++) {
        const h = heap[hOut + i];
        heap[da + i] = heap[dh + i] * (1 - h * h);
      }
    }
    const tp = reverse ? (t + 1 < T ? t + 1 : -1) : t - 1;
    if (lengths) {
      for (let b = 0; b < B; b++) {
        if (t < lengths[b]) continue;
        heap.fill(0, da + b * H, da + (b + 1) * H);
        if (tp >= 0) for (let j = 0; j < H; j++) heap[buf.dH + tp * BH + b * H + j] += heap[dh + b * H + j];
      }
    }
    // ∂L/∂h_{prev} += ∂L/∂a_t W_hh  (the initial state is a constant: nothing flows out of the first step)
    if (tp >= 0) kernels.gemmNN(da, Whh, buf.dH + tp * BH, B, H, H, true);
  }
}
