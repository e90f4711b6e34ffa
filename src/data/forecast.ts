// src/data/forecast.ts: real and generated series for forecasting: loaders, a chronological split, normalisation, windows.
// Pure: no DOM, usable in a worker. Baselines and metrics over these windows are in baselines.ts.
import type { Batch } from "../engine/batch";
import { createRng } from "../engine/rng";
import { DataInputError, excerpt } from "./messages";

/** The built-in series. `file` is under public/data (fetched on demand); `randomWalk` is generated. */
export type SeriesId = "births1969" | "births2000" | "sensor" | "randomWalk";

export interface SeriesInfo {
  readonly id: SeriesId;
  /** File under public/data, or null for a generated series. */
  readonly file: string | null;
  /** Seasonal period in steps for the seasonal naive baseline and the MASE scale (1 = no season: naive). */
  readonly period: number;
  /** What one step is, and the unit of the values, for axis labels. */
  readonly step: "day" | "5 s" | "trading day";
  readonly unit: string;
}

export const SERIES: Readonly<Record<SeriesId, SeriesInfo>> = {
  // Births: a strong weekly season (fewer births at weekends, planned inductions and caesareans on weekdays).
  births1969: { id: "births1969", file: "births-1969-1988.csv", period: 7, step: "day", unit: "births" },
  births2000: { id: "births2000", file: "births-2000-2014.csv", period: 7, step: "day", unit: "births" },
  // The sensor has no season over its 7 hours: its seasonal naive is persistence.
  sensor: { id: "sensor", file: "sensor-temperature.csv", period: 1, step: "5 s", unit: "°C" },
  randomWalk: { id: "randomWalk", file: null, period: 1, step: "trading day", unit: "price" },
};

export interface LoadedSeries {
  /** The first column as written (an ISO date, or seconds since the first reading). */
  readonly labels: readonly string[];
  readonly values: Float64Array;
  /** The header of the value column. */
  readonly name: string;
}

/**
 * Parses one of the extracts (`date,births` or `seconds,temperature`): a header line, then `label,number` rows.
 * `file` names the file in messages.
 */
export function parseSeriesCsv(text: string, file: string): LoadedSeries {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
  if (lines.length === 0) throw new DataInputError({ code: "empty", values: {} });
  const head = lines[0].split(",");
  if (head.length !== 2) throw new DataInputError({ code: "badHeader", values: { file, expected: "label,value", found: excerpt(lines[0]) } });
  const n = lines.length - 1;
  const labels: string[] = new Array<string>(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = lines[i + 1];
    const comma = row.indexOf(",");
    if (comma < 0 || row.indexOf(",", comma + 1) >= 0) throw new DataInputError({ code: "badRow", values: { file, line: i + 2, text: excerpt(row) } });
    const cell = row.slice(comma + 1).trim();
    const v = Number(cell);
    if (cell === "" || !Number.isFinite(v)) throw new DataInputError({ code: "notNumber", values: { file, line: i + 2, text: excerpt(cell) } });
    labels[i] = row.slice(0, comma);
    values[i] = v;
  }
  return { labels, values, name: head[1].trim() };
}

export interface RandomWalkSpec {
  /** Number of values. */
  length: number;
  seed: number;
  /** First price. */
  start?: number;
  /** Mean log return per step. */
  drift?: number;
  /** Standard deviation of the log return per step. */
  volatility?: number;
}

/**
 * A "price" that moves by a random, independent log return each step: p_t = p_{t−1} · exp(μ + σ ε_t), ε_t ~ N(0, 1).
 * Nothing about tomorrow's return is in the past, so the best forecast of p_{t+k} is p_t (persistence): the
 * articles' stock example, without the illusion that a network could learn it.
 */
export function randomWalk(spec: RandomWalkSpec): LoadedSeries {
  const { length, seed, start = 100, drift = 0, volatility = 0.01 } = spec;
  const rng = createRng(seed);
  const values = new Float64Array(length);
  const labels: string[] = new Array<string>(length);
  let p = start;
  for (let t = 0; t < length; t++) {
    if (t > 0) p *= Math.exp(drift + volatility * rng.normal());
    values[t] = p;
    labels[t] = String(t);
  }
  return { labels, values, name: "price" };
}

