// src/engine/cells/common.ts: what every cell's recurrent loop is given: the arena, its weights and buffers.
import type { Kernels } from "../kernels/types";
import type { LayerBuffers } from "../workspace";

/** One layer's recurrent part for a window: absolute arena offsets of W_hh and b_hh, its buffers and sizes. */
export interface CellArgs {
  readonly kernels: Kernels;
  readonly Whh: number; // [G·H][H]
  readonly bhh: number; // [G·H] (read by the GRU per step; the RNN and LSTM fold it into the input projection)
  readonly buf: LayerBuffers;
  readonly B: number;
  readonly H: number;
  readonly T: number;
}

export function sigmoid(a: number): number {
  return 1 / (1 + Math.exp(-a));
}
