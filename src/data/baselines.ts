// src/data/baselines.ts: the forecasts an RNN must beat, on the same windows: persistence, seasonal naive, AR(p), a dense network.
// Also the metrics (MAE, RMSE, MASE). Forecasters read and write normalised values (z); metrics are in the
// series' own units. Pure: usable in a worker.
import { createRng, type Rng } from "../engine/rng";
import { addLast, relativeToLast, type ForecastProblem, type Windows } from "./forecast";
import { leastSquares } from "./leastSquares";

export type BaselineName = "persistence" | "seasonalNaive" | "ar" | "dense";

/** Forecasts [N][k] (normalised) for the windows, oldest origin first. */
export type Forecasts = Float64Array;

/** x̂_{t+j} = x_t for every j = 1 … k. */
export function persistence(w: Windows): Forecasts {
  const out = new Float64Array(w.N * w.k);
  for (let i = 0; i < w.N; i++) {
    const last = w.inputs[i * w.p + w.p - 1];
    for (let j = 0; j < w.k; j++) out[i * w.k + j] = last;
  }
  return out;
}

/**
 * x̂_{t+j} = x_{t+j−m⌈j/m⌉}: the value one season (m steps) before, from the last observed season.
 * Reads the series itself (`z`), so the window may be shorter than the period. m = 1 is persistence.
 */
export function seasonalNaive(w: Windows, z: Float64Array, m: number): Forecasts {
  const out = new Float64Array(w.N * w.k);
  for (let i = 0; i < w.N; i++) {
    const t = w.origins[i];
    for (let j = 1; j <= w.k; j++) out[i * w.k + j - 1] = z[Math.max(0, t + j - m * Math.ceil(j / m))];
  }
  return out;
}

/** x̂_{t+1} = c + Σ_{i=1…p} a_i x_{t+1−i}. */
export interface ArModel {
  readonly p: number;
  readonly intercept: number;
  /** a_1 … a_p: a_1 weighs the latest value x_t. */
  readonly coefficients: Float64Array;
}

/**
 * AR(p) fitted by least squares on the one-step targets of `w` (its first target column), with QR and a tiny ridge
 * (1e-8 · N, on the coefficients, not the intercept) so that a constant stretch cannot make the fit singular.
 */
export function fitAr(w: Windows, ridge = 1e-8 * w.N): ArModel {
  const { p, N } = w;
  const m = p + 1;
  const X = new Float64Array(N * m);
  const y = new Float64Array(N);
  for (let n = 0; n < N; n++) {
    X[n * m] = 1;
    // Column i (1 … p) holds x_{t+1−i}: the window's inputs newest first.
    for (let i = 1; i <= p; i++) X[n * m + i] = w.inputs[n * p + p - i];
    y[n] = w.targets[n * w.k];
  }
  const beta = leastSquares(X, y, N, m, ridge, [0]);
  return { p, intercept: beta[0], coefficients: beta.slice(1) };
}

/** k-step forecasts by iterating the one-step model on its own forecasts (recursive, like a free-running RNN). */
export function arForecast(model: ArModel, w: Windows): Forecasts {
  const { p, k, N } = w;
  if (p !== model.p) throw new RangeError(`AR(${model.p}) cannot read windows of ${p} values.`);
  const out = new Float64Array(N * k);
  const buf = new Float64Array(p + k);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < p; j++) buf[j] = w.inputs[n * p + j];
    for (let j = 0; j < k; j++) {
      let v = model.intercept;
      for (let i = 1; i <= p; i++) v += model.coefficients[i - 1] * buf[p + j - i];
      buf[p + j] = v;
      out[n * k + j] = v;
    }
  }
  return out;
}

export interface DenseSpec {
  hidden: number;
  seed: number;
  learningRate?: number;
  batch?: number;
}

export interface DenseFitSpec extends DenseSpec {
  epochs: number;
  /**
   * Read and predict changes from the window's last value (relativeToLast) rather than levels. Default true: with
   * levels, a tanh network fails wherever the test range leaves the training range's levels (see public/data/README.md).
   */
  relative?: boolean;
}