/** Index ranges of a chronological split: train [0, trainEnd), validation [trainEnd, validationEnd), test [validationEnd, n). */
export interface ChronologicalSplit {
  readonly n: number;
  readonly trainEnd: number;
  readonly validationEnd: number;
}

/** Splits n steps in time order: the last `testFraction` is the test range, the `validationFraction` before it validation. */
export function chronologicalSplit(n: number, validationFraction: number, testFraction: number): ChronologicalSplit {
  if (!(validationFraction > 0 && testFraction > 0 && validationFraction + testFraction < 1)) {
    throw new RangeError(`validationFraction (${validationFraction}) and testFraction (${testFraction}) must be positive and sum to less than 1.`);
  }
  const validationEnd = n - Math.round(n * testFraction);
  const trainEnd = validationEnd - Math.round(n * validationFraction);
  return { n, trainEnd, validationEnd };
}

/** z = (x − mean) / std, with mean and std from the training range only (so no information leaks from the future). */
export interface Normalisation {
  readonly mean: number;
  readonly std: number;
}

/** Mean and (population) standard deviation of values[0 … trainEnd). A constant training range gets std 1. */
export function normalisationFromTraining(values: Float64Array, trainEnd: number): Normalisation {
  let mean = 0;
  for (let i = 0; i < trainEnd; i++) mean += values[i];
  mean /= trainEnd;
  let v = 0;
  for (let i = 0; i < trainEnd; i++) v += (values[i] - mean) ** 2;
  const std = Math.sqrt(v / trainEnd);
  return { mean, std: std > 0 ? std : 1 };
}

export function normalise(values: Float64Array, { mean, std }: Normalisation): Float64Array {
  return values.map((x) => (x - mean) / std);
}

export function denormalise(z: Float64Array, { mean, std }: Normalisation): Float64Array {
  return z.map((x) => x * std + mean);
}

/**
 * Windows for forecasting k steps ahead from the last p values: window i ends at time origin t = origins[i] and
 * has inputs x_{t−p+1} … x_t ([N][p], oldest first) and targets x_{t+1} … x_{t+k} ([N][k]).
 */
export interface Windows {
  readonly p: number;
  readonly k: number;
  readonly N: number;
  readonly origins: Int32Array; // [N]
  readonly inputs: Float64Array; // [N][p]
  readonly targets: Float64Array; // [N][k]
}

/**
 * Every window whose targets all lie in [from, to). Its inputs may reach back before `from`: forecasting the first
 * test days uses the days just before them, as a forecaster would. Origins are consecutive (stride 1).
 */
export function makeWindows(values: Float64Array, p: number, k: number, from: number, to: number): Windows {
  if (!(Number.isInteger(p) && p >= 1 && Number.isInteger(k) && k >= 1)) throw new RangeError(`p (${p}) and k (${k}) must be integers ≥ 1.`);
  const first = Math.max(p - 1, from - 1);
  const last = Math.min(to, values.length) - k; // origin t needs t + k < to
  const N = Math.max(0, last - first);
  const origins = new Int32Array(N);
  const inputs = new Float64Array(N * p);
  const targets = new Float64Array(N * k);
  for (let i = 0; i < N; i++) {
    const t = first + i;
    origins[i] = t;
    for (let j = 0; j < p; j++) inputs[i * p + j] = values[t - p + 1 + j];
    for (let j = 0; j < k; j++) targets[i * k + j] = values[t + 1 + j];
  }
  return { p, k, N, origins, inputs, targets };
}

/**
 * The same windows seen from their last value: inputs x_{t−p+1…t} − x_t, targets x_{t+1…t+k} − x_t. A model that
 * reads and predicts changes does not depend on the level, so a trend that takes the test range above anything in
 * the training range (births in the 1980s, a falling temperature) does not put it outside what it has seen.
 */
