// src/engine/guard.ts: one optimiser step that never leaves bad weights behind: the rollback, in one place.
//
// trainStep (train.ts) undoes an update that overflows, but a loss that blows up while finite, or an update that
// wrecks the weights, shows only at the next step, when θ has already moved. StepGuard keeps ONE copy of θ: the
// newest weights whose loss was measured finite and sane. Any failure restores that copy, and says which step it was.
import type { Batch } from "./batch";
import { EngineError } from "./errors";
import type { InitialState, Network } from "./network";
import { clipGradNorm, gradNorm, type Optimizer } from "./optim";

/** A loss this many times the first one counts as blown up, even while still finite. */
export const BLOW_UP_FACTOR = 1e4;

/** What failed, as a code the interface words: the loss, the gradient, the updated weights, or the check's own. */
export type GuardFailure = "loss" | "lossBlowUp" | "gradNorm" | "weights" | "update";

export interface GuardedResult {
  /** Loss of the weights before the update (finite unless the step failed on it). */
  loss: number;
  /** ‖∂L/∂θ‖₂ before clipping. */
  gradNorm: number;
  clipped: boolean;
  /** Null when the update was kept; otherwise θ is back at `goodStep`'s weights. */
  failed: null | { what: GuardFailure; cause: "nan" | "inf" | "blowUp"; updateNorm: number; weightNorm: number };
}

export interface GuardOptions {
  clipMaxNorm?: number | null;
  initialState?: InitialState;
  /**
   * Also refuse an update larger than all the weights together (‖Δθ‖ > max(‖θ‖, 1)): in float64 a tanh-RNN's
   * exploding gradient rarely overflows, it saturates every unit instead.
   */
  refuseWreckingUpdates?: boolean;
}

function norm(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}

function distance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
  return Math.sqrt(s);
}

const causeOf = (x: number): "nan" | "inf" => (Number.isNaN(x) ? "nan" : "inf");

/** Guards the steps of one network and optimiser. `goodStep` counts the steps the kept weights have taken. */
export class StepGuard {
  /** The newest θ whose loss was finite and sane (the weights a failure returns to). */
  private readonly good: Float64Array;
  private firstLoss = NaN;
  goodStep: number;
  /** The loss measured at the good weights (NaN until a step measured one). */
  goodLoss = NaN;

  constructor(private readonly net: Network, step = 0) {
    this.good = net.params.slice();
    this.goodStep = step;
  }

  /** Forgets the reference loss (new settings, a resumed run): the next loss is the new "first". */
  rebase(step: number): void {
    this.good.set(this.net.params);
    this.goodStep = step;
    this.firstLoss = NaN;
  }

  /** One step at step count `step` (the count before it). On failure θ is restored and the caller rolls back to goodStep. */
  step(opt: Optimizer, batch: Batch, step: number, o: GuardOptions = {}): GuardedResult {
    const { net } = this;
    if (net.numParams !== opt.numParams) {
      throw new EngineError("shape", `This optimizer was made for ${opt.numParams} parameters, but the network has ${net.numParams}.`);
    }
    const loss = net.forwardBackward(batch, { initialState: o.initialState ?? "zeros" });
    // Views taken after the pass: a new batch shape may have grown the arena (and detached older views).
    const theta = net.params;
    const g = net.grads;
    const gn = gradNorm(g);
    const fail = (what: GuardFailure, cause: "nan" | "inf" | "blowUp", updateNorm = NaN): GuardedResult => {
      const weightNorm = norm(this.good);
      theta.set(this.good);
      return { loss, gradNorm: gn, clipped: false, failed: { what, cause, updateNorm, weightNorm } };
    };
    if (!Number.isFinite(loss)) return fail("loss", causeOf(loss));
    if (Number.isNaN(this.firstLoss)) this.firstLoss = loss;
    if (loss > BLOW_UP_FACTOR * Math.max(this.firstLoss, 1e-6)) return fail("lossBlowUp", "blowUp");
    if (!Number.isFinite(gn)) return fail("gradNorm", causeOf(gn));
    // θ gave a finite, sane loss: it is the newest good weights.
    this.good.set(theta);
    this.goodStep = step;
    this.goodLoss = loss;
    let clipped = false;
    if (o.clipMaxNorm != null) {
      clipGradNorm(g, o.clipMaxNorm);
      clipped = o.clipMaxNorm / (gn + 1e-6) < 1;
    }
    opt.step(theta, g);
    for (let i = 0; i < theta.length; i++) {
      if (!Number.isFinite(theta[i])) return fail("weights", causeOf(theta[i]));
    }
    if (o.refuseWreckingUpdates) {
      const updateNorm = distance(theta, this.good);
      if (updateNorm > Math.max(norm(this.good), 1)) return fail("update", "blowUp", updateNorm);
    }
    return { loss, gradNorm: gn, clipped, failed: null };
  }

  /** θ before the last kept update (the weights the last gradient was taken at). */
  get before(): Float64Array {
    return this.good;
  }
}
