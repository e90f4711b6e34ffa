// src/engine/conformance.ts: runs a PyTorch conformance fixture (docs/conformance.md) through the engine.
//
// parseFixture keeps `expected` apart: runFixture never reads it, so results are the engine's own.
import type { Batch } from "./batch";
import { gateNames, short, type CellType, type LossType, type Nonlinearity, type OutputMode } from "./config";
import { makeLayout } from "./layout";
import { EngineError } from "./errors";
import type { KernelChoice } from "./kernels";
import { flatten, nest, sameShape } from "./nested";
import { createNetwork } from "./network";
import { readTrace } from "./trace";
import { clipGradNorm } from "./optim";
import { createOptimizer } from "./train";

export interface Fixture {
  name: string;
  kind: "forward-backward" | "train";
  /** 1 (no formatVersion key) or 2. */
  formatVersion: 1 | 2;
  cell: CellType;
  nonlinearity: Nonlinearity;
  bidirectional: boolean;
  inputKind: "dense" | "tokens";
  /** V for token inputs, else 0. */
  vocabSize: number;
  output: OutputMode;
  D: number;
  H: number;
  L: number;
  O: number;
  T: number;
  B: number;
  loss: LossType;
  params: Record<string, Float64Array>;
  /** [L][N][B][H] (N = 2 when bidirectional). */
  h0: Float64Array;
  c0: Float64Array | null;
  /** Dense inputs [T][B][D], or null for tokens. */
  inputs: Float64Array | null;
  /** Token ids [T][B], or null for dense inputs. */
  inputIds: Int32Array | null;
  lengths: Int32Array | null;
  targets: Float64Array | null;
  targetIndices: Int32Array | null;
  train: { steps: number; lr: number; maxNorm: number } | null;
  /**
   * Truncated BPTT (train fixtures, docs/engine-v2.md): consecutive windows of these lengths (summing to T), each
   * starting from the previous window's final state ("carry"), one clipped Adam step per window; null otherwise.
   */
  windows: number[] | null;
  /** The reference results, for comparison only. */
  expected: Record<string, unknown> | null;
}

type Json = Record<string, unknown>;

function int(raw: Json, key: string, file: string): number {
  const v = raw[key];
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) throw new EngineError("shape", `${file}: "${key}" must be a positive whole number, but is ${short(v)}.`);
  return v;
}

function tensor(value: unknown, what: string, shape: number[]): Float64Array {
  const { data, shape: got } = flatten(value, what);
  if (!sameShape(got, shape)) throw new EngineError("shape", `${what} has shape [${got.join("][")}], but [${shape.join("][")}] was expected.`);
  return data;
}

function ints(value: unknown, what: string, shape: number[]): Int32Array {
  const data = tensor(value, what, shape);
  for (let i = 0; i < data.length; i++) {
    if (!Number.isInteger(data[i]) || Math.abs(data[i]) > 2 ** 31 - 1) throw new EngineError("value", `${what}[${i}] must be a whole number, but is ${data[i]}.`);
  }
  return Int32Array.from(data);
}

function oneOf<T extends string>(raw: Json, key: string, allowed: readonly T[], fallback: T | undefined, file: string): T {
  const v = raw[key] ?? fallback;
  if (typeof v !== "string" || !(allowed as readonly string[]).includes(v)) {
    throw new EngineError("shape", `${file}: "${key}" must be ${allowed.map((a) => `"${a}"`).join(" or ")}, but is ${short(raw[key])}.`);
  }
  return v as T;
}

