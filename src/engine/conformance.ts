// src/engine/conformance.ts: runs a PyTorch conformance fixture (docs/conformance.md) through the engine.
//
// parseFixture keeps `expected` apart: runFixture never reads it, so results are the engine's own.
import type { Batch } from "./batch";
import { gateNames, type CellType, type LossType } from "./config";
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
  cell: CellType;
  D: number;
  H: number;
  L: number;
  O: number;
  T: number;
  B: number;
  loss: LossType;
  params: Record<string, Float64Array>;
  h0: Float64Array;
  c0: Float64Array | null;
  inputs: Float64Array;
  targets: Float64Array | null;
  targetIndices: Int32Array | null;
  train: { steps: number; lr: number; maxNorm: number } | null;
  /** The reference results, for comparison only. */
  expected: Record<string, unknown> | null;
}

type Json = Record<string, unknown>;

function int(raw: Json, key: string, file: string): number {
  const v = raw[key];
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) throw new EngineError("shape", `${file}: "${key}" must be a positive whole number, but is ${JSON.stringify(v)}.`);
  return v;
}

function tensor(value: unknown, what: string, shape: number[]): Float64Array {
  const { data, shape: got } = flatten(value, what);
  if (!sameShape(got, shape)) throw new EngineError("shape", `${what} has shape [${got.join("][")}], but [${shape.join("][")}] was expected.`);
  return data;
}

export function parseFixture(raw: unknown, file: string): Fixture {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new EngineError("shape", `${file}: a fixture must be a JSON object.`);
  const r = raw as Json;
  const name = typeof r.name === "string" ? r.name : file.replace(/\.json$/, "");
  const kind = r.kind;
  if (kind !== "forward-backward" && kind !== "train") throw new EngineError("shape", `${file}: "kind" must be "forward-backward" or "train".`);
  const cell = r.cell;
  if (cell !== "rnn" && cell !== "lstm" && cell !== "gru") throw new EngineError("shape", `${file}: "cell" must be rnn, lstm or gru.`);
  const loss = r.loss;
  if (loss !== "mse" && loss !== "xent") throw new EngineError("shape", `${file}: "loss" must be mse or xent.`);
  const D = int(r, "inputSize", file), H = int(r, "hiddenSize", file), L = int(r, "numLayers", file);
  const O = int(r, "outputSize", file), T = int(r, "steps", file), B = int(r, "batch", file);
  const G = cell === "rnn" ? 1 : cell === "lstm" ? 4 : 3;
  const rawParams = r.params as Json | undefined;
  if (typeof rawParams !== "object" || rawParams === null) throw new EngineError("shape", `${file}: "params" is missing.`);
  const params: Record<string, Float64Array> = {};
  for (let k = 0; k < L; k++) {
    const Dk = k === 0 ? D : H;
    params[`rnn.weight_ih_l${k}`] = tensor(rawParams[`rnn.weight_ih_l${k}`], `${file}: rnn.weight_ih_l${k}`, [G * H, Dk]);
    params[`rnn.weight_hh_l${k}`] = tensor(rawParams[`rnn.weight_hh_l${k}`], `${file}: rnn.weight_hh_l${k}`, [G * H, H]);
    params[`rnn.bias_ih_l${k}`] = tensor(rawParams[`rnn.bias_ih_l${k}`], `${file}: rnn.bias_ih_l${k}`, [G * H]);
    params[`rnn.bias_hh_l${k}`] = tensor(rawParams[`rnn.bias_hh_l${k}`], `${file}: rnn.bias_hh_l${k}`, [G * H]);
  }
  params["head.weight"] = tensor(rawParams["head.weight"], `${file}: head.weight`, [O, H]);
  params["head.bias"] = tensor(rawParams["head.bias"], `${file}: head.bias`, [O]);
  const h0 = tensor(r.h0, `${file}: h0`, [L, B, H]);
  const c0 = cell === "lstm" ? tensor(r.c0, `${file}: c0`, [L, B, H]) : null;
  const inputs = tensor(r.inputs, `${file}: inputs`, [T, B, D]);
  let targets: Float64Array | null = null;
  let targetIndices: Int32Array | null = null;
  if (loss === "mse") targets = tensor(r.targets, `${file}: targets`, [T, B, O]);
  else targetIndices = Int32Array.from(tensor(r.targets, `${file}: targets`, [T, B]));
  let train: Fixture["train"] = null;
  if (kind === "train") {
    const t = r.train as Json | undefined;
    if (!t || typeof t.steps !== "number" || typeof t.lr !== "number" || typeof t.maxNorm !== "number") {
      throw new EngineError("shape", `${file}: a train fixture needs "train": {"steps", "lr", "maxNorm"}.`);
    }
    train = { steps: t.steps, lr: t.lr, maxNorm: t.maxNorm };
  }
  const expected = typeof r.expected === "object" && r.expected !== null ? (r.expected as Json) : null;
  return { name, kind, cell, D, H, L, O, T, B, loss, params, h0, c0, inputs, targets, targetIndices, train, expected };
}

export type FixtureResult = Record<string, unknown>;

/** The engine's results for a fixture, in the keys and shapes of FORMAT.md's `expected`. */
export function runFixture(fx: Fixture, kernels: KernelChoice = "auto"): FixtureResult {
  const { T, B, H, L, O, D } = fx;
  const net = createNetwork({ cell: fx.cell, inputSize: D, hiddenSize: H, numLayers: L, outputSize: O, loss: fx.loss }, { kernels });
  for (const s of net.layout.specs) net.param(s.name).set(fx.params[s.name]);
  const batch: Batch = {
    T,
    B,
    inputs: fx.inputs,
    ...(fx.targets ? { targets: fx.targets } : {}),
    ...(fx.targetIndices ? { targetIndices: fx.targetIndices } : {}),
  };
  const initialState = { h0: fx.h0, ...(fx.c0 ? { c0: fx.c0 } : {}) };
  const loss = net.forwardBackward(batch, { initialState, inputGrads: true });
  const trace = readTrace(net);
  const perLayer = (arrs: Float64Array[]): unknown => arrs.map((a) => nest(a, [T, B, H]));
  const out: FixtureResult = {
    outputs: nest(net.outputs(), [T, B, O]),
    loss,
    h: perLayer(trace.h),
  };
  if (trace.c) out.c = perLayer(trace.c);
  const names = gateNames(fx.cell);
  if (names.length > 0) out.gates = Object.fromEntries(names.map((g) => [g, perLayer(trace.gates[g])]));
  out.grads = Object.fromEntries(net.layout.specs.map((s) => [s.name, nest(net.grad(s.name), s.shape)]));
  out.dh = nest(trace.dh![L - 1], [T, B, H]);
  out.dinputs = nest(net.inputGrads(), [T, B, D]);
  if (fx.train) {
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
