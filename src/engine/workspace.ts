// src/engine/workspace.ts: every activation and gradient buffer for one batch shape (B, T), allocated once.
import { directionCount, gateCount, type ModelConfig } from "./config";

/** Arena offsets of one layer's buffers for a window of T steps and B sequences. -1 where the cell has none. */
export interface LayerBuffers {
  /** Post-activation gates [T][B][G·H] (LSTM i f g o, GRU r z n); for the tanh RNN the pre-activation scratch. */
  readonly gates: number;
  /**
   * h_t in slots 0…T [(T+1)][B][H]. Forward direction: slot 0 holds h_{−1} (the initial state), slot t+1 holds h_t.
   * Reverse direction: slot t holds h_t, slot T the initial state (see cells/common.ts).
   */
  readonly h: number;
  /** c_t, same slots as h (LSTM). */
  readonly c: number;
  /** tanh(c_t) [T][B][H] (LSTM), kept for the backward pass. */
  readonly tc: number;
  /** h_{t−1} W_hn^T + b_hn [T][B][H] (GRU), the term r scales. */
  readonly hn: number;
  /** h_{t−1} W_hh^T + b_hh for the current step [B][G·H] (GRU scratch). */
  readonly gh: number;
  /** ∂L/∂(pre-activation) as seen by W_ih and b_ih [T][B][G·H]. */
  readonly dPre: number;
  /** ∂L/∂(pre-activation) as seen by W_hh and b_hh [T][B][G·H]; differs from dPre only for the GRU's n block. */
  readonly dPreH: number;
  /** Total ∂L/∂h_t [T][B][H] once the backward pass is done (from above and from step t+1). */
  readonly dH: number;
  /** Total ∂L/∂c_t [T][B][H] (LSTM). */
  readonly dC: number;
  /** ∂L/∂c_t carried from step t+1 [B][H] (LSTM). */
  readonly dcNext: number;
}

export interface Workspace {
  readonly B: number;
  readonly T: number;
  /** Direction 0 (forward) of every layer. */
  readonly layers: readonly LayerBuffers[];
  /** Every layer's directions [layer][direction]. */
  readonly dirs: readonly (readonly LayerBuffers[])[];
  /**
   * Per layer: the layer's output as the next layer (or the head) reads it, [T][B][N·H] (both directions side by
   * side, dropout applied), or -1 where it is read straight from h (unidirectional without dropout).
   */
  readonly out: readonly number[];
  /** ∂L/∂out, same shape, or -1. */
  readonly dOut: readonly number[];
  /** Per layer: the dropout mask applied to its output [T][B][N·H] (0 or 1/(1−p)), or -1 (no dropout after it). */
  readonly mask: readonly number[];
  /** Bidirectional "last": the head's input [B][2H] = [forward final ; reverse final], and its gradient; else -1. */
  readonly last: number;
  readonly dLast: number;
  /** Valid steps per sequence of the current pass [B] (all T when the batch has no lengths). */
  readonly lengths: Int32Array;
  /** Whether the current pass has lengths (else `lengths` is all T and no masking runs). */
  hasLengths: boolean;
  /** Whether the current pass applied dropout masks. */
  dropoutOn: boolean;
  readonly x: number; // dense inputs, or the embedded tokens, [T][B][D]
  readonly dx: number; // ∂L/∂x [T][B][D]
  readonly y: number; // head outputs [rows][O], rows = T·B ("all") or B ("last")
  readonly dy: number; // ∂L/∂y, same shape
  readonly rows: number;
  /** Loss per step (mean over the batch and, for MSE, the outputs): [T]; NaN at steps without a head ("last"). */
  readonly stepLoss: Float64Array;
  /** True once a forward pass has filled slot T of h (and c), so the next window can start from it. */
  hasState: boolean;
  /** True once a backward pass has run on the current forward pass. */
  hasGrads: boolean;
}

/** Lays the workspace out after `start` in the arena; returns it and the arena size it needs. */
export function layoutWorkspace(c: ModelConfig, B: number, T: number, start: number): { ws: Workspace; end: number } {
  const G = gateCount(c.cell);
  const H = c.hiddenSize;
  let off = start;
  const take = (n: number): number => {
    off += n;
    return off - n;
  };
  const isLstm = c.cell === "lstm";
  const isGru = c.cell === "gru";
  const N = directionCount(c);
  const L = c.numLayers;
  const dirs: LayerBuffers[][] = [];
  const out: number[] = [];
  const dOut: number[] = [];
  const mask: number[] = [];
  const layerBuffers = (): LayerBuffers => ({
      gates: take(T * B * G * H),
      h: take((T + 1) * B * H),
      c: isLstm ? take((T + 1) * B * H) : -1,
      tc: isLstm ? take(T * B * H) : -1,
      hn: isGru ? take(T * B * H) : -1,
      gh: isGru ? take(B * G * H) : -1,
      dPre: take(T * B * G * H),
      dPreH: isGru ? take(T * B * G * H) : -1,
      dH: take(T * B * H),
      dC: isLstm ? take(T * B * H) : -1,
      dcNext: isLstm ? take(B * H) : -1,
    });
  for (let k = 0; k < L; k++) {
    const d: LayerBuffers[] = [];
    for (let n = 0; n < N; n++) d.push(layerBuffers());
    dirs.push(d);
    const dropped = c.dropout > 0 && k < L - 1;
    const wide = N === 2 || dropped;
    out.push(wide ? take(T * B * N * H) : -1);
    dOut.push(wide ? take(T * B * N * H) : -1);
    mask.push(dropped ? take(T * B * N * H) : -1);
  }
  const lastWide = N === 2 && c.outputMode === "last";
  const last = lastWide ? take(B * N * H) : -1;
  const dLast = lastWide ? take(B * N * H) : -1;
  const D = c.inputKind === "onehot" ? 0 : c.inputSize;
  const rows = c.outputMode === "all" ? T * B : B;
  const x = take(T * B * D);
  const dx = take(T * B * D);
  const y = take(rows * c.outputSize);
  const dy = take(rows * c.outputSize);
  const ws: Workspace = {
    B, T, layers: dirs.map((d) => d[0]), dirs, out, dOut, mask, last, dLast,
    lengths: new Int32Array(B).fill(T), hasLengths: false, dropoutOn: false,
    x, dx, y, dy, rows, stepLoss: new Float64Array(T), hasState: false, hasGrads: false,
  };
  return { ws, end: off };
}