/**
 * The articles' dense "RNN": one hidden tanh layer on the last p values, k outputs at once (a direct multi-step
 * forecast): ŷ = W2 tanh(W1 x + b1) + b2, trained on mean squared error with Adam in float64.
 * Initialised like PyTorch's nn.Linear: U(−1/√fan_in, 1/√fan_in) for weights and biases.
 * Parameters live in one vector θ = [W1 [H][p], b1 [H], W2 [k][H], b2 [k]], gradients in the same layout.
 */
export class DenseForecaster {
  readonly theta: Float64Array;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private readonly grad: Float64Array;
  private readonly rng: Rng;
  private readonly lr: number;
  private readonly batch: number;
  private adamStep = 0;
  private readonly oB1: number;
  private readonly oW2: number;
  private readonly oB2: number;
  private readonly hBuf: Float64Array;

  constructor(readonly p: number, readonly k: number, spec: DenseSpec) {
    const H = spec.hidden;
    this.oB1 = H * p;
    this.oW2 = this.oB1 + H;
    this.oB2 = this.oW2 + k * H;
    const size = this.oB2 + k;
    this.theta = new Float64Array(size);
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
    this.grad = new Float64Array(size);
    this.hBuf = new Float64Array(H);
    this.rng = createRng(spec.seed);
    this.lr = spec.learningRate ?? 0.003;
    this.batch = spec.batch ?? 32;
    const a1 = 1 / Math.sqrt(p);
    const a2 = 1 / Math.sqrt(H);
    for (let i = 0; i < this.oW2; i++) this.theta[i] = this.rng.uniform(-a1, a1);
    for (let i = this.oW2; i < size; i++) this.theta[i] = this.rng.uniform(-a2, a2);
  }

  get hidden(): number {
    return this.hBuf.length;
  }

  /** Forecasts [N][k] for the windows (normalised values). */
  predict(w: Windows): Forecasts {
    const out = new Float64Array(w.N * this.k);
    for (let n = 0; n < w.N; n++) this.forward(w.inputs, n, out, n * this.k);
    return out;
  }

  /** y[yOff …] = forecast of window n; leaves the hidden activations in hBuf. */
  private forward(inputs: Float64Array, n: number, y: Float64Array, yOff: number): void {
    const { p, k, theta, hBuf } = this;
    const H = hBuf.length;
    for (let r = 0; r < H; r++) {
      let a = theta[this.oB1 + r];
      for (let j = 0; j < p; j++) a += theta[r * p + j] * inputs[n * p + j];
      hBuf[r] = Math.tanh(a);
    }
    for (let o = 0; o < k; o++) {
      let a = theta[this.oB2 + o];
      for (let r = 0; r < H; r++) a += theta[this.oW2 + o * H + r] * hBuf[r];
      y[yOff + o] = a;
    }
  }

  /**
   * Mean squared error over windows `rows` of w (all k outputs), and its gradient with respect to θ in `grad`
   * (overwritten). Exposed for the gradient check.
   */
  lossAndGradient(w: Windows, rows: ArrayLike<number>, grad: Float64Array = this.grad): number {
    const { p, k, theta, hBuf } = this;
    const H = hBuf.length;
    grad.fill(0);
    const y = new Float64Array(k);
    const dh = new Float64Array(H);
    const count = rows.length * k;
    let loss = 0;
    for (let b = 0; b < rows.length; b++) {
      const n = rows[b];
      this.forward(w.inputs, n, y, 0);
      dh.fill(0);
      for (let o = 0; o < k; o++) {
        const e = y[o] - w.targets[n * k + o];
        loss += e * e;
        const dy = (2 * e) / count; // ∂L/∂ŷ for L = mean of squared errors
        grad[this.oB2 + o] += dy;
        for (let r = 0; r < H; r++) {
          grad[this.oW2 + o * H + r] += dy * hBuf[r];
          dh[r] += dy * theta[this.oW2 + o * H + r];
        }
      }
      for (let r = 0; r < H; r++) {
        const da = dh[r] * (1 - hBuf[r] * hBuf[r]); // tanh' = 1 − tanh²
        grad[this.oB1 + r] += da;
        for (let j = 0; j < p; j++) grad[r * p + j] += da * w.inputs[n * p + j];
      }
    }
    return loss / count;
  }

