// test/audio/baseline.ts: simple classifiers on time-pooled features, to measure how separable the speech set is.

import type { FeatureFrames } from "../../src/audio/features";

/** A fixed-size summary of a clip: the mean of each band over three equal thirds of the clip, then over all of it. */
export function pooledFeatures(f: FeatureFrames): Float64Array {
  const parts = 3;
  const out = new Float64Array((parts + 1) * f.D);
  for (let p = 0; p <= parts; p++) {
    const a = p === parts ? 0 : Math.floor((p * f.T) / parts);
    const b = p === parts ? f.T : Math.max(a + 1, Math.floor(((p + 1) * f.T) / parts));
    for (let t = a; t < b && t < f.T; t++) {
      for (let d = 0; d < f.D; d++) out[p * f.D + d] += f.data[t * f.D + d] / (b - a);
    }
  }
  return out;
}

interface Labelled {
  readonly x: Float64Array;
  readonly y: number;
}

/** Accuracy on `test` of assigning each example to the nearest class mean of `train` (Euclidean). */
export function nearestCentroidAccuracy(train: readonly Labelled[], test: readonly Labelled[], classes: number): number {
  const n = train[0].x.length;
  const means = Array.from({ length: classes }, () => new Float64Array(n));
  const counts = new Float64Array(classes);
  for (const { x, y } of train) {
    counts[y]++;
    for (let i = 0; i < n; i++) means[y][i] += x[i];
  }
  for (let c = 0; c < classes; c++) for (let i = 0; i < n; i++) means[c][i] /= Math.max(1, counts[c]);
  let right = 0;
  for (const { x, y } of test) {
    let best = -1, bestD = Infinity;
    for (let c = 0; c < classes; c++) {
      let d = 0;
      for (let i = 0; i < n; i++) d += (x[i] - means[c][i]) ** 2;
      if (d < bestD) [best, bestD] = [c, d];
    }
    if (best === y) right++;
  }
  return right / test.length;
}

/** Multinomial logistic regression, full-batch gradient descent (300 steps, L2 1e-3): train and test accuracy. */
export function softmaxRegressionAccuracy(train: readonly Labelled[], test: readonly Labelled[], classes: number): { train: number; test: number } {
  const n = train[0].x.length + 1; // + bias
  const W = new Float64Array(classes * n);
  const p = new Float64Array(classes);
  const grad = new Float64Array(classes * n);
  const scores = (x: Float64Array): Float64Array => {
    let max = -Infinity;
    for (let c = 0; c < classes; c++) {
      let s = W[c * n + n - 1];
      for (let i = 0; i < n - 1; i++) s += W[c * n + i] * x[i];
      p[c] = s;
      max = Math.max(max, s);
    }
    let z = 0;
    for (let c = 0; c < classes; c++) z += p[c] = Math.exp(p[c] - max);
    for (let c = 0; c < classes; c++) p[c] /= z;
    return p;
  };
  for (let step = 0; step < 300; step++) {
    grad.fill(0);
    for (const { x, y } of train) {
      scores(x);
      for (let c = 0; c < classes; c++) {
        const g = (p[c] - (c === y ? 1 : 0)) / train.length;
        for (let i = 0; i < n - 1; i++) grad[c * n + i] += g * x[i];
        grad[c * n + n - 1] += g;
      }
    }
    for (let i = 0; i < W.length; i++) W[i] -= 0.5 * (grad[i] + 1e-3 * W[i]);
  }
  const accuracy = (xs: readonly Labelled[]): number => {
    let right = 0;
    for (const { x, y } of xs) {
      scores(x);
      let best = 0;
      for (let c = 1; c < classes; c++) if (p[c] > p[best]) best = c;
      if (best === y) right++;
    }
    return right / xs.length;
  };
  return { train: accuracy(train), test: accuracy(test) };
}
