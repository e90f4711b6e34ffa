// test/data/forecast.test.ts: series loading, the chronological split, normalisation, windows, baselines and metrics.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  arForecast, DenseForecaster, fitAr, fitDense, forecastMetrics, maseScale, persistence, runBaselines, scoreForecasts,
  seasonalNaive,
} from "../../src/data/baselines";
import {
  addLast, chronologicalSplit, makeForecastProblem, makeWindows, normalisationFromTraining, parseSeriesCsv, randomWalk,
  relativeToLast, SERIES, windowsAsBatch,
} from "../../src/data/forecast";
import { leastSquares } from "../../src/data/leastSquares";
import { DataInputError } from "../../src/data/messages";
import { createRng } from "../../src/engine/rng";

const readData = (file: string): string => readFileSync(join(__dirname, "../../public/data", file), "utf8");

function problemOf(fn: () => unknown): DataInputError["problem"] {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataInputError) return e.problem;
    throw e;
  }
  throw new Error("expected a DataInputError");
}

/** Independent reference: the normal equations XᵀX β = Xᵀy solved by Gaussian elimination with partial pivoting. */
function normalEquations(X: Float64Array, y: Float64Array, N: number, m: number): Float64Array {
  const A = Array.from({ length: m }, () => new Array<number>(m + 1).fill(0));
  for (let i = 0; i < N; i++) {
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < m; c++) A[r][c] += X[i * m + r] * X[i * m + c];
      A[r][m] += X[i * m + r] * y[i];
    }
  }
  for (let c = 0; c < m; c++) {
    let piv = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    [A[c], A[piv]] = [A[piv], A[c]];
    for (let r = c + 1; r < m; r++) {
      const f = A[r][c] / A[c][c];
      for (let k = c; k <= m; k++) A[r][k] -= f * A[c][k];
    }
  }
  const beta = new Float64Array(m);
  for (let r = m - 1; r >= 0; r--) {
    let v = A[r][m];
    for (let c = r + 1; c < m; c++) v -= A[r][c] * beta[c];
    beta[r] = v / A[r][r];
  }
  return beta;
}

function ar2Series(n: number, noise: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const x = new Float64Array(n);
  x[0] = 1;
  x[1] = 0.5;
  for (let t = 2; t < n; t++) x[t] = 0.5 + 0.6 * x[t - 1] - 0.3 * x[t - 2] + noise * rng.normal();
  return x;
}

describe("series files", () => {
  it("births 1969–1988 has one value per day, from 1969-01-01, and the weekly season the baselines rely on", () => {
    const s = parseSeriesCsv(readData("births-1969-1988.csv"), "births-1969-1988.csv");
    expect(s.values.length).toBe(7305);
    expect(s.labels[0]).toBe("1969-01-01");
    expect(s.values[0]).toBe(8486);
    expect(s.labels.at(-1)).toBe("1988-12-31");
    expect(s.name).toBe("births");
  });

  it("refuses a row that is not a number, naming the file and the line", () => {
    const p = problemOf(() => parseSeriesCsv("date,births\n2000-01-01,10\n2000-01-02,ten\n", "x.csv"));
    expect(p).toEqual({ code: "notNumber", values: { file: "x.csv", line: 3, text: "ten" } });
    expect(problemOf(() => parseSeriesCsv("date;births\n", "x.csv")).code).toBe("badHeader");
    expect(problemOf(() => parseSeriesCsv("date,births\n2000,1,2\n", "x.csv"))).toMatchObject({ code: "badRow", values: { line: 2 } });
  });

  it("every built-in file parses", () => {
    for (const info of Object.values(SERIES)) {
      if (info.file === null) continue;
      const s = parseSeriesCsv(readData(info.file), info.file);
      expect(s.values.length, info.file).toBeGreaterThan(5000);
      expect(s.values.every(Number.isFinite), info.file).toBe(true);
    }
  });
});

describe("random walk", () => {
  it("is seeded, and its log returns have the asked drift and volatility", () => {
    const a = randomWalk({ length: 20_000, seed: 3, volatility: 0.01 });
    expect(randomWalk({ length: 20_000, seed: 3, volatility: 0.01 }).values).toEqual(a.values);
    expect(randomWalk({ length: 20_000, seed: 4, volatility: 0.01 }).values).not.toEqual(a.values);
    expect(a.values[0]).toBe(100);
    const r = Array.from({ length: 19_999 }, (_, t) => Math.log(a.values[t + 1] / a.values[t]));
    const mean = r.reduce((s, v) => s + v, 0) / r.length;
    const sd = Math.sqrt(r.reduce((s, v) => s + (v - mean) ** 2, 0) / r.length);
    // Standard error of the mean is 0.01 / √20000 ≈ 7e-5; of the sd about 5e-5: 5 and 4 standard errors of room.
    expect(Math.abs(mean)).toBeLessThan(3.5e-4);
    expect(Math.abs(sd - 0.01)).toBeLessThan(2e-4);
  });
});

