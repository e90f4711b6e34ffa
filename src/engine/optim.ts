// src/engine/optim.ts: torch.optim 1.13's SGD (momentum, dampening, Nesterov), RMSprop (momentum, centered), Adam
// (AMSGrad), AdamW and Adagrad, with the same formulas and order of operations, and global-norm clipping.
import { EngineError } from "./errors";

/** "momentum" is SGD with momentum 0.9 unless given (the widgets' name for it); the others are torch.optim's. */
export type OptimizerKind = "sgd" | "momentum" | "rmsprop" | "adam" | "adamw" | "adagrad";

export const OPTIMIZER_KINDS: readonly OptimizerKind[] = ["sgd", "momentum", "rmsprop", "adam", "adamw", "adagrad"];

/**
 * An optimiser and its settings, named as torch.optim's arguments in camelCase. Each kind accepts only its own
 * options (below); any other key is refused with a message naming it, never silently ignored. Defaults are
 * PyTorch's, except that "momentum" defaults its momentum to 0.9.
 *
 * | kind | options (PyTorch default) |
 * | --- | --- |
 * | sgd, momentum | momentum (0; 0.9 for "momentum"), dampening (0), nesterov (false), weightDecay (0) |
 * | rmsprop | alpha (0.99), eps (1e-8), momentum (0), centered (false), weightDecay (0) |
 * | adam | beta1 (0.9), beta2 (0.999), eps (1e-8), amsgrad (false), weightDecay (0): L2, added to the gradient |
 * | adamw | as adam, but weightDecay (1e-2) is decoupled: θ ← θ·(1 − lr·λ) before the Adam step |
 * | adagrad | lrDecay (0), eps (1e-10), initialAccumulatorValue (0), weightDecay (0) |
 */
export interface OptimizerSpec {
  kind: OptimizerKind;
  /** Learning rate; may be changed between steps (optimizer.lr = …). */
  lr: number;
  /** SGD / RMSprop momentum μ ≥ 0. */
  momentum?: number;
  /** SGD: the new gradient enters the momentum buffer scaled by 1 − dampening. */
  dampening?: number;
  /** SGD: Nesterov momentum (needs momentum > 0 and dampening 0, as in PyTorch). */
  nesterov?: boolean;
  /** RMSprop: smoothing constant α ≥ 0. */
  alpha?: number;
  /** RMSprop: divide by the centred second moment √(E[g²] − E[g]²). */
  centered?: boolean;
  /** Adam/AdamW: β1, β2 in [0, 1). */
  beta1?: number;
  beta2?: number;
  /** Adam/AdamW: AMSGrad (the running maximum of the second moment). */
  amsgrad?: boolean;
  /** ε ≥ 0 added to the denominator (RMSprop, Adam, AdamW, Adagrad). */
  eps?: number;
  /** λ ≥ 0. L2 penalty g ← g + λθ, except AdamW, which decays θ directly. PyTorch accepts λ ≥ 1 too. */
  weightDecay?: number;
  /** Adagrad: the learning rate at step s is lr / (1 + (s − 1)·lrDecay). */
  lrDecay?: number;
  /** Adagrad: the starting value of the sum of squared gradients. */
  initialAccumulatorValue?: number;
}

/** Every setting of an optimiser after defaults (what a PyTorch export needs). */
export interface OptimizerSettings {
  kind: OptimizerKind;
  lr: number;
  momentum: number;
  dampening: number;
  nesterov: boolean;
  alpha: number;
  centered: boolean;
  beta1: number;
  beta2: number;
  amsgrad: boolean;
  eps: number;
  weightDecay: number;
  lrDecay: number;
  initialAccumulatorValue: number;
}

/**
 * The optimiser's state, to save a run or to continue it elsewhere. Buffers are flat over θ (state_dict order) and
 * named as PyTorch's per-parameter state: momentum_buffer, square_avg, grad_avg, exp_avg, exp_avg_sq,
 * max_exp_avg_sq, sum. `stepCount` is PyTorch's `step` (SGD keeps none; its buffer exists after the first step).
 */
export interface OptimizerState {
  kind: OptimizerKind;
  stepCount: number;
  buffers: Record<string, Float64Array>;
}

export const MAX_LEARNING_RATE = 100;

const OPTIONS: Record<OptimizerKind, readonly (keyof OptimizerSpec)[]> = {
  sgd: ["momentum", "dampening", "nesterov", "weightDecay"],
  momentum: ["momentum", "dampening", "nesterov", "weightDecay"],
  rmsprop: ["alpha", "eps", "momentum", "centered", "weightDecay"],
  adam: ["beta1", "beta2", "eps", "amsgrad", "weightDecay"],
  adamw: ["beta1", "beta2", "eps", "amsgrad", "weightDecay"],
  adagrad: ["lrDecay", "eps", "initialAccumulatorValue", "weightDecay"],
};

