// src/worker/sine/forecast.ts: a real series in the playground: the RNN's data, the baselines beside it, and scores.
//
// The series is split in time (train / validation / test), normalised from the training range only, and cut into
// the windows of src/data/forecast.ts. The RNN learns the next value at every step of a window of p values (as on
// sines) and forecasts k steps ahead by feeding back its own predictions (free-running). Every forecaster is scored
// on the same test windows: persistence, seasonal naive and AR(p) once, the dense network and the RNN as they train.
import { createNetwork, createRng, type Network, type Rng } from "../../engine";
import {
  arForecast, DenseForecaster, fitAr, mse, persistence, scoreForecasts, seasonalNaive,
  type ForecastMetrics, type Forecasts,
} from "../../data/baselines";
import { addLast, makeForecastProblem, relativeToLast, type ForecastProblem, type Windows } from "../../data/forecast";
import type { SeriesDataset } from "../../data/series";

/** The forecasters in the Baselines table, the RNN first. */
export type ModelName = "rnn" | "persistence" | "seasonalNaive" | "ar" | "dense";

export interface ScoreRow {
  name: ModelName;
  /** On the test windows, in the series' units; null until the model has been scored. */
  test: ForecastMetrics | null;
  /** RNN: the training step it was scored at; dense: its epochs so far and the epoch whose weights are kept. */
  step?: number;
  epoch?: number;
  bestEpoch?: number;
}

/** What the page shows about the data and the baselines (no large arrays: the page has the series itself). */
export interface ForecastView {
  p: number;
  k: number;
  period: number;
  n: number;
  trainEnd: number;
  validationEnd: number;
  mean: number;
  std: number;
  trainWindows: number;
  validationWindows: number;
  testWindows: number;
  rows: ScoreRow[];
  /** Dense epochs planned in all. */
  denseEpochs: number;
}

/** Share of the series held out for the test range (the last part in time). */
export const TEST_FRACTION = 0.15;
/** The dense baseline: hidden tanh units, epochs in all, mini-batches it trains per RNN step. */
export const DENSE_HIDDEN = 32;
export const DENSE_EPOCHS = 30;
export const DENSE_BATCHES_PER_STEP = 2;
const DENSE_BATCH = 32;
/** Validation windows for the validation loss (every few steps apart, so they cover the whole range). */
const MAX_VALIDATION_WINDOWS = 64;
/** Test windows forecast per slice while training (a whole pass at once would hold the worker for long). */
export const SCORE_WINDOWS_PER_SLICE = 128;
/** Free-running steps shown after the window that starts the test range. */
export const MAX_FREE_RUN = 200;

export interface ForecastSpec {
  values: Float64Array;
  p: number;
  k: number;
  period: number;
  validationFraction: number;
  seed: number;
}

/**
 * One-step windows of p + 1 values (inputs x_{t−p+1…t}, targets x_{t−p+2…t+1}) for each origin of `w`, each seen
 * from its first value (x − x_{t−p+1}). The RNN reads and predicts changes from where its window starts, so a
 * trend that takes the test range above every level of the training range (births in the 1980s) does not put it
 * outside what it has learned; the first value is in the past of every step, so nothing leaks from the future.
 */
function oneStepSequences(z: Float64Array, w: Windows, stride = 1): Float64Array[] {
  const out: Float64Array[] = [];
  for (let i = 0; i < w.N; i += stride) {
    const t = w.origins[i];
    const s = z.slice(t - w.p + 1, t + 2);
    const first = s[0];
    for (let j = 0; j < s.length; j++) s[j] -= first;
    out.push(s);
  }
  return out;
}

export class ForecastLab {
  readonly problem: ForecastProblem;
  /** The RNN's data: one-step windows of the training and validation ranges. */
  readonly dataset: SeriesDataset;
  /** The window just before the test range and what follows it (the free-running example), from its first value. */
  readonly example: Float64Array;
  /** The normalised value the example is seen from (add it back to show levels). */
  readonly exampleOffset: number;
  private readonly fixed: { name: ModelName; test: ForecastMetrics }[];
  private readonly dense: DenseForecaster;
  private readonly denseTrain: Windows;
  private readonly denseValidation: Windows;
  private readonly denseRng: Rng;
  private denseOrder: Int32Array;
  private denseAt = 0;
  private denseEpoch = 0;
  private denseBest = Infinity;
  private denseBestEpoch = 0;
  private denseTest: ForecastMetrics | null = null;
  private rnnTest: ForecastMetrics | null = null;
  private rnnStep = 0;

  constructor(spec: ForecastSpec) {
    const { values, p, k, period, validationFraction, seed } = spec;
    const problem = makeForecastProblem(values, { p, k, period, validationFraction, testFraction: TEST_FRACTION });
    this.problem = problem;
    const { z, split } = problem;
    const train = oneStepSequences(z, problem.train);
    const validation = oneStepSequences(z, problem.validation, Math.max(1, Math.floor(problem.validation.N / MAX_VALIDATION_WINDOWS)));
    const start = split.validationEnd - p;
    this.exampleOffset = z[start];
    this.example = z.slice(start, Math.min(split.n, split.validationEnd + 1 + MAX_FREE_RUN)).map((v) => v - z[start]);
    this.dataset = { T: p, horizon: 1, future: this.example.length - (p + 1), train, validation, mean: problem.normalisation.mean, std: problem.normalisation.std };

    const ar = fitAr(problem.train);
    this.fixed = [
      { name: "persistence", test: scoreForecasts(problem, "test", persistence(problem.test)) },
      { name: "seasonalNaive", test: scoreForecasts(problem, "test", seasonalNaive(problem.test, z, period)) },
      { name: "ar", test: scoreForecasts(problem, "test", arForecast(ar, problem.test)) },
    ];
    this.dense = new DenseForecaster(p, k, { hidden: DENSE_HIDDEN, seed: seed + 2, batch: DENSE_BATCH });
    this.denseTrain = relativeToLast(problem.train);
    this.denseValidation = relativeToLast(problem.validation);
    this.denseRng = createRng(seed + 3);
    this.denseOrder = this.shuffled();
  }