describe("split, normalisation and windows", () => {
  it("splits in time order", () => {
    expect(chronologicalSplit(100, 0.15, 0.15)).toEqual({ n: 100, trainEnd: 70, validationEnd: 85 });
    expect(() => chronologicalSplit(100, 0.5, 0.5)).toThrow(RangeError);
  });

  it("normalises with the training range's mean and std only", () => {
    const v = Float64Array.from([1, 2, 3, 1000, 2000]);
    const { mean, std } = normalisationFromTraining(v, 3);
    expect(mean).toBe(2);
    expect(std).toBeCloseTo(Math.sqrt(2 / 3), 15);
    expect(normalisationFromTraining(Float64Array.from([5, 5, 5]), 3)).toEqual({ mean: 5, std: 1 });
  });

  it("windows end at each origin t: inputs x_{t−p+1…t}, targets x_{t+1…t+k} inside [from, to)", () => {
    const x = Float64Array.from({ length: 10 }, (_, i) => i);
    const w = makeWindows(x, 3, 2, 5, 10);
    expect(Array.from(w.origins)).toEqual([4, 5, 6, 7]);
    expect(Array.from(w.inputs.subarray(0, 3))).toEqual([2, 3, 4]);
    expect(Array.from(w.targets.subarray(0, 2))).toEqual([5, 6]);
    expect(Array.from(w.targets.subarray(6, 8))).toEqual([8, 9]);
    // From the start, the first origin needs p values of history.
    expect(makeWindows(x, 3, 1, 0, 5).origins[0]).toBe(2);
  });

  it("windows become a time-major engine batch for output \"last\"", () => {
    const x = Float64Array.from({ length: 10 }, (_, i) => i);
    const w = makeWindows(x, 3, 2, 5, 10);
    const b = windowsAsBatch(w, [0, 2]);
    expect([b.T, b.B]).toEqual([3, 2]);
    // Window 0 reads 2, 3, 4; window 2 reads 4, 5, 6: [T][B][1].
    expect(Array.from(b.inputs)).toEqual([2, 4, 3, 5, 4, 6]);
    expect(Array.from(b.targets)).toEqual([5, 6, 7, 8]);
  });

  it("a forecast problem's parts do not overlap in their targets, and a short series is refused", () => {
    const x = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i / 3));
    const pr = makeForecastProblem(x, { p: 5, k: 3, period: 1 });
    const lastTarget = (w: typeof pr.train): number => w.origins[w.N - 1] + w.k;
    expect(lastTarget(pr.train)).toBe(pr.split.trainEnd - 1);
    expect(pr.validation.origins[0] + 1).toBe(pr.split.trainEnd);
    expect(lastTarget(pr.validation)).toBe(pr.split.validationEnd - 1);
    expect(pr.test.origins[0] + 1).toBe(pr.split.validationEnd);
    const p = problemOf(() => makeForecastProblem(x.slice(0, 20), { p: 5, k: 3, period: 7 }));
    expect(p.code).toBe("seriesTooShort");
    // The minimum it names is enough.
    const min = (p.values as { min: number }).min;
    expect(() => makeForecastProblem(Float64Array.from({ length: min }, (_, i) => Math.sin(i)), { p: 5, k: 3, period: 7 })).not.toThrow();
  });
});

describe("naive baselines", () => {
  const x = Float64Array.from({ length: 30 }, (_, i) => i * i);
  const w = makeWindows(x, 3, 4, 20, 30);

  it("persistence repeats the last value", () => {
    const f = persistence(w);
    expect(Array.from(f.subarray(0, 4))).toEqual([19 * 19, 19 * 19, 19 * 19, 19 * 19]);
  });

  it("seasonal naive repeats the last season", () => {
    // Origin t = 19, m = 3: x̂_{20} = x_{17}, x̂_{21} = x_{18}, x̂_{22} = x_{19}, x̂_{23} = x_{20 − 3} = x_{17}.
    const f = seasonalNaive(w, x, 3);
    expect(Array.from(f.subarray(0, 4))).toEqual([17 * 17, 18 * 18, 19 * 19, 17 * 17]);
    expect(seasonalNaive(w, x, 1)).toEqual(persistence(w));
  });
});

