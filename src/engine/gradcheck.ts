// src/engine/gradcheck.ts: finite-difference check of BPTT gradients, small enough to run live in a lesson.
import type { Batch } from "./batch";
import { EngineError } from "./errors";
import type { InitialState, Network } from "./network";
import { createRng } from "./rng";

export interface GradCheckEntry {
  name: string; // parameter tensor
  index: number; // flat index inside it
  analytic: number; // from backpropagation through time
  numeric: number; // (L(θ+ε) − L(θ−ε)) / 2ε
  relError: number; // |a − n| / max(|a|, |n|, 1e-12)
}

export interface GradCheckResult {
  entries: GradCheckEntry[];
  maxRelError: number;
  /** Largest |a − n| over the entries, for gradients too small for a relative error to mean anything. */
  maxAbsError: number;
}

export interface GradCheckOptions {
  /** How many parameters to check, spread over every tensor (default 24; all when larger than the network). */
  samples?: number;
  /** Central-difference step (default 1e-5: truncation error ~ε², rounding ~1e-16/ε). */
  eps?: number;
  seed?: number;
  initialState?: InitialState;
}

/** Compares BPTT with central differences on sampled parameters. θ is left exactly as it was. */
export function gradCheck(net: Network, batch: Batch, o: GradCheckOptions = {}): GradCheckResult {
  const eps = o.eps ?? 1e-5;
  if (!(eps > 0 && eps < 1)) throw new EngineError("config", `eps must be in (0, 1), but is ${eps}.`);
  const samples = Math.min(o.samples ?? 24, net.numParams);
  if (!(Number.isInteger(samples) && samples >= 1)) throw new EngineError("config", `samples must be a positive whole number, but is ${String(o.samples)}.`);
  const initialState = o.initialState ?? "zeros";
  if (initialState === "carry") throw new EngineError("config", 'A gradient check needs a fixed initial state ("zeros" or given values), not "carry".');
  // Dropout (training mode) draws its masks once, in this pass; every pass below reuses them (a fixed-mask check).
  net.forwardBackward(batch, { initialState });
  const keepDropoutMasks = true;
  const analyticAll = net.grads.slice();
  const rng = createRng(o.seed ?? 1);
  // Every tensor gets its share, so a bug confined to one (say b_hn) cannot hide.
  const specs = net.layout.specs;
  const picks: { spec: (typeof specs)[number]; index: number }[] = [];
  for (let i = 0; i < samples; i++) {
    const spec = specs[i % specs.length];
    picks.push({ spec, index: rng.int(spec.size) });
  }
  const entries: GradCheckEntry[] = [];
  for (const { spec, index } of picks) {
    const at = spec.offset + index;
    const theta = net.params;
    const saved = theta[at];
    theta[at] = saved + eps;
    const up = net.forward(batch, { initialState, keepDropoutMasks });
    net.params[at] = saved - eps;
    const down = net.forward(batch, { initialState, keepDropoutMasks });
    net.params[at] = saved;
    const numeric = (up - down) / (2 * eps);
    const analytic = analyticAll[at];
    const relError = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), 1e-12);
    entries.push({ name: spec.name, index, analytic, numeric, relError });
  }
  // Leave the network as a caller expects after a gradient computation: θ unchanged, grads for θ.
  net.forwardBackward(batch, { initialState, keepDropoutMasks });
  return {
    entries,
    maxRelError: Math.max(...entries.map((e) => e.relError)),
    maxAbsError: Math.max(...entries.map((e) => Math.abs(e.analytic - e.numeric))),
  };
}