/** PyTorch's spelling of an option → ours, so a pasted `weight_decay` gets a helpful message. */
const PYTORCH_NAMES: Record<string, string> = {
  weight_decay: "weightDecay",
  lr_decay: "lrDecay",
  initial_accumulator_value: "initialAccumulatorValue",
  betas: "beta1 and beta2",
};

function checkUnit(name: string, v: number): void {
  if (!(Number.isFinite(v) && v >= 0 && v < 1)) throw new EngineError("config", `${name} must be in [0, 1), but is ${v}.`);
}

function checkNonNegative(name: string, v: number): void {
  if (!(Number.isFinite(v) && v >= 0)) throw new EngineError("config", `${name} must be a number ≥ 0, but is ${v}.`);
}

function checkBool(name: string, v: unknown): boolean {
  if (typeof v !== "boolean") throw new EngineError("config", `${name} must be true or false, but is ${JSON.stringify(v)}.`);
  return v;
}

function num(name: string, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== "number") throw new EngineError("config", `${name} must be a number, but is ${JSON.stringify(v)}.`);
  return v;
}

export function validateLearningRate(lr: number): void {
  if (!(Number.isFinite(lr) && lr > 0 && lr <= MAX_LEARNING_RATE)) {
    throw new EngineError("config", `The learning rate must be a positive number up to ${MAX_LEARNING_RATE}, but is ${lr}.`);
  }
}

/** Checks a spec and fills PyTorch's defaults; throws EngineError naming an unknown option or a bad value. */
export function resolveOptimizerSpec(spec: OptimizerSpec): OptimizerSettings {
  if (typeof spec !== "object" || spec === null) throw new EngineError("config", "An optimizer needs a spec object { kind, lr, … }.");
  const kind = spec.kind;
  if (!OPTIMIZER_KINDS.includes(kind)) throw new EngineError("config", `optimizer must be one of ${OPTIMIZER_KINDS.join(", ")}, but is ${JSON.stringify(kind)}.`);
  const allowed = OPTIONS[kind];
  for (const [key, value] of Object.entries(spec)) {
    if (key === "kind" || key === "lr" || value === undefined) continue;
    if (!(allowed as readonly string[]).includes(key)) {
      const hint = PYTORCH_NAMES[key] ? ` (write it as ${PYTORCH_NAMES[key]})` : "";
      throw new EngineError("config", `The ${kind} optimizer has no option "${key}"${hint}; its options are ${allowed.join(", ")}.`);
    }
  }
  validateLearningRate(spec.lr);
  const s: OptimizerSettings = {
    kind,
    lr: spec.lr,
    momentum: num("momentum", spec.momentum, kind === "momentum" ? 0.9 : 0),
    dampening: num("dampening", spec.dampening, 0),
    nesterov: spec.nesterov === undefined ? false : checkBool("nesterov", spec.nesterov),
    alpha: num("alpha", spec.alpha, 0.99),
    centered: spec.centered === undefined ? false : checkBool("centered", spec.centered),
    beta1: num("beta1", spec.beta1, 0.9),
    beta2: num("beta2", spec.beta2, 0.999),
    amsgrad: spec.amsgrad === undefined ? false : checkBool("amsgrad", spec.amsgrad),
    eps: num("eps", spec.eps, kind === "adagrad" ? 1e-10 : 1e-8),
    weightDecay: num("weightDecay", spec.weightDecay, kind === "adamw" ? 1e-2 : 0),
    lrDecay: num("lrDecay", spec.lrDecay, 0),
    initialAccumulatorValue: num("initialAccumulatorValue", spec.initialAccumulatorValue, 0),
  };
  checkNonNegative("momentum", s.momentum);
  if (!Number.isFinite(s.dampening)) throw new EngineError("config", `dampening must be a finite number, but is ${s.dampening}.`);
  if (s.nesterov && (s.momentum <= 0 || s.dampening !== 0)) {
    throw new EngineError("config", `Nesterov momentum requires a momentum > 0 and zero dampening (as in PyTorch), but momentum is ${s.momentum} and dampening ${s.dampening}.`);
  }
  checkNonNegative("alpha", s.alpha);
  checkUnit("beta1", s.beta1);
  checkUnit("beta2", s.beta2);
  checkNonNegative("eps", s.eps);
  checkNonNegative("weightDecay", s.weightDecay);
  checkNonNegative("lrDecay", s.lrDecay);
  checkNonNegative("initialAccumulatorValue", s.initialAccumulatorValue);
  return s;
}