/** Reads a version 1 or 2 fixture of kind "forward-backward" or "train" (docs/conformance.md). */
export function parseFixture(raw: unknown, file: string): Fixture {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new EngineError("shape", `${file}: a fixture must be a JSON object.`);
  const r = raw as Json;
  const name = typeof r.name === "string" ? r.name : file.replace(/\.json$/, "");
  const fv = r.formatVersion ?? 1;
  if (fv !== 1 && fv !== 2) throw new EngineError("shape", `${file}: "formatVersion" must be 1 or 2, but is ${short(fv)}.`);
  const v2 = fv === 2;
  const kind = r.kind;
  if (kind !== "forward-backward" && kind !== "train") throw new EngineError("shape", `${file}: "kind" must be "forward-backward" or "train"${v2 ? ' ("seq2seq" fixtures run through runAnyFixture)' : ""}.`);
  const cell = oneOf<CellType>(r, "cell", ["rnn", "lstm", "gru"], undefined, file);
  const loss = oneOf<LossType>(r, "loss", v2 ? ["mse", "xent", "bce"] : ["mse", "xent"], undefined, file);
  const nonlinearity = v2 ? oneOf<Nonlinearity>(r, "nonlinearity", ["tanh", "relu"], "tanh", file) : "tanh";
  const bidirectional = v2 && r.bidirectional === true;
  if (v2 && r.bidirectional !== undefined && typeof r.bidirectional !== "boolean") throw new EngineError("shape", `${file}: "bidirectional" must be true or false.`);
  const inputKind = v2 ? oneOf<"dense" | "tokens">(r, "inputKind", ["dense", "tokens"], "dense", file) : "dense";
  const output = v2 ? oneOf<OutputMode>(r, "output", ["all", "last"], "all", file) : "all";
  const D = int(r, "inputSize", file), H = int(r, "hiddenSize", file), L = int(r, "numLayers", file);
  const O = int(r, "outputSize", file), T = int(r, "steps", file), B = int(r, "batch", file);
  const V = inputKind === "tokens" ? int(r, "vocabSize", file) : 0;
  const rawParams = r.params as Json | undefined;
  if (typeof rawParams !== "object" || rawParams === null) throw new EngineError("shape", `${file}: "params" is missing.`);
  const layout = makeLayout({ cell, inputSize: D, hiddenSize: H, numLayers: L, outputSize: O, bidirectional, inputKind, vocabSize: V });
  const params: Record<string, Float64Array> = {};
  for (const spec of layout.specs) params[spec.name] = tensor(rawParams[spec.name], `${file}: ${spec.name}`, [...spec.shape]);
  const stateShape = bidirectional ? [L, 2, B, H] : [L, B, H];
  const h0 = tensor(r.h0, `${file}: h0`, stateShape);
  const c0 = cell === "lstm" ? tensor(r.c0, `${file}: c0`, stateShape) : null;
  const inputs = inputKind === "dense" ? tensor(r.inputs, `${file}: inputs`, [T, B, D]) : null;
  const inputIds = inputKind === "tokens" ? ints(r.inputs, `${file}: inputs`, [T, B]) : null;
  const lengths = v2 && r.lengths !== undefined ? ints(r.lengths, `${file}: lengths`, [B]) : null;
  const rowShape = output === "all" ? [T, B] : [B];
  let targets: Float64Array | null = null;
  let targetIndices: Int32Array | null = null;
  if (loss === "xent") targetIndices = ints(r.targets, `${file}: targets`, rowShape);
  else targets = tensor(r.targets, `${file}: targets`, [...rowShape, O]);
  let train: Fixture["train"] = null;
  if (kind === "train") {
    const t = r.train as Json | undefined;
    if (!t || typeof t.steps !== "number" || typeof t.lr !== "number" || typeof t.maxNorm !== "number") {
      throw new EngineError("shape", `${file}: a train fixture needs "train": {"steps", "lr", "maxNorm"}.`);
    }
    train = { steps: t.steps, lr: t.lr, maxNorm: t.maxNorm };
  }
  let windows: number[] | null = null;
  if (r.windows !== undefined) {
    const w = r.windows;
    if (!train || !Array.isArray(w) || w.length === 0 || !w.every((n) => Number.isInteger(n) && (n as number) >= 1) || (w as number[]).reduce((a, b) => a + b, 0) !== T || lengths || output !== "all") {
      throw new EngineError("shape", `${file}: "windows" must be window lengths summing to steps = ${T}, in a train fixture without lengths and with output "all".`);
    }
    windows = w as number[];
  }
  const expected = typeof r.expected === "object" && r.expected !== null ? (r.expected as Json) : null;
  return {
    name, kind, formatVersion: fv, cell, nonlinearity, bidirectional, inputKind, vocabSize: V, output,
    D, H, L, O, T, B, loss, params, h0, c0, inputs, inputIds, lengths, targets, targetIndices, train, windows, expected,
  };
}

export type FixtureResult = Record<string, unknown>;