describe("AR(p) by least squares", () => {
  it("matches the normal equations on a noisy AR(2) series and is near the true coefficients", () => {
    const x = ar2Series(5000, 0.2, 11);
    const w = makeWindows(x, 2, 1, 0, x.length);
    const model = fitAr(w, 0);
    const m = 3;
    const X = new Float64Array(w.N * m);
    const y = new Float64Array(w.N);
    for (let n = 0; n < w.N; n++) {
      X[n * m] = 1;
      X[n * m + 1] = w.inputs[n * 2 + 1];
      X[n * m + 2] = w.inputs[n * 2];
      y[n] = w.targets[n];
    }
    const ref = normalEquations(X, y, w.N, m);
    // A well-conditioned 3×3 system: QR and the normal equations agree to rounding (cond ≈ 10, N = 5000).
    expect(model.intercept).toBeCloseTo(ref[0], 10);
    expect(model.coefficients[0]).toBeCloseTo(ref[1], 10);
    expect(model.coefficients[1]).toBeCloseTo(ref[2], 10);
    // Sampling error of the estimates is about 0.2 / √5000 / sd(x) ≈ 0.01: 0.05 is five times that.
    expect(Math.abs(model.intercept - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(model.coefficients[0] - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(model.coefficients[1] + 0.3)).toBeLessThan(0.05);
  });

  it("recovers a noise-free AR(2) exactly and iterates it k steps", () => {
    const x = ar2Series(60, 0, 1);
    const model = fitAr(makeWindows(x, 2, 1, 0, 40), 0);
    expect(model.coefficients[0]).toBeCloseTo(0.6, 9);
    expect(model.coefficients[1]).toBeCloseTo(-0.3, 9);
    const w = makeWindows(x, 2, 5, 40, 60);
    const f = arForecast(model, w);
    for (let i = 0; i < f.length; i++) expect(f[i]).toBeCloseTo(w.targets[i], 8);
  });

  it("refuses a rank-deficient fit without a ridge and solves the ridge problem with one", () => {
    // Columns 1 and 2 are equal.
    const N = 6;
    const X = new Float64Array(N * 3);
    const y = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      X[i * 3] = 1;
      X[i * 3 + 1] = X[i * 3 + 2] = i;
      y[i] = 2 + 3 * i;
    }
    expect(() => leastSquares(X, y, N, 3)).toThrow(/combination/);
    const lambda = 0.5;
    const beta = leastSquares(X, y, N, 3, lambda, [0]);
    // Reference: (XᵀX + λ diag(0, 1, 1)) β = Xᵀy, via the normal equations of the augmented matrix.
    const Xa = new Float64Array((N + 2) * 3);
    Xa.set(X);
    Xa[N * 3 + 1] = Math.sqrt(lambda);
    Xa[(N + 1) * 3 + 2] = Math.sqrt(lambda);
    const ya = new Float64Array(N + 2);
    ya.set(y);
    const ref = normalEquations(Xa, ya, N + 2, 3);
    for (let j = 0; j < 3; j++) expect(beta[j]).toBeCloseTo(ref[j], 9);
    expect(beta[1]).toBeCloseTo(beta[2], 12);
  });
});

describe("dense network", () => {
  it("its gradient matches central differences", () => {
    const x = Float64Array.from({ length: 40 }, (_, i) => Math.sin(i / 2) + 0.1 * Math.cos(i));
    const w = makeWindows(x, 4, 2, 0, 40);
    const net = new DenseForecaster(4, 2, { hidden: 5, seed: 2 });
    const rows = [0, 3, 7, 11];
    const grad = new Float64Array(net.theta.length);
    net.lossAndGradient(w, rows, grad);
    const scratch = new Float64Array(net.theta.length);
    const h = 1e-6;
    for (let i = 0; i < net.theta.length; i++) {
      const keep = net.theta[i];
      net.theta[i] = keep + h;
      const up = net.lossAndGradient(w, rows, scratch);
      net.theta[i] = keep - h;
      const down = net.lossAndGradient(w, rows, scratch);
      net.theta[i] = keep;
      const numeric = (up - down) / (2 * h);
      // Central differences have O(h²) ≈ 1e-12 truncation and ~1e-10 rounding error on a loss of order 1.
      expect(Math.abs(numeric - grad[i]), `θ[${i}]`).toBeLessThan(1e-7 + 1e-6 * Math.abs(grad[i]));
    }
  });

  it("learns a sine from windows of 8 values (validation error falls far below persistence's)", () => {
    const x = Float64Array.from({ length: 600 }, (_, i) => Math.sin((2 * Math.PI * i) / 25));
    const pr = makeForecastProblem(x, { p: 8, k: 1, period: 25 });
    const report = runBaselines(pr, { hidden: 16, seed: 1, epochs: 40 });
    const row = (name: string) => report.rows.find((r) => r.name === name)!;
    expect(row("dense").validation.rmse).toBeLessThan(0.2 * row("persistence").validation.rmse);
    // Noise-free and linear-predictable: AR(8) is near exact.
    expect(row("ar").test.mae).toBeLessThan(1e-6);
    // A pure sine repeats every 25 steps: the seasonal naive is exact too.
    expect(row("seasonalNaive").test.mae).toBeLessThan(1e-9);
  });
});

describe("relative windows", () => {
  it("read the window from its last value, and addLast undoes it", () => {
    const x = Float64Array.from([5, 7, 4, 9, 10, 12]);
    const w = makeWindows(x, 3, 2, 3, 6);
    const r = relativeToLast(w);
    expect(Array.from(r.inputs.subarray(0, 3))).toEqual([5 - 4, 7 - 4, 0]);
    expect(Array.from(r.targets.subarray(0, 2))).toEqual([9 - 4, 10 - 4]);
    expect(addLast(r.targets, w)).toEqual(w.targets);
  });

  it("keep the dense network sane where the test range leaves the training range's levels (the sensor cools)", () => {
    const s = parseSeriesCsv(readData("sensor-temperature.csv"), "sensor");
    const pr = makeForecastProblem(s.values, { p: 14, k: 1, period: 1 });
    const mase = (relative: boolean): number => {
      const fit = fitDense(pr, { hidden: 16, seed: 1, epochs: 4, relative });
      return scoreForecasts(pr, "test", fit.forecast(pr.test)).mase;
    };
    const persistenceMase = scoreForecasts(pr, "test", persistence(pr.test)).mase;
    expect(mase(true)).toBeLessThan(1.5 * persistenceMase);
    expect(mase(false)).toBeGreaterThan(5 * persistenceMase);
  });
});

describe("metrics", () => {
  it("MAE, RMSE, MASE and MAE by step on a hand-worked case", () => {
    // Errors 1, 0, −2, 2 over two windows of k = 2.
    const m = forecastMetrics(Float64Array.from([3, 2, 1, 7]), Float64Array.from([2, 2, 3, 5]), 2, 0.5);
    expect(m.mae).toBeCloseTo(5 / 4, 15);
    expect(m.rmse).toBeCloseTo(Math.sqrt(9 / 4), 15);
    expect(m.mase).toBeCloseTo(5 / 4 / 0.5, 15);
    expect(Array.from(m.maeByStep)).toEqual([1.5, 1]);
  });

  it("the MASE scale is the in-sample seasonal naive MAE on the training range", () => {
    const v = Float64Array.from([1, 3, 2, 6, 100]);
    expect(maseScale(v, 4, 1)).toBeCloseTo(7 / 3, 15);
    expect(maseScale(v, 4, 2)).toBeCloseTo((1 + 3) / 2, 15);
  });
});

describe("baselines on the built-in series (the claims the labs make)", () => {
  it("on a random walk nothing beats persistence", () => {
    const pr = makeForecastProblem(randomWalk({ length: 2000, seed: 1 }).values, { p: 14, k: 1, period: 1 });
    const report = runBaselines(pr, { hidden: 32, seed: 1, epochs: 10 });
    const persist = report.rows.find((r) => r.name === "persistence")!.test.mae;
    for (const r of report.rows) expect(r.test.mae, r.name).toBeGreaterThanOrEqual(0.99 * persist);
  });

  it("on births the weekly season is learnable: seasonal naive and AR(14) far beat persistence", () => {
    const s = parseSeriesCsv(readData("births-1969-1988.csv"), "births");
    const pr = makeForecastProblem(s.values, { p: 14, k: 1, period: 7 });
    const report = runBaselines(pr, { hidden: 16, seed: 1, epochs: 5 });
    const mae = (name: string): number => report.rows.find((r) => r.name === name)!.test.mae;
    expect(mae("seasonalNaive")).toBeLessThan(0.5 * mae("persistence"));
    expect(mae("ar")).toBeLessThan(mae("seasonalNaive"));
    expect(mae("dense")).toBeLessThan(0.5 * mae("persistence"));
  });
});