  /** One optimiser step on windows `rows` of w (to train in slices beside another model); returns their loss. */
  trainRows(w: Windows, rows: ArrayLike<number>): number {
    const loss = this.lossAndGradient(w, rows);
    this.adam();
    return loss;
  }

  /** One pass over w's windows in a seeded random order, in mini-batches; returns the mean training loss. */
  trainEpoch(w: Windows): number {
    const order = Int32Array.from({ length: w.N }, (_, i) => i);
    for (let i = w.N - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    let total = 0;
    for (let s = 0; s < w.N; s += this.batch) {
      const rows = order.subarray(s, Math.min(w.N, s + this.batch));
      total += this.lossAndGradient(w, rows) * rows.length;
      this.adam();
    }
    return total / w.N;
  }

  /** Adam (β1 0.9, β2 0.999, ε 1e-8), as torch.optim.Adam. */
  private adam(): void {
    const b1 = 0.9, b2 = 0.999, eps = 1e-8;
    this.adamStep++;
    const c1 = 1 - b1 ** this.adamStep;
    const c2 = 1 - b2 ** this.adamStep;
    const { theta, m, v, grad, lr } = this;
    for (let i = 0; i < theta.length; i++) {
      m[i] = b1 * m[i] + (1 - b1) * grad[i];
      v[i] = b2 * v[i] + (1 - b2) * grad[i] * grad[i];
      theta[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
    }
  }
}

/** Mean squared error of forecasts against the windows' targets (normalised units). */
export function mse(f: Forecasts, w: Windows): number {
  let s = 0;
  for (let i = 0; i < f.length; i++) s += (f[i] - w.targets[i]) ** 2;
  return f.length === 0 ? NaN : s / f.length;
}

export interface DenseFit {
  readonly model: DenseForecaster;
  /** Whether the model reads and predicts changes from the last value. */
  readonly relative: boolean;
  /** Forecasts (levels, normalised) for any windows of the problem: the model, with the level added back if relative. */
  readonly forecast: (w: Windows) => Forecasts;
  /** Validation MSE (normalised) after each epoch. */
  readonly validationLoss: Float64Array;
  readonly trainLoss: Float64Array;
  /** The epoch whose weights are kept (lowest validation loss), 1-based. */
  readonly bestEpoch: number;
}

/** Trains for `epochs` epochs and keeps the weights of the epoch with the lowest validation loss (early stopping). */
export function fitDense(problem: ForecastProblem, spec: DenseFitSpec): DenseFit {
  const relative = spec.relative ?? true;
  const model = new DenseForecaster(problem.p, problem.k, spec);
  const view = (w: Windows): Windows => (relative ? relativeToLast(w) : w);
  const train = view(problem.train);
  const validation = view(problem.validation);
  const trainLoss = new Float64Array(spec.epochs);
  const validationLoss = new Float64Array(spec.epochs);
  let best = Infinity;
  let bestEpoch = 0;
  let bestTheta = model.theta.slice();
  for (let e = 0; e < spec.epochs; e++) {
    trainLoss[e] = model.trainEpoch(train);
    // Changes and levels differ by the same x_t in forecast and target: the MSE is the same in either view.
    validationLoss[e] = mse(model.predict(validation), validation);
    if (validationLoss[e] < best) {
      best = validationLoss[e];
      bestEpoch = e + 1;
      bestTheta = model.theta.slice();
    }
  }
  model.theta.set(bestTheta);
  const forecast = (w: Windows): Forecasts => (relative ? addLast(model.predict(relativeToLast(w)), w) : model.predict(w));
  return { model, relative, forecast, validationLoss, trainLoss, bestEpoch };
}

export interface ForecastMetrics {
  /** Mean absolute error, in the series' units, over every window and every step ahead. */
  readonly mae: number;
  /** Root mean squared error, in the series' units. */
  readonly rmse: number;
  /** MAE / scale (see maseScale): below 1 beats the in-sample seasonal naive one-step forecast. */
  readonly mase: number;
  /** MAE for each step ahead j = 1 … k (the error growing with the horizon). */
  readonly maeByStep: Float64Array;
}

/**
 * The MASE scale (Hyndman & Koehler 2006): the in-sample mean absolute error of the one-step seasonal naive forecast
 * on the training range, (1 / (n − m)) Σ_{t=m}^{n−1} |x_t − x_{t−m}|, in the series' units; m = 1 gives the naive
 * (persistence) forecast.
 */
export function maseScale(values: Float64Array, trainEnd: number, m: number): number {
  let s = 0;
  for (let t = m; t < trainEnd; t++) s += Math.abs(values[t] - values[t - m]);
  return s / (trainEnd - m);
}

/**
 * MAE, RMSE and MASE of forecasts against targets, both [N][k] in the same units. Pass forecasts and targets in
 * the series' units (denormalise first) and the scale from maseScale on the raw values.
 */
export function forecastMetrics(forecasts: Float64Array, targets: Float64Array, k: number, scale: number): ForecastMetrics {
  if (forecasts.length !== targets.length) throw new RangeError(`${forecasts.length} forecasts for ${targets.length} targets.`);
  const N = targets.length / k;
  const maeByStep = new Float64Array(k);
  let abs = 0;
  let sq = 0;
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < k; j++) {
      const e = forecasts[n * k + j] - targets[n * k + j];
      abs += Math.abs(e);
      sq += e * e;
      maeByStep[j] += Math.abs(e) / N;
    }
  }
  const mae = abs / targets.length;
  return { mae, rmse: Math.sqrt(sq / targets.length), mase: mae / scale, maeByStep };
}

