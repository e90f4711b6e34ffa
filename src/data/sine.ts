// src/data/sine.ts: sums of sine waves with random frequency, amplitude and phase, plus noise: the playground's data.
import { createRng } from "../engine";
import type { SeriesDataset } from "./series";

export interface SineSpec {
  /** Number of sine components summed (1–3). */
  waves: number;
  /** Period range in timesteps (each wave draws its period from it). */
  periodMin: number;
  periodMax: number;
  /** Amplitude range. */
  ampMin: number;
  ampMax: number;
  /** Phase drawn uniformly in [0, phaseMax] radians. */
  phaseMax: number;
  /** Standard deviation of Gaussian noise added to every value. */
  noise: number;
  /** Steps the network reads per sequence. */
  seqLength: number;
  /** Predict x_{t+k}. */
  horizon: number;
  /** How many sequences to generate. */
  count: number;
  /** Fraction of sequences held out for validation. */
  validationFraction: number;
  seed: number;
}

/** How many steps past the window are generated, so free-running can be compared with the truth. */
export const FUTURE_STEPS = 50;

export function makeSineDataset(s: SineSpec): SeriesDataset {
  const rng = createRng(s.seed);
  const len = s.seqLength + s.horizon + FUTURE_STEPS;
  const all: Float64Array[] = [];
  for (let n = 0; n < s.count; n++) {
    const seq = new Float64Array(len);
    for (let w = 0; w < s.waves; w++) {
      const period = rng.uniform(s.periodMin, s.periodMax);
      const amp = rng.uniform(s.ampMin, s.ampMax);
      const phase = rng.uniform(0, s.phaseMax);
      for (let t = 0; t < len; t++) seq[t] += amp * Math.sin((2 * Math.PI * t) / period + phase);
    }
    if (s.noise > 0) for (let t = 0; t < len; t++) seq[t] += s.noise * rng.normal();
    all.push(seq);
  }
  const nVal = Math.max(1, Math.round(s.count * s.validationFraction));
  return {
    T: s.seqLength,
    horizon: s.horizon,
    future: FUTURE_STEPS,
    train: all.slice(nVal),
    validation: all.slice(0, nVal),
    mean: 0,
    std: 1,
  };
}
