// src/lessons/tinyNet.ts: the lessons' tiny example network (D = 1, O = 1, H = 2–4) and every number a step view shows.
//
// Every value here is read from the engine (readTrace, parameter views, the workspace of the last pass), never
// recomputed: the lessons show what the engine computed.
import { createNetwork, gateNames, readTrace, type Batch, type CellType, type Network, type OutputMode } from "../engine";

export interface TinyNetSpec {
  cell: CellType;
  /** H, 1…4 (the equations write every number out). */
  hidden: number;
  /** T, 1…8. */
  steps: number;
  /** Seed of PyTorch's default initialisation; the weights are then rounded to one decimal, for hand arithmetic. */
  seed: number;
  /** "all": a prediction at every step (many-to-many); "last": one at the end (many-to-one). */
  outputs: OutputMode;
}

export const MAX_TINY_HIDDEN = 4;
export const MAX_TINY_STEPS = 8;

/** sin(0.7 t + 0.2) for t = 0…8, rounded to one decimal: x_1 … x_9. The target at step t is the next sample, x_{t+1}. */
export const WAVE = [0.2, 0.8, 1, 0.7, 0.1, -0.5, -1, -0.9, -0.5] as const;

function clampInt(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.round(v)));
}

export function normalizeSpec(spec: Partial<TinyNetSpec> & { cell: CellType }): TinyNetSpec {
  return {
    cell: spec.cell,
    hidden: clampInt(spec.hidden ?? 2, 1, MAX_TINY_HIDDEN),
    steps: clampInt(spec.steps ?? 4, 1, MAX_TINY_STEPS),
    seed: Math.round(spec.seed ?? 1),
    outputs: spec.outputs ?? "all",
  };
}

/** The batch (B = 1): x_t = WAVE[t−1] and the next sample as target, at every step or only after the last. */
export function tinyBatch(spec: TinyNetSpec): Batch {
  const T = spec.steps;
  const inputs = Float64Array.from(WAVE.slice(0, T));
  const targets = spec.outputs === "all" ? Float64Array.from(WAVE.slice(1, T + 1)) : Float64Array.of(WAVE[T]);
  return { T, B: 1, inputs, targets };
}

export function buildTinyNet(spec: TinyNetSpec): Network {
  const net = createNetwork(
    { cell: spec.cell, inputSize: 1, hiddenSize: spec.hidden, numLayers: 1, outputSize: 1, loss: "mse", outputMode: spec.outputs },
    { seed: spec.seed, kernels: "ts" },
  );
  const theta = net.params;
  for (let i = 0; i < theta.length; i++) theta[i] = Math.round(theta[i] * 10) / 10;
  return net;
}

export interface ParamValue {
  name: string;
  rows: number;
  cols: number;
  value: Float64Array;
  grad: Float64Array;
}

/** Everything a step view shows, per step row-major ([T][H] etc.), copied out of the engine after one pass. */
export interface StepData {
  cell: CellType;
  T: number;
  H: number;
  outputs: OutputMode;
  x: Float64Array; // [T]
  /** Targets [T] ("all") or [1] ("last"). */
  target: Float64Array;
  h: Float64Array; // [T][H]
  /** LSTM cell state [T][H]. */
  c: Float64Array | null;
  /** Post-activation gates by name, [T][H] each. */
  gates: Record<string, Float64Array>;
  /** tanh RNN pre-activation a_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh [T][H]. */
  pre: Float64Array | null;
  /** GRU: W_hn h_{t−1} + b_hn, the term r scales [T][H]. */
  hn: Float64Array | null;
  /** Head outputs [T] or [1]. */
  y: Float64Array;
  /** ∂L/∂y, same shape as y. */
  dy: Float64Array;
  /** Total ∂L/∂h_t [T][H]. */
  dh: Float64Array;
  /** Total ∂L/∂c_t [T][H] (LSTM). */
  dc: Float64Array | null;
  /** ∂L/∂(pre-activations) as W_ih sees them [T][G·H] (RNN: ∂L/∂a_t). */
  dPre: Float64Array;
  /** GRU: the same as W_hh sees it (the n block scaled by r) [T][3H]; null for the other cells. */
  dPreH: Float64Array | null;
  loss: number;
  params: Record<string, ParamValue>;
}