/** The state buffers a configuration keeps, in a fixed order. */
function bufferNames(s: OptimizerSettings): string[] {
  switch (s.kind) {
    case "sgd":
    case "momentum":
      return s.momentum !== 0 ? ["momentum_buffer"] : [];
    case "rmsprop":
      return ["square_avg", ...(s.momentum > 0 ? ["momentum_buffer"] : []), ...(s.centered ? ["grad_avg"] : [])];
    case "adam":
    case "adamw":
      return ["exp_avg", "exp_avg_sq", ...(s.amsgrad ? ["max_exp_avg_sq"] : [])];
    case "adagrad":
      return ["sum"];
  }
}

const NO_BUFFER = new Float64Array(0);

/** Per-parameter optimizer state over one flat parameter vector. */
export class Optimizer {
  readonly kind: OptimizerKind;
  private lrValue: number;
  readonly momentum: number;
  readonly dampening: number;
  readonly nesterov: boolean;
  readonly alpha: number;
  readonly centered: boolean;
  readonly beta1: number;
  readonly beta2: number;
  readonly amsgrad: boolean;
  readonly eps: number;
  readonly weightDecay: number;
  readonly lrDecay: number;
  readonly initialAccumulatorValue: number;
  readonly numParams: number;
  /** Number of updates applied (PyTorch's `step`). */
  stepCount = 0;
  private readonly buffers = new Map<string, Float64Array>();

  constructor(numParams: number, spec: OptimizerSpec) {
    const s = resolveOptimizerSpec(spec);
    if (!Number.isInteger(numParams) || numParams < 1) throw new EngineError("config", `An optimizer needs a positive number of parameters, not ${numParams}.`);
    this.numParams = numParams;
    this.kind = s.kind;
    this.lrValue = s.lr;
    this.momentum = s.momentum;
    this.dampening = s.dampening;
    this.nesterov = s.nesterov;
    this.alpha = s.alpha;
    this.centered = s.centered;
    this.beta1 = s.beta1;
    this.beta2 = s.beta2;
    this.amsgrad = s.amsgrad;
    this.eps = s.eps;
    this.weightDecay = s.weightDecay;
    this.lrDecay = s.lrDecay;
    this.initialAccumulatorValue = s.initialAccumulatorValue;
    for (const name of bufferNames(s)) this.buffers.set(name, new Float64Array(numParams));
    this.reset();
  }

  get lr(): number {
    return this.lrValue;
  }
  set lr(value: number) {
    validateLearningRate(value);
    this.lrValue = value;
  }

  /** Every setting, defaults filled in (the current learning rate included). */
  get settings(): OptimizerSettings {
    return {
      kind: this.kind, lr: this.lrValue, momentum: this.momentum, dampening: this.dampening, nesterov: this.nesterov,
      alpha: this.alpha, centered: this.centered, beta1: this.beta1, beta2: this.beta2, amsgrad: this.amsgrad,
      eps: this.eps, weightDecay: this.weightDecay, lrDecay: this.lrDecay, initialAccumulatorValue: this.initialAccumulatorValue,
    };
  }

  /** Forgets the moments and the step count (Adagrad's sum restarts at initialAccumulatorValue). */
  reset(): void {
    for (const [name, b] of this.buffers) b.fill(name === "sum" ? this.initialAccumulatorValue : 0);
    this.stepCount = 0;
  }

  /** The state, for saving a run or exporting it (copies). */
  getState(): OptimizerState {
    const buffers: Record<string, Float64Array> = {};
    for (const [name, b] of this.buffers) buffers[name] = b.slice();
    return { kind: this.kind, stepCount: this.stepCount, buffers };
  }

  /** Restores a state from getState() of an optimiser with the same settings; on any mismatch nothing changes. */
  setState(s: OptimizerState): void {
    if (s.kind !== this.kind) throw new EngineError("state", `This optimizer state is for ${s.kind}, but the optimizer is ${this.kind}.`);
    if (!(Number.isInteger(s.stepCount) && s.stepCount >= 0)) throw new EngineError("state", `stepCount must be a whole number ≥ 0, but is ${s.stepCount}.`);
    const want = [...this.buffers.keys()];
    const got = Object.keys(s.buffers);
    if (want.length !== got.length || want.some((k) => !(k in s.buffers))) {
      throw new EngineError("state", `This optimizer keeps ${want.length > 0 ? want.join(", ") : "no buffers"}, but the state has ${got.length > 0 ? got.join(", ") : "none"}.`);
    }
    for (const name of want) {
      const b = s.buffers[name];
      if (!(b instanceof Float64Array) || b.length !== this.numParams) {
        throw new EngineError("state", `Optimizer state "${name}" must be a Float64Array of ${this.numParams} values.`);
      }
      for (let i = 0; i < b.length; i++) if (!Number.isFinite(b[i])) throw new EngineError("state", `Optimizer state "${name}" holds ${b[i]} at index ${i}.`);
    }
    for (const name of want) this.buffers.get(name)!.set(s.buffers[name]);
    this.stepCount = s.stepCount;
  }

