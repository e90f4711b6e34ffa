// src/engine/train.ts: one optimiser step (forward, BPTT, clip, update) with divergence detection.
import type { Batch } from "./batch";
import { EngineError } from "./errors";
import type { InitialState, Network } from "./network";
import { clipGradNorm, gradNorm, Optimizer, type OptimizerSpec } from "./optim";

export interface StepOptions {
  /** Global-norm gradient clipping threshold; null or undefined for none. */
  clipMaxNorm?: number | null;
  /** "carry" for truncated BPTT over a stream (state carried from the previous window). */
  initialState?: InitialState;
}

export type Divergence = "nan" | "inf";

export interface StepResult {
  /** Loss before the update. */
  loss: number;
  /** ‖∂L/∂θ‖₂ before clipping. */
  gradNorm: number;
  clipped: boolean;
  /** Set when the loss, the gradients or the updated weights were not finite: no update was kept. */
  diverged: Divergence | null;
}

/** Last good θ per network, so an update that overflows can be undone without allocating per step. */
const backups = new WeakMap<Network, Float64Array>();

export function createOptimizer(net: Network, spec: OptimizerSpec): Optimizer {
  return new Optimizer(net.numParams, spec);
}

function classify(x: number): Divergence {
  return Number.isNaN(x) ? "nan" : "inf";
}

/**
 * Forward, backward, optional clipping, optimiser update. A non-finite loss or gradient skips the update; an
 * update that makes any weight non-finite is undone. Either way θ stays at its last good value and the result
 * says `diverged`: the caller reports it, never continues silently.
 */
export function trainStep(net: Network, opt: Optimizer, batch: Batch, o: StepOptions = {}): StepResult {
  if (net.numParams !== opt.numParams) {
    throw new EngineError("shape", `This optimizer was made for ${opt.numParams} parameters, but the network has ${net.numParams}.`);
  }
  const loss = net.forwardBackward(batch, { initialState: o.initialState ?? "zeros" });
  const g = net.grads;
  const norm = gradNorm(g);
  if (!Number.isFinite(loss)) return { loss, gradNorm: norm, clipped: false, diverged: classify(loss) };
  if (!Number.isFinite(norm)) return { loss, gradNorm: norm, clipped: false, diverged: classify(norm) };
  let clipped = false;
  if (o.clipMaxNorm != null) {
    clipGradNorm(g, o.clipMaxNorm);
    clipped = o.clipMaxNorm / (norm + 1e-6) < 1;
  }
  const theta = net.params;
  let backup = backups.get(net);
  if (!backup || backup.length !== theta.length) {
    backup = new Float64Array(theta.length);
    backups.set(net, backup);
  }
  backup.set(theta);
  opt.step(theta, g);
  for (let i = 0; i < theta.length; i++) {
    if (!Number.isFinite(theta[i])) {
      const bad = theta[i];
      theta.set(backup);
      return { loss, gradNorm: norm, clipped, diverged: classify(bad) };
    }
  }
  return { loss, gradNorm: norm, clipped, diverged: null };
}