  private shuffled(): Int32Array {
    const order = Int32Array.from({ length: this.denseTrain.N }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = this.denseRng.int(i + 1);
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** Whether the dense baseline still has epochs to train. */
  get denseTraining(): boolean {
    return this.denseEpoch < DENSE_EPOCHS;
  }

  /**
   * The dense baseline's share of one training step: a few mini-batches. At the end of each epoch it is validated;
   * the weights of the best epoch so far are scored on the test windows (early stopping, as fitDense does).
   */
  denseStep(): void {
    for (let b = 0; b < DENSE_BATCHES_PER_STEP && this.denseTraining; b++) {
      const rows = this.denseOrder.subarray(this.denseAt, Math.min(this.denseOrder.length, this.denseAt + DENSE_BATCH));
      this.dense.trainRows(this.denseTrain, rows);
      this.denseAt += rows.length;
      if (this.denseAt >= this.denseOrder.length) this.endDenseEpoch();
    }
  }

  private endDenseEpoch(): void {
    this.denseEpoch++;
    this.denseAt = 0;
    this.denseOrder = this.shuffled();
    const loss = mse(this.dense.predict(this.denseValidation), this.denseValidation);
    if (loss < this.denseBest) {
      this.denseBest = loss;
      this.denseBestEpoch = this.denseEpoch;
      this.denseTest = scoreForecasts(this.problem, "test", addLast(this.dense.predict(relativeToLast(this.problem.test)), this.problem.test));
    }
  }

  /** Scores the RNN on the test windows: k steps ahead, free-running after the first. */
  scoreRnn(net: Network, step: number): ForecastMetrics {
    this.pending = null;
    this.rnnTest = scoreForecasts(this.problem, "test", rnnForecasts(net, this.problem.test));
    this.rnnStep = step;
    return this.rnnTest;
  }

  /** A scoring pass in slices while training: a copy of the weights at `step`, the windows done so far. */
  private pending: { net: Network; step: number; done: number; forecasts: Float64Array } | null = null;

  get isScoring(): boolean {
    return this.pending !== null;
  }

  /** Starts scoring a copy of `net` as it is now, to be done in slices (scoreSlice) while it trains on. */
  beginScore(net: Network, step: number): void {
    const copy = createNetwork(net.config, { seed: 0 });
    copy.setParams(net.params);
    this.pending = { net: copy, step, done: 0, forecasts: new Float64Array(this.problem.test.N * this.problem.k) };
  }

  /** Forecasts up to `windows` more test windows of the pass; when the last are done, the RNN's row is updated. */
  scoreSlice(windows: number): void {
    const job = this.pending;
    if (!job) return;
    const w = this.problem.test;
    const end = Math.min(w.N, job.done + windows);
    const part = sliceWindows(w, job.done, end);
    job.forecasts.set(rnnForecasts(job.net, part), job.done * w.k);
    job.done = end;
    if (end < w.N) return;
    this.rnnTest = scoreForecasts(this.problem, "test", job.forecasts);
    this.rnnStep = job.step;
    this.pending = null;
  }

  view(): ForecastView {
    const { problem } = this;
    return {
      p: problem.p,
      k: problem.k,
      period: problem.period,
      n: problem.split.n,
      trainEnd: problem.split.trainEnd,
      validationEnd: problem.split.validationEnd,
      mean: problem.normalisation.mean,
      std: problem.normalisation.std,
      trainWindows: problem.train.N,
      validationWindows: problem.validation.N,
      testWindows: problem.test.N,
      rows: [
        { name: "rnn", test: this.rnnTest, step: this.rnnStep },
        ...this.fixed,
        { name: "dense", test: this.denseTest, epoch: this.denseEpoch, bestEpoch: this.denseBestEpoch },
      ],
      denseEpochs: DENSE_EPOCHS,
    };
  }
}

/** Windows [from, to) of w. */
function sliceWindows(w: Windows, from: number, to: number): Windows {
  return {
    p: w.p,
    k: w.k,
    N: to - from,
    origins: w.origins.subarray(from, to),
    inputs: w.inputs.subarray(from * w.p, to * w.p),
    targets: w.targets.subarray(from * w.k, to * w.k),
  };
}

/**
 * k-step forecasts [N][k] (normalised) of a next-value network for every window of `w`, all windows in one batch:
 * it reads the p values (seen from the window's first value, as it was trained), its last output is the forecast
 * of x_{t+1}, and each further step is fed the forecast before it (the state carried), as freeRun does for one
 * sequence.
 */
export function rnnForecasts(net: Network, w: Windows): Forecasts {
  const { p, k, N } = w;
  const out = new Float64Array(N * k);
  if (N === 0) return out;
  const inputs = new Float64Array(p * N);
  for (let n = 0; n < N; n++) for (let t = 0; t < p; t++) inputs[t * N + n] = w.inputs[n * p + t] - w.inputs[n * p];
  net.forward({ T: p, B: N, inputs });
  let y = net.outputs().subarray((p - 1) * N, p * N);
  for (let j = 0; j < k; j++) {
    for (let n = 0; n < N; n++) out[n * k + j] = y[n] + w.inputs[n * p];
    if (j + 1 < k) {
      net.forward({ T: 1, B: N, inputs: y.slice() }, { initialState: "carry" });
      y = net.outputs();
    }
  }
  return out;
}