/** Forward and backward on the tiny batch, then copies out what the step view needs. */
export function runTinyNet(net: Network, spec: TinyNetSpec): StepData {
  const batch = tinyBatch(spec);
  const loss = net.forwardBackward(batch);
  const trace = readTrace(net, { example: 0 });
  const ws = net.requireWorkspace();
  const heap = net.kernels.heap;
  const layer = ws.layers[0];
  const H = spec.hidden;
  const T = spec.steps;
  const G = spec.cell === "rnn" ? 1 : gateNames(spec.cell).length;
  const gates: Record<string, Float64Array> = {};
  for (const [name, perLayer] of Object.entries(trace.gates)) gates[name] = perLayer[0];
  const params: Record<string, ParamValue> = {};
  for (const s of net.layout.specs) {
    params[s.name] = {
      name: s.name,
      rows: s.shape[0],
      cols: s.shape.length > 1 ? s.shape[1] : 1,
      value: net.param(s.name).slice(),
      grad: net.grad(s.name).slice(),
    };
  }
  const rows = spec.outputs === "all" ? T : 1;
  return {
    cell: spec.cell,
    T,
    H,
    outputs: spec.outputs,
    x: batch.inputs!.slice(),
    target: batch.targets!.slice(),
    h: trace.h[0],
    c: trace.c ? trace.c[0] : null,
    gates,
    // The tanh RNN's gates buffer holds the pre-activation after the forward pass (see workspace.ts).
    pre: spec.cell === "rnn" ? heap.slice(layer.gates, layer.gates + T * H) : null,
    hn: spec.cell === "gru" ? heap.slice(layer.hn, layer.hn + T * H) : null,
    y: trace.outputs,
    dy: heap.slice(ws.dy, ws.dy + rows),
    dh: trace.dh![0],
    dc: trace.dc ? trace.dc[0] : null,
    dPre: heap.slice(layer.dPre, layer.dPre + T * G * H),
    dPreH: spec.cell === "gru" ? heap.slice(layer.dPreH, layer.dPreH + T * G * H) : null,
    loss,
    params,
  };
}

/** Row t (0-based) of a [T][n] array. */
export function rowOf(a: Float64Array, t: number, n: number): Float64Array {
  return a.subarray(t * n, (t + 1) * n);
}

/** Rows [g·H, (g+1)·H) of a PyTorch fused parameter: gate g's block ([H][cols]). */
export function gateBlock(p: ParamValue, g: number, H: number): Float64Array {
  return p.value.subarray(g * H * p.cols, (g + 1) * H * p.cols);
}

/**
 * A copy of the step data with the listed entries replaced by NaN, which the lessons print as "?" (the tiny
 * networks never compute NaN: their weights are bounded and their cells saturate). `hidden` is useHiddenFor()'s
 * "quantity:t:unit" list. Hiding h also hides the RNN's pre-activation a_t, from which h_t = tanh(a_t) follows.
 */
export function maskStepData(data: StepData, hidden: string): StepData {
  if (hidden === "") return data;
  const out: StepData = { ...data, gates: { ...data.gates } };
  const H = data.H;
  const blank = (a: Float64Array | null, index: number): Float64Array | null => {
    if (!a) return a;
    const copy = a.slice();
    copy[index] = NaN;
    return copy;
  };
  for (const item of hidden.split(",")) {
    const [quantity, tText, unitText] = item.split(":");
    const k = Number(tText) - 1;
    const at = k * H + Number(unitText) - 1;
    if (quantity === "h") {
      out.h = blank(out.h, at)!;
      out.pre = blank(out.pre, at);
    } else if (quantity === "c") out.c = blank(out.c, at);
    else if (quantity === "n") out.gates.n = blank(out.gates.n, at)!;
    else if (quantity === "y") out.y = blank(out.y, data.outputs === "all" ? k : 0)!;
    else if (quantity === "dh") out.dh = blank(out.dh, at)!;
    else if (quantity === "dc") out.dc = blank(out.dc, at);
    else if (quantity === "da") out.dPre = blank(out.dPre, at)!;
  }
  return out;
}
