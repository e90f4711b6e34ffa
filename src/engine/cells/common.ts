// src/engine/cells/common.ts: what every cell's recurrent loop is given: the arena, its weights and buffers.
import type { Kernels } from "../kernels/types";
import type { LayerBuffers } from "../workspace";

/**
 * One layer's recurrent part for a window: absolute arena offsets of W_hh and b_hh, its buffers and sizes.
 *
 * State slots (buf.h, buf.c hold T+1 of them): the forward direction reads h_{t−1} from slot t and writes h_t to
 * slot t+1 (slot 0 = the initial state); the reverse direction (`reverse: true`) runs t = T−1 … 0, reads h_{t+1}
 * from slot t+1 and writes h_t to slot t (slot T = the initial state). Either way slot `t + (reverse ? 0 : 1)`
 * holds h_t, and the final state (PyTorch's h_n) sits in slot T (forward) or slot 0 (reverse).
 *
 * With `lengths`, sequence b has lengths[b] valid steps; at padded steps t ≥ lengths[b] nothing is computed: the
 * state is passed on unchanged (so the forward direction's slot T holds h_{n_b−1}, and the reverse direction
 * starts at t = n_b − 1 from the initial state), gate values there are 0, and in the backward pass ∂L/∂h passes
 * straight through to the previous state. That is pack_padded_sequence's semantics, for any order of lengths.
 */
export interface CellArgs {
  readonly kernels: Kernels;
  readonly Whh: number; // [G·H][H]
  readonly bhh: number; // [G·H] (read by the GRU per step; the RNN and LSTM fold it into the input projection)
  readonly buf: LayerBuffers;
  readonly B: number;
  readonly H: number;
  readonly T: number;
  /** Run backwards in time (the reverse direction of a bidirectional layer). */
  readonly reverse?: boolean;
  /** Valid steps per sequence [B], each 1…T; null or absent: all T. */
  readonly lengths?: Int32Array | null;
  /** RNN cell only: ReLU instead of tanh. */
  readonly relu?: boolean;
}

export function sigmoid(a: number): number {
  return 1 / (1 + Math.exp(-a));
}

/** Processing order: the time index of the s-th step a direction computes. */
export function stepTime(s: number, T: number, reverse: boolean): number {
  return reverse ? T - 1 - s : s;
}

/** Slot of the state a step at time t reads (h_{t∓1}) and writes (h_t). */
export function prevSlot(t: number, reverse: boolean): number {
  return reverse ? t + 1 : t;
}
export function outSlot(t: number, reverse: boolean): number {
  return reverse ? t : t + 1;
}

/** In the backward pass: the time index whose ∂L/∂h receives the recurrent gradient of step t, or −1 for none. */
export function prevTime(t: number, T: number, reverse: boolean): number {
  return reverse ? (t + 1 < T ? t + 1 : -1) : t - 1;
}
