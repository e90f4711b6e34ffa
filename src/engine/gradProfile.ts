// src/engine/gradProfile.ts: ‖∂L/∂h_t‖ per timestep of the last backward pass, and the per-step gains that predict it.
//
// Read straight from the network's workspace after a backward pass (no trace copy): O(T·B·H) per call, cheap
// next to the training step that produced it, so the trainer can take it after every step.
import { EngineError } from "./errors";
import type { CellType } from "./config";
import type { Network } from "./network";

/** What one backward pass left behind, before the spectral radius is folded in. All [T]. */
export interface RawProfile {
  dhNorm: Float64Array;
  dcNorm: Float64Array | null;
  /**
   * The local factor of the path back from step t to t − 1, as measured on this batch:
   * tanh-RNN ‖∂L/∂h_t ⊙ (1 − h_t²)‖ / ‖∂L/∂h_t‖ (W_hh's share, ρ, is applied later);
   * LSTM ‖∂L/∂c_t ⊙ f_t‖ / ‖∂L/∂c_t‖ (the cell state's additive path); GRU ‖∂L/∂h_t ⊙ z_t‖ / ‖∂L/∂h_t‖.
   */
  localGain: Float64Array;
  /** Mean over batch, units and steps of the local factor itself: 1 − h², f or z. */
  meanLocal: number;
}

export function createRawProfile(cell: CellType, T: number): RawProfile {
  return {
    dhNorm: new Float64Array(T),
    dcNorm: cell === "lstm" ? new Float64Array(T) : null,
    localGain: new Float64Array(T),
    meanLocal: NaN,
  };
}

/** Overwrites `out` from the last backward pass of `net` (layer 0; one-layer networks here). */
export function readRawProfile(net: Network, out: RawProfile): void {
  const ws = net.workspace;
  if (!ws || !ws.hasGrads) throw new EngineError("state", "readRawProfile needs a backward pass first.");
  const heap = net.kernels.heap;
  const cell = net.config.cell;
  const H = net.config.hiddenSize;
  const { T, B } = ws;
  const BH = B * H;
  const L = ws.layers[0];
  const G = cell === "lstm" ? 4 : cell === "gru" ? 3 : 1;
  let localSum = 0;
  for (let t = 0; t < T; t++) {
    let dh2 = 0;
    let dc2 = 0;
    let kept2 = 0;
    const dH = L.dH + t * BH;
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < H; j++) {
        const i = b * H + j;
        const dh = heap[dH + i];
        dh2 += dh * dh;
        if (cell === "rnn") {
          const h = heap[L.h + (t + 1) * BH + i]; // slot t + 1 holds h_t
          const d = 1 - h * h;
          localSum += d;
          kept2 += dh * d * (dh * d);
        } else if (cell === "lstm") {
          const f = heap[L.gates + (t * B + b) * G * H + H + j];
          const dc = heap[L.dC + t * BH + i];
          dc2 += dc * dc;
          localSum += f;
          kept2 += dc * f * (dc * f);
        } else {
          const z = heap[L.gates + (t * B + b) * G * H + H + j];
          localSum += z;
          kept2 += dh * z * (dh * z);
        }
      }
    }
    out.dhNorm[t] = Math.sqrt(dh2);
    if (out.dcNorm) out.dcNorm[t] = Math.sqrt(dc2);
    const through = cell === "lstm" ? dc2 : dh2;
    // A zero gradient has no direction to shrink: call its gain 0 rather than 0/0.
    out.localGain[t] = through > 0 ? Math.sqrt(kept2 / through) : 0;
  }
  out.meanLocal = localSum / (T * BH);
}