  private buf(name: string): Float64Array {
    return this.buffers.get(name) ?? NO_BUFFER;
  }

  /** θ ← update(θ, g) in place, as torch.optim's step() (single-tensor path). `g` is read only. */
  step(theta: Float64Array, g: Float64Array): void {
    if (theta.length !== this.numParams || g.length !== this.numParams) {
      throw new EngineError("shape", `The optimizer was made for ${this.numParams} parameters, but got ${theta.length} parameters and ${g.length} gradients.`);
    }
    this.stepCount++;
    const n = theta.length;
    const lr = this.lrValue;
    const wd = this.weightDecay;
    switch (this.kind) {
      case "sgd":
      case "momentum": {
        const mu = this.momentum;
        if (mu === 0) {
          for (let i = 0; i < n; i++) theta[i] += -lr * (wd !== 0 ? g[i] + wd * theta[i] : g[i]);
          return;
        }
        // buf = d (first step), then buf = μ·buf + (1 − dampening)·d; Nesterov steps along d + μ·buf.
        const b = this.buf("momentum_buffer");
        const first = this.stepCount === 1;
        const keep = 1 - this.dampening;
        for (let i = 0; i < n; i++) {
          const d = wd !== 0 ? g[i] + wd * theta[i] : g[i];
          b[i] = first ? d : b[i] * mu + keep * d;
          theta[i] += -lr * (this.nesterov ? d + mu * b[i] : b[i]);
        }
        return;
      }
      case "rmsprop": {
        const a = this.alpha;
        const sq = this.buf("square_avg");
        const ga = this.buf("grad_avg");
        const mb = this.buf("momentum_buffer");
        const mu = this.momentum;
        for (let i = 0; i < n; i++) {
          const d = wd !== 0 ? g[i] + wd * theta[i] : g[i];
          sq[i] = sq[i] * a + (1 - a) * (d * d);
          let avg: number;
          if (this.centered) {
            ga[i] = ga[i] * a + (1 - a) * d;
            avg = Math.sqrt(sq[i] - ga[i] * ga[i]) + this.eps;
          } else {
            avg = Math.sqrt(sq[i]) + this.eps;
          }
          if (mu > 0) {
            mb[i] = mb[i] * mu + d / avg;
            theta[i] += -lr * mb[i];
          } else {
            theta[i] += -lr * (d / avg);
          }
        }
        return;
      }
      case "adam":
      case "adamw": {
        // θ ← θ − (lr / (1 − β1^s)) · m / (√v̂ / √(1 − β2^s) + ε): ε after the bias correction, as torch.optim.Adam;
        // v̂ = v, or its running maximum with AMSGrad. AdamW first decays θ ← θ·(1 − lr·λ) and adds nothing to g.
        const b1 = this.beta1;
        const b2 = this.beta2;
        const m = this.buf("exp_avg");
        const v = this.buf("exp_avg_sq");
        const vMax = this.buf("max_exp_avg_sq");
        const decoupled = this.kind === "adamw";
        const decay = 1 - lr * wd;
        const stepSize = lr / (1 - Math.pow(b1, this.stepCount));
        const sqrtBias2 = Math.sqrt(1 - Math.pow(b2, this.stepCount));
        for (let i = 0; i < n; i++) {
          let d = g[i];
          if (decoupled) theta[i] *= decay;
          else if (wd !== 0) d = d + wd * theta[i];
          m[i] = m[i] * b1 + (1 - b1) * d;
          v[i] = v[i] * b2 + (1 - b2) * (d * d);
          let second = v[i];
          if (this.amsgrad) {
            if (v[i] > vMax[i]) vMax[i] = v[i];
            second = vMax[i];
          }
          const denom = Math.sqrt(second) / sqrtBias2 + this.eps;
          theta[i] += -stepSize * (m[i] / denom);
        }
        return;
      }
      case "adagrad": {
        const sum = this.buf("sum");
        const clr = lr / (1 + (this.stepCount - 1) * this.lrDecay);
        for (let i = 0; i < n; i++) {
          const d = wd !== 0 ? g[i] + wd * theta[i] : g[i];
          sum[i] = sum[i] + d * d;
          theta[i] += -clr * (d / (Math.sqrt(sum[i]) + this.eps));
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