/** Forecasts (normalised) of one part of a problem, scored in the series' units. */
export function scoreForecasts(problem: ForecastProblem, part: "validation" | "test", forecasts: Forecasts): ForecastMetrics {
  const { mean, std } = problem.normalisation;
  const w = problem[part];
  const f = forecasts.map((z) => z * std + mean);
  const t = w.targets.map((z) => z * std + mean);
  return forecastMetrics(f, t, w.k, maseScale(problem.values, problem.split.trainEnd, problem.period));
}

export interface BaselineRow {
  readonly name: BaselineName;
  readonly validation: ForecastMetrics;
  readonly test: ForecastMetrics;
}

export interface BaselineReport {
  readonly rows: readonly BaselineRow[];
  readonly ar: ArModel;
  readonly dense: DenseFit;
}

/**
 * Every baseline on the problem's validation and test windows. The dense network trains for `dense.epochs`
 * epochs (the slow part: run it in a worker, or train a DenseForecaster epoch by epoch and score it yourself).
 */
export function runBaselines(problem: ForecastProblem, dense: DenseFitSpec): BaselineReport {
  const ar = fitAr(problem.train);
  const denseFit = fitDense(problem, dense);
  const forecast = (name: BaselineName, w: Windows): Forecasts => {
    switch (name) {
      case "persistence":
        return persistence(w);
      case "seasonalNaive":
        return seasonalNaive(w, problem.z, problem.period);
      case "ar":
        return arForecast(ar, w);
      case "dense":
        return denseFit.forecast(w);
    }
  };
  const names: BaselineName[] = ["persistence", "seasonalNaive", "ar", "dense"];
  const rows = names.map((name) => ({
    name,
    validation: scoreForecasts(problem, "validation", forecast(name, problem.validation)),
    test: scoreForecasts(problem, "test", forecast(name, problem.test)),
  }));
  return { rows, ar, dense: denseFit };
}
