// src/engine/optim.ts: SGD, SGD with momentum, RMSprop and Adam (PyTorch's formulas), and global-norm clipping.
import { EngineError } from "./errors";

export type OptimizerKind = "sgd" | "momentum" | "rmsprop" | "adam";

export interface OptimizerSpec {
  kind: OptimizerKind;
  /** Learning rate; may be changed between steps (optimizer.lr = …). */
  lr: number;
  /** SGD with momentum: μ (PyTorch default 0.9 here; no dampening, not Nesterov). */
  momentum?: number;
  /** RMSprop: smoothing constant α (PyTorch default 0.99). */
  alpha?: number;
  /** Adam: β1, β2 (defaults 0.9, 0.999). */
  beta1?: number;
  beta2?: number;
  /** ε added to the denominator (default 1e-8, as PyTorch's Adam and RMSprop). */
  eps?: number;
  /** L2 penalty added to the gradient, g ← g + λθ (PyTorch's weight_decay); default 0. */
  weightDecay?: number;
}

export const MAX_LEARNING_RATE = 100;

function checkUnit(name: string, v: number): void {
  if (!(Number.isFinite(v) && v >= 0 && v < 1)) throw new EngineError("config", `${name} must be in [0, 1), but is ${v}.`);
}

export function validateLearningRate(lr: number): void {
  if (!(Number.isFinite(lr) && lr > 0 && lr <= MAX_LEARNING_RATE)) {
    throw new EngineError("config", `The learning rate must be a positive number up to ${MAX_LEARNING_RATE}, but is ${lr}.`);
  }
}

/** Per-parameter optimizer state over one flat parameter vector. */
export class Optimizer {
  readonly kind: OptimizerKind;
  private lrValue: number;
  readonly momentum: number;
  readonly alpha: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weightDecay: number;
  readonly numParams: number;
  /** Number of updates applied (Adam's s). */
  stepCount = 0;
  private readonly m: Float64Array; // momentum buffer / Adam first moment
  private readonly v: Float64Array; // RMSprop / Adam second moment

  constructor(numParams: number, spec: OptimizerSpec) {
    const kinds: OptimizerKind[] = ["sgd", "momentum", "rmsprop", "adam"];
    if (!kinds.includes(spec.kind)) throw new EngineError("config", `optimizer must be one of ${kinds.join(", ")}, but is ${JSON.stringify(spec.kind)}.`);
    validateLearningRate(spec.lr);
    if (!Number.isInteger(numParams) || numParams < 1) throw new EngineError("config", `An optimizer needs a positive number of parameters, not ${numParams}.`);
    this.numParams = numParams;
    this.kind = spec.kind;
    this.lrValue = spec.lr;
    this.momentum = spec.momentum ?? 0.9;
    this.alpha = spec.alpha ?? 0.99;
    this.beta1 = spec.beta1 ?? 0.9;
    this.beta2 = spec.beta2 ?? 0.999;
    this.eps = spec.eps ?? 1e-8;
    this.weightDecay = spec.weightDecay ?? 0;
    checkUnit("momentum", this.momentum);
    checkUnit("alpha", this.alpha);
    checkUnit("beta1", this.beta1);
    checkUnit("beta2", this.beta2);
    if (!(this.eps > 0 && this.eps < 1)) throw new EngineError("config", `eps must be in (0, 1), but is ${this.eps}.`);
    if (!(this.weightDecay >= 0 && this.weightDecay < 1)) throw new EngineError("config", `weightDecay must be in [0, 1), but is ${this.weightDecay}.`);
    this.m = new Float64Array(spec.kind === "sgd" ? 0 : numParams);
    this.v = new Float64Array(spec.kind === "rmsprop" || spec.kind === "adam" ? numParams : 0);
  }

  get lr(): number {
    return this.lrValue;
  }
  set lr(value: number) {
    validateLearningRate(value);
    this.lrValue = value;
  }

  /** Forgets the moments and the step count. */
  reset(): void {
    this.m.fill(0);
    this.v.fill(0);
    this.stepCount = 0;
  }

  /** The moments, for saving a run (copies). */
  getState(): { stepCount: number; m: Float64Array; v: Float64Array } {
    return { stepCount: this.stepCount, m: this.m.slice(), v: this.v.slice() };
  }
  setState(s: { stepCount: number; m: Float64Array; v: Float64Array }): void {
    if (s.m.length !== this.m.length || s.v.length !== this.v.length) throw new EngineError("shape", "Optimizer state does not fit this optimizer.");
    this.m.set(s.m);
    this.v.set(s.v);
    this.stepCount = s.stepCount;
  }

  /** θ ← update(θ, g) in place. `g` is read only (weight decay is applied to a local copy of each value). */
  step(theta: Float64Array, g: Float64Array): void {
    if (theta.length !== this.numParams || g.length !== this.numParams) {
      throw new EngineError("shape", `The optimizer was made for ${this.numParams} parameters, but got ${theta.length} parameters and ${g.length} gradients.`);
    }
    this.stepCount++;
    const n = theta.length;
    const lr = this.lrValue;
    const wd = this.weightDecay;
    const { m, v } = this;
    switch (this.kind) {
      case "sgd":
        for (let i = 0; i < n; i++) theta[i] -= lr * (g[i] + wd * theta[i]);
        return;
      case "momentum": {
        // PyTorch: buf = g on the first step, then buf = μ·buf + g; θ ← θ − lr·buf.
        const mu = this.stepCount === 1 ? 0 : this.momentum;
        for (let i = 0; i < n; i++) {
          const gi = g[i] + wd * theta[i];
          m[i] = mu * m[i] + gi;
          theta[i] -= lr * m[i];
        }
        return;
      }
      case "rmsprop": {
        const a = this.alpha;
        for (let i = 0; i < n; i++) {
          const gi = g[i] + wd * theta[i];
          v[i] = a * v[i] + (1 - a) * gi * gi;
          theta[i] -= (lr * gi) / (Math.sqrt(v[i]) + this.eps);
        }
        return;
      }
      case "adam": {
        // θ ← θ − (lr / (1 − β1^s)) · m / (√v / √(1 − β2^s) + ε): ε after the bias correction, as torch.optim.Adam.
        const b1 = this.beta1;
        const b2 = this.beta2;
        const stepSize = lr / (1 - Math.pow(b1, this.stepCount));
        const sqrtBias2 = Math.sqrt(1 - Math.pow(b2, this.stepCount));
        for (let i = 0; i < n; i++) {
          const gi = g[i] + wd * theta[i];
          m[i] = b1 * m[i] + (1 - b1) * gi;
          v[i] = b2 * v[i] + (1 - b2) * gi * gi;
          theta[i] -= (stepSize * m[i]) / (Math.sqrt(v[i]) / sqrtBias2 + this.eps);
        }
        return;
      }
    }
  }
}

/** ‖g‖₂ over the whole vector. */
export function gradNorm(g: Float64Array): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  return Math.sqrt(s);
}

/**
 * torch.nn.utils.clip_grad_norm_: total = ‖g‖₂; if maxNorm / (total + 1e-6) < 1, scale g by it.
 * Returns the norm before clipping.
 */
export function clipGradNorm(g: Float64Array, maxNorm: number): number {
  if (!(Number.isFinite(maxNorm) && maxNorm > 0)) throw new EngineError("config", `The clipping norm must be a positive number, but is ${maxNorm}.`);
  const total = gradNorm(g);
  const coef = maxNorm / (total + 1e-6);
  if (coef < 1) for (let i = 0; i < g.length; i++) g[i] *= coef;
  return total;
}
