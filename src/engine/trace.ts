// src/engine/trace.ts: what happened inside the last forward/backward pass, copied out on demand.
//
// Taking no trace costs nothing: every value lives in the workspace anyway. readTrace copies it out.
import { gateNames } from "./config";
import { EngineError } from "./errors";
import type { Network } from "./network";

/** Per-step values of one direction of every layer (0 at padded steps). */
export interface DirectionTrace {
  /** h_t per layer, [T][B][H] each (stored at the time index t of the input the step read, also for the reverse direction). */
  readonly h: Float64Array[];
  readonly c: Float64Array[] | null;
  readonly gates: Record<string, Float64Array[]>;
  readonly dh: Float64Array[] | null;
  readonly dc: Float64Array[] | null;
  readonly dhNorm: Float64Array[] | null;
  readonly dcNorm: Float64Array[] | null;
}

export interface Trace {
  readonly T: number;
  /** Number of sequences included: the whole batch, or 1 when `example` was given. */
  readonly B: number;
  readonly H: number;
  /** h_t per layer, [T][B][H] each. */
  readonly h: Float64Array[];
  /** c_t per layer (LSTM), [T][B][H] each. */
  readonly c: Float64Array[] | null;
  /** Post-activation gates by name (LSTM i f g o, GRU r z n), per layer, [T][B][H] each. */
  readonly gates: Record<string, Float64Array[]>;
  /** Total ∂L/∂h_t per layer [T][B][H] (after a backward pass; null before). */
  readonly dh: Float64Array[] | null;
  /** Total ∂L/∂c_t per layer [T][B][H] (LSTM, after a backward pass). */
  readonly dc: Float64Array[] | null;
  /** ‖∂L/∂h_t‖₂ per layer and step [T], over the included sequences and units. */
  readonly dhNorm: Float64Array[] | null;
  readonly dcNorm: Float64Array[] | null;
  /** Loss per step [T] (mean over the batch); NaN where no loss was computed. */
  readonly stepLoss: Float64Array;
  /** ‖∂L/∂p‖₂ per parameter tensor, by state_dict name (after a backward pass). */
  readonly gradNorms: Record<string, number> | null;
  /** Head outputs [T][B][O] ("all") or [B][O] ("last"). */
  readonly outputs: Float64Array;
  /** Number of directions (2 when bidirectional). The fields h … dcNorm above are the forward direction's. */
  readonly directions: number;
  /** The reverse direction's values (bidirectional networks), else null. */
  readonly reverse: DirectionTrace | null;
  /** Valid steps of each included sequence [B]; per-step values at t ≥ lengths[b] are 0. */
  readonly lengths: Int32Array;
}

export interface TraceOptions {
  /** Keep only sequence b of the batch (what a chart of "the current example" needs). */
  example?: number;
}

export function readTrace(net: Network, options: TraceOptions = {}): Trace {
  const ws = net.requireWorkspace();
  const c = net.config;
  const heap = net.kernels.heap;
  const { T, B } = ws;
  const H = c.hiddenSize;
  const O = c.outputSize;
  const ex = options.example;
  if (ex !== undefined && !(Number.isInteger(ex) && ex >= 0 && ex < B)) {
    throw new EngineError("value", `example must be a sequence index from 0 to ${B - 1}, but is ${ex}.`);
  }
  const bs = ex === undefined ? B : 1;
  const b0 = ex ?? 0;
  const lengths = ws.lengths.slice(b0, b0 + bs);
  /** Copies [T][bs][width] rows out of a [slots][B][rowStride] buffer, taking columns [col, col+width); 0 at padded steps. */
  const copy = (base: number, slot0: number, rowStride: number, col: number, width: number): Float64Array => {
    const out = new Float64Array(T * bs * width);
    for (let t = 0; t < T; t++) {
      for (let b = 0; b < bs; b++) {
        if (t >= lengths[b]) continue;
        const src = base + ((slot0 + t) * B + b0 + b) * rowStride + col;
        out.set(heap.subarray(src, src + width), (t * bs + b) * width);
      }
    }
    return out;
  };
  const norms = (a: Float64Array): Float64Array => {
    const out = new Float64Array(T);
    const n = bs * H;
    for (let t = 0; t < T; t++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += a[t * n + i] * a[t * n + i];
      out[t] = Math.sqrt(s);
    }
    return out;
  };
  const names = gateNames(c.cell);
  const G = c.cell === "rnn" ? 1 : names.length;
  const direction = (d: number): DirectionTrace => {
    const bufs = ws.dirs.map((dirs) => dirs[d]);
    const hSlot0 = d === 0 ? 1 : 0; // where h_0 sits (see cells/common.ts)
    const gates: Record<string, Float64Array[]> = {};
    names.forEach((name, g) => {
      gates[name] = bufs.map((L) => copy(L.gates, 0, G * H, g * H, H));
    });
    const dh = ws.hasGrads ? bufs.map((L) => copy(L.dH, 0, H, 0, H)) : null;
    const dc = ws.hasGrads && c.cell === "lstm" ? bufs.map((L) => copy(L.dC, 0, H, 0, H)) : null;
    return {
      h: bufs.map((L) => copy(L.h, hSlot0, H, 0, H)),
      c: c.cell === "lstm" ? bufs.map((L) => copy(L.c, hSlot0, H, 0, H)) : null,
      gates,
      dh,
      dc,
      dhNorm: dh ? dh.map(norms) : null,
      dcNorm: dc ? dc.map(norms) : null,
    };
  };
  const fwd = direction(0);
  const reverse = ws.dirs[0].length > 1 ? direction(1) : null;
  let gradNorms: Record<string, number> | null = null;
  if (ws.hasGrads) {
    gradNorms = {};
    for (const s of net.layout.specs) {
      const g = net.grad(s.name);
      let sum = 0;
      for (let i = 0; i < g.length; i++) sum += g[i] * g[i];
      gradNorms[s.name] = Math.sqrt(sum);
    }
  }
  const all = net.outputs();
  let outputs = all;
  if (ex !== undefined) {
    const rowsPerStep = c.outputMode === "all" ? T : 1;
    outputs = new Float64Array(rowsPerStep * O);
    for (let t = 0; t < rowsPerStep; t++) outputs.set(all.subarray((t * B + ex) * O, (t * B + ex + 1) * O), t * O);
  }
  return {
    T,
    B: bs,
    H,
    ...fwd,
    stepLoss: ws.stepLoss.slice(),
    gradNorms,
    outputs,
    directions: ws.dirs[0].length,
    reverse,
    lengths,
  };
}