export function relativeToLast(w: Windows): Windows {
  const { p, k, N } = w;
  const inputs = new Float64Array(N * p);
  const targets = new Float64Array(N * k);
  for (let n = 0; n < N; n++) {
    const last = w.inputs[n * p + p - 1];
    for (let j = 0; j < p; j++) inputs[n * p + j] = w.inputs[n * p + j] - last;
    for (let j = 0; j < k; j++) targets[n * k + j] = w.targets[n * k + j] - last;
  }
  return { p, k, N, origins: w.origins, inputs, targets };
}

/** Forecasts of changes [N][k] (from a model trained on relativeToLast windows) back to levels: + x_t. */
export function addLast(changes: Float64Array, w: Windows): Float64Array {
  const out = new Float64Array(changes.length);
  for (let n = 0; n < w.N; n++) {
    const last = w.inputs[n * w.p + w.p - 1];
    for (let j = 0; j < w.k; j++) out[n * w.k + j] = changes[n * w.k + j] + last;
  }
  return out;
}

/**
 * Windows `rows` as an engine batch for a network that reads the window and answers at its end (`output: "last"`,
 * O = k, MSE): inputs [T = p][B][1] time-major, targets [B][k]. So an RNN is trained and scored on exactly the
 * windows the baselines see (score its forecasts with scoreForecasts in baselines.ts).
 */
export function windowsAsBatch(w: Windows, rows: ArrayLike<number>): Batch & { inputs: Float64Array; targets: Float64Array } {
  const B = rows.length;
  const inputs = new Float64Array(w.p * B);
  const targets = new Float64Array(B * w.k);
  for (let b = 0; b < B; b++) {
    const n = rows[b];
    for (let t = 0; t < w.p; t++) inputs[t * B + b] = w.inputs[n * w.p + t];
    for (let j = 0; j < w.k; j++) targets[b * w.k + j] = w.targets[n * w.k + j];
  }
  return { T: w.p, B, inputs, targets };
}

/** A series made ready for forecasting: raw and normalised values, the split, the windows of each part. */
export interface ForecastProblem {
  readonly values: Float64Array;
  readonly z: Float64Array;
  readonly normalisation: Normalisation;
  readonly split: ChronologicalSplit;
  readonly p: number;
  readonly k: number;
  readonly period: number;
  /** Windows over z (normalised) whose targets lie in each part. */
  readonly train: Windows;
  readonly validation: Windows;
  readonly test: Windows;
}

export interface ForecastSpec {
  /** Values the forecasters read (the window length). */
  p: number;
  /** Steps ahead to forecast. */
  k: number;
  /** Seasonal period (1 = none). */
  period: number;
  validationFraction?: number;
  testFraction?: number;
}

/** Splits in time, normalises from the training range, and cuts windows; refuses a series too short for it. */
export function makeForecastProblem(values: Float64Array, spec: ForecastSpec): ForecastProblem {
  const { p, k, period, validationFraction = 0.15, testFraction = 0.15 } = spec;
  const split = chronologicalSplit(values.length, validationFraction, testFraction);
  // Each part needs some windows, and the training part enough history for the seasonal scale.
  const minPart = k + 1;
  const trainFraction = 1 - validationFraction - testFraction;
  const min = Math.ceil(Math.max((p + k + period) / trainFraction, minPart / validationFraction, minPart / testFraction)) + 2;
  if (values.length < min || split.trainEnd < p + k + period || split.validationEnd - split.trainEnd < minPart || split.n - split.validationEnd < minPart) {
    throw new DataInputError({ code: "seriesTooShort", values: { length: values.length, min } });
  }
  const normalisation = normalisationFromTraining(values, split.trainEnd);
  const z = normalise(values, normalisation);
  return {
    values,
    z,
    normalisation,
    split,
    p,
    k,
    period,
    train: makeWindows(z, p, k, 0, split.trainEnd),
    validation: makeWindows(z, p, k, split.trainEnd, split.validationEnd),
    test: makeWindows(z, p, k, split.validationEnd, split.n),
  };
}