/** The engine's results for a fixture, in the keys and shapes of docs/conformance.md's `expected`. */
export function runFixture(fx: Fixture, kernels: KernelChoice = "auto"): FixtureResult {
  const { T, B, H, L, O, D } = fx;
  const N = fx.bidirectional ? 2 : 1;
  const net = createNetwork(
    {
      cell: fx.cell, inputSize: D, hiddenSize: H, numLayers: L, outputSize: O, loss: fx.loss, outputMode: fx.output,
      inputKind: fx.inputKind, vocabSize: fx.vocabSize, nonlinearity: fx.nonlinearity, bidirectional: fx.bidirectional,
    },
    { kernels },
  );
  for (const s of net.layout.specs) net.param(s.name).set(fx.params[s.name]);
  const batch: Batch = {
    T,
    B,
    ...(fx.inputs ? { inputs: fx.inputs } : {}),
    ...(fx.inputIds ? { inputIndices: fx.inputIds } : {}),
    ...(fx.lengths ? { lengths: fx.lengths } : {}),
    ...(fx.targets ? { targets: fx.targets } : {}),
    ...(fx.targetIndices ? { targetIndices: fx.targetIndices } : {}),
  };
  const initialState = { h0: fx.h0, ...(fx.c0 ? { c0: fx.c0 } : {}) };
  const dense = fx.inputKind === "dense";
  const loss = net.forwardBackward(batch, { initialState, inputGrads: dense });
  const trace = readTrace(net);
  // [L][T][B][H], or [L][2][T][B][H] when bidirectional.
  const perLayer = (fwd: Float64Array[], rev: Float64Array[] | undefined): unknown =>
    fwd.map((a, l) => (rev ? [nest(a, [T, B, H]), nest(rev[l], [T, B, H])] : nest(a, [T, B, H])));
  const rev = trace.reverse;
  const out: FixtureResult = {
    outputs: nest(net.outputs(), fx.output === "all" ? [T, B, O] : [B, O]),
    loss,
    h: perLayer(trace.h, rev?.h),
  };
  if (trace.c) out.c = perLayer(trace.c, rev?.c ?? undefined);
  const names = gateNames(fx.cell);
  if (names.length > 0) out.gates = Object.fromEntries(names.map((g) => [g, perLayer(trace.gates[g], rev?.gates[g])]));
  out.grads = Object.fromEntries(net.layout.specs.map((s) => [s.name, nest(net.grad(s.name), s.shape)]));
  // dh [T][B][N·H]: the top layer's total ∂L/∂h per direction, forward half first.
  const dhTop = new Float64Array(T * B * N * H);
  const halves = rev ? [trace.dh![L - 1], rev.dh![L - 1]] : [trace.dh![L - 1]];
  halves.forEach((a, d) => {
    for (let r = 0; r < T * B; r++) dhTop.set(a.subarray(r * H, (r + 1) * H), r * N * H + d * H);
  });
  out.dh = nest(dhTop, [T, B, N * H]);
  if (dense) out.dinputs = nest(net.inputGrads(), [T, B, D]);
  if (fx.train && fx.windows) {
    // Truncated BPTT: every window after the first starts from the state the previous one ended in.
    const opt = createOptimizer(net, { kind: "adam", lr: fx.train.lr });
    const losses: number[] = [];
    let start = 0;
    fx.windows.forEach((w, i) => {
      const f = (a: Float64Array, width: number): Float64Array => a.subarray(start * B * width, (start + w) * B * width);
      const n = (a: Int32Array): Int32Array => a.subarray(start * B, (start + w) * B);
      const win: Batch = {
        T: w,
        B,
        ...(fx.inputs ? { inputs: f(fx.inputs, D) } : {}),
        ...(fx.inputIds ? { inputIndices: n(fx.inputIds) } : {}),
        ...(fx.targets ? { targets: f(fx.targets, O) } : {}),
        ...(fx.targetIndices ? { targetIndices: n(fx.targetIndices) } : {}),
      };
      losses.push(net.forwardBackward(win, { initialState: i === 0 ? initialState : "carry" }));
      clipGradNorm(net.grads, fx.train!.maxNorm);
      opt.step(net.params, net.grads);
      start += w;
    });
    out.losses = losses;
    out.finalParams = Object.fromEntries(net.layout.specs.map((s) => [s.name, nest(net.param(s.name), s.shape)]));
    out.finalState = nest(net.finalState().h, fx.bidirectional ? [L, 2, B, H] : [L, B, H]);
  } else if (fx.train) {
    // PyTorch's loop verbatim (forward, backward, clip_grad_norm_, Adam.step), without trainStep's divergence
    // guard: an exploding fixture must produce what PyTorch produces, not a refusal.
    const opt = createOptimizer(net, { kind: "adam", lr: fx.train.lr });
    const losses: number[] = [];
    for (let s = 0; s < fx.train.steps; s++) {
      losses.push(net.forwardBackward(batch, { initialState }));
      clipGradNorm(net.grads, fx.train.maxNorm);
      opt.step(net.params, net.grads);
    }
    out.losses = losses;
    out.finalParams = Object.fromEntries(net.layout.specs.map((s) => [s.name, nest(net.param(s.name), s.shape)]));
  }
  return out;
}

/** ‖a − e‖₂ / ‖e‖₂ over two nested lists of the same shape (‖a − e‖₂ when e is all zeros). */
export function relativeError(actual: unknown, expected: unknown): number {
  const a = flatten(actual, "actual");
  const e = flatten(expected, "expected");
  if (!sameShape(a.shape, e.shape)) return Infinity;
  let diff = 0, norm = 0;
  for (let i = 0; i < e.data.length; i++) {
    const d = a.data[i] - e.data[i];
    diff += d * d;
    norm += e.data[i] * e.data[i];
  }
  return norm === 0 ? Math.sqrt(diff) : Math.sqrt(diff / norm);
}

/** Relative error of every array the fixture's `expected` holds, keyed like "grads.rnn.weight_hh_l0". */
export function compareFixture(result: FixtureResult, expected: Record<string, unknown>): Record<string, number> {
  const errors: Record<string, number> = {};
  for (const [key, want] of Object.entries(expected)) {
    const got = result[key];
    if (got === undefined) {
      errors[key] = Infinity;
      continue;
    }
    if (key === "gates" || key === "grads" || key === "finalParams") {
      for (const [sub, w] of Object.entries(want as Record<string, unknown>)) {
        const g = (got as Record<string, unknown>)[sub];
        errors[`${key}.${sub}`] = g === undefined ? Infinity : relativeError(g, w);
      }
    } else {
      errors[key] = relativeError(got, want);
    }
  }
  return errors;
}
