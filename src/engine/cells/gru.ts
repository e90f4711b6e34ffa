// src/engine/cells/gru.ts: GRU, recurrent part: forward over a window, backward through it (PyTorch layout r z n).
import { sigmoid, type CellArgs } from "./common";

// Step order and state slots are inlined here (see stepTime, prevSlot, outSlot, prevTime in common.ts): this loop is hot.

/**
 * r = σ(x W_ir^T + b_ir + h_{t−1} W_hr^T + b_hr),  z = σ(x W_iz^T + b_iz + h_{t−1} W_hz^T + b_hz)   ("gru", eq. 1–2)
 * n = tanh(x W_in^T + b_in + r ⊙ (h_{t−1} W_hn^T + b_hn))   ("gru", eq. 3)
 * h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}   ("gru", eq. 4)
 * r scales (h W_hn^T + b_hn), not h alone, and z weighs the previous state: PyTorch's GRU, which the fixtures follow.
 * On entry buf.gates[t] holds x_t W_ih^T + b_ih only; it leaves holding r, z, n.
 * Slots, directions and lengths: see CellArgs.
 */
export function gruForward({ kernels, Whh, bhh, buf, B, H, T, reverse = false, lengths = null }: CellArgs): void {
  const BH = B * H;
  const G3 = 3 * H;
  for (let s = 0; s < T; s++) {
    const t = reverse ? T - 1 - s : s;
    const hPrev = buf.h + (reverse ? t + 1 : t) * BH;
    kernels.gemmNT(hPrev, Whh, buf.gh, B, G3, H, false);
    const heap = kernels.heap;
    const gi = buf.gates + t * B * G3;
    const hOut = buf.h + (reverse ? t : t + 1) * BH;
    const hnAt = buf.hn + t * BH;
    for (let b = 0; b < B; b++) {
      const row = gi + b * G3;
      const ghRow = buf.gh + b * G3;
      const s0 = b * H;
      if (lengths && t >= lengths[b]) {
        heap.fill(0, row, row + G3);
        heap.fill(0, hnAt + s0, hnAt + s0 + H);
        heap.copyWithin(hOut + s0, hPrev + s0, hPrev + s0 + H);
        continue;
      }
      for (let j = 0; j < H; j++) {
        const r = sigmoid(heap[row + j] + heap[ghRow + j] + heap[bhh + j]);
        const z = sigmoid(heap[row + H + j] + heap[ghRow + H + j] + heap[bhh + H + j]);
        const hn = heap[ghRow + 2 * H + j] + heap[bhh + 2 * H + j];
        const n = Math.tanh(heap[row + 2 * H + j] + r * hn);
        heap[row + j] = r;
        heap[row + H + j] = z;
        heap[row + 2 * H + j] = n;
        heap[hnAt + s0 + j] = hn;
        heap[hOut + s0 + j] = (1 - z) * n + z * heap[hPrev + s0 + j];
      }
    }
  }
}

/**
 * Backward through the window. buf.dPre gets ∂L/∂(pre-activations) as W_ih and b_ih see them; buf.dPreH as
 * W_hh and b_hh see them (the same for r and z; for n it is scaled by r, since r multiplies h W_hn^T + b_hn).
 */
export function gruBackward({ kernels, Whh, buf, B, H, T, reverse = false, lengths = null }: CellArgs): void {
  const BH = B * H;
  const G3 = 3 * H;
  for (let s = T - 1; s >= 0; s--) {
    const t = reverse ? T - 1 - s : s;
    const heap = kernels.heap;
    const gates = buf.gates + t * B * G3;
    const dPre = buf.dPre + t * B * G3;
    const dPreH = buf.dPreH + t * B * G3;
    const dh = buf.dH + t * BH;
    const hPrev = buf.h + (reverse ? t + 1 : t) * BH;
    const hnAt = buf.hn + t * BH;
    const tp = reverse ? (t + 1 < T ? t + 1 : -1) : t - 1;
    const dhPrev = buf.dH + tp * BH; // only written when tp ≥ 0
    for (let b = 0; b < B; b++) {
      const row = gates + b * G3;
      const drow = dPre + b * G3;
      const dhrow = dPreH + b * G3;
      const s0 = b * H;
      if (lengths && t >= lengths[b]) {
        heap.fill(0, drow, drow + G3);
        heap.fill(0, dhrow, dhrow + G3);
        if (tp >= 0) for (let j = 0; j < H; j++) heap[dhPrev + s0 + j] += heap[dh + s0 + j];
        continue;
      }
      for (let j = 0; j < H; j++) {
        const r = heap[row + j];
        const z = heap[row + H + j];
        const n = heap[row + 2 * H + j];
        const dhv = heap[dh + s0 + j];
        const hp = heap[hPrev + s0 + j];
        const dan = dhv * (1 - z) * (1 - n * n);
        const dar = dan * heap[hnAt + s0 + j] * r * (1 - r);
        const daz = dhv * (hp - n) * z * (1 - z);
        heap[drow + j] = dar;
        heap[drow + H + j] = daz;
        heap[drow + 2 * H + j] = dan;
        heap[dhrow + j] = dar;
        heap[dhrow + H + j] = daz;
        heap[dhrow + 2 * H + j] = dan * r;
        if (tp >= 0) heap[dhPrev + s0 + j] += dhv * z; // the direct path h_t = … + z ⊙ h_{t−1}
      }
    }
    if (tp >= 0) kernels.gemmNN(dPreH, Whh, dhPrev, B, H, G3, true);
  }
}
