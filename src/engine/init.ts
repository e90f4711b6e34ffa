// src/engine/init.ts: initial weights: PyTorch's default, Xavier, orthogonal, identity; W_hh scale or spectral radius.
import { gateCount, type ModelConfig } from "./config";
import { EngineError } from "./errors";
import type { ParamLayout } from "./layout";
import type { Rng } from "./rng";

export type InitScheme = "pytorch" | "xavier" | "orthogonal" | "identity";

export interface InitOptions {
  /** "pytorch": every weight and bias U(−1/√H, 1/√H), as nn.RNN/LSTM/GRU and nn.Linear do (the default). */
  scheme?: InitScheme;
  /** Multiplies W_hh after initialisation (ignored when spectralRadius is set). */
  recurrentScale?: number;
  /** Rescales each gate block of W_hh so its spectral radius is exactly this. */
  spectralRadius?: number;
  /** LSTM only: the forget gate's total bias (b_if = this, b_hf = 0); unset keeps the scheme's biases. */
  forgetBias?: number;
}

const SCHEMES: readonly InitScheme[] = ["pytorch", "xavier", "orthogonal", "identity"];

export function validateInit(o: InitOptions): void {
  if (o.scheme !== undefined && !SCHEMES.includes(o.scheme)) {
    throw new EngineError("config", `init scheme must be one of ${SCHEMES.join(", ")}, but is ${JSON.stringify(o.scheme)}.`);
  }
  const checkRange = (name: string, v: number | undefined, lo: number, hi: number): void => {
    if (v !== undefined && !(Number.isFinite(v) && v >= lo && v <= hi)) {
      throw new EngineError("config", `${name} must be a number from ${lo} to ${hi}, but is ${v}.`);
    }
  };
  checkRange("recurrentScale", o.recurrentScale, 0, 100);
  checkRange("spectralRadius", o.spectralRadius, 0, 100);
  checkRange("forgetBias", o.forgetBias, -100, 100);
}

/** Fills θ (a view of the whole parameter vector) in place. */
export function initParams(theta: Float64Array, c: ModelConfig, layout: ParamLayout, rng: Rng, o: InitOptions = {}): void {
  validateInit(o);
  const scheme = o.scheme ?? "pytorch";
  const G = gateCount(c.cell);
  const H = c.hiddenSize;
  const uniform = (off: number, n: number, bound: number): void => {
    for (let i = 0; i < n; i++) theta[off + i] = rng.uniform(-bound, bound);
  };
  if (layout.embedding >= 0) {
    // nn.Embedding's default: N(0, 1) entries.
    for (let i = 0; i < c.vocabSize * c.inputSize; i++) theta[layout.embedding + i] = rng.normal();
  }
  for (const L of layout.directions.flat()) {
    const Dk = L.inputSize;
    if (scheme === "pytorch") {
      const k = 1 / Math.sqrt(H);
      uniform(L.Wih, G * H * Dk, k);
      uniform(L.Whh, G * H * H, k);
      uniform(L.bih, G * H, k);
      uniform(L.bhh, G * H, k);
    } else {
      // Xavier per gate block: each block is its own H-output linear map.
      uniform(L.Wih, G * H * Dk, Math.sqrt(6 / (H + Dk)));
      for (let g = 0; g < G; g++) {
        const block = L.Whh + g * H * H;
        if (scheme === "xavier") uniform(block, H * H, Math.sqrt(6 / (2 * H)));
        else if (scheme === "orthogonal") orthogonal(theta, block, H, rng);
        else identity(theta, block, H);
      }
      theta.fill(0, L.bih, L.bih + G * H);
      theta.fill(0, L.bhh, L.bhh + G * H);
    }
    for (let g = 0; g < G; g++) {
      const block = L.Whh + g * H * H;
      if (o.spectralRadius !== undefined) {
        const rho = spectralRadius(theta, block, H);
        const s = rho > 0 ? o.spectralRadius / rho : 0;
        for (let i = 0; i < H * H; i++) theta[block + i] *= s;
      } else if (o.recurrentScale !== undefined) {
        for (let i = 0; i < H * H; i++) theta[block + i] *= o.recurrentScale;
      }
    }
    if (c.cell === "lstm" && o.forgetBias !== undefined) {
      theta.fill(o.forgetBias, L.bih + H, L.bih + 2 * H);
      theta.fill(0, L.bhh + H, L.bhh + 2 * H);
    }
  }
  const O = c.outputSize;
  const NH = (c.bidirectional ? 2 : 1) * H;
  if (scheme === "pytorch") {
    const k = 1 / Math.sqrt(NH); // nn.Linear(N·H, O)
    uniform(layout.Why, O * NH, k);
    uniform(layout.by, O, k);
  } else {
    uniform(layout.Why, O * NH, Math.sqrt(6 / (NH + O)));
    theta.fill(0, layout.by, layout.by + O);
  }
}

function identity(a: Float64Array, off: number, n: number): void {
  a.fill(0, off, off + n * n);
  for (let i = 0; i < n; i++) a[off + i * n + i] = 1;
}

/** A uniformly random orthogonal n×n matrix: Gram–Schmidt (twice, for stability) on Gaussian rows. */
function orthogonal(a: Float64Array, off: number, n: number, rng: Rng): void {
  for (let i = 0; i < n * n; i++) a[off + i] = rng.normal();
  for (let i = 0; i < n; i++) {
    const ri = off + i * n;
    for (let pass = 0; pass < 2; pass++) {
      for (let j = 0; j < i; j++) {
        const rj = off + j * n;
        let dot = 0;
        for (let k = 0; k < n; k++) dot += a[ri + k] * a[rj + k];
        for (let k = 0; k < n; k++) a[ri + k] -= dot * a[rj + k];
      }
    }
    let norm = 0;
    for (let k = 0; k < n; k++) norm += a[ri + k] * a[ri + k];
    norm = Math.sqrt(norm);
    for (let k = 0; k < n; k++) a[ri + k] /= norm;
  }
}

/**
 * Spectral radius ρ(W) of the n×n matrix at `off` (max |eigenvalue|), by Gelfand's formula ρ = lim ‖W^k v‖^{1/k}:
 * power iteration, renormalised each step, averaging the log growth over the last iterations. Unlike the plain
 * Rayleigh quotient this also converges when the dominant eigenvalues are a complex pair (random W usually).
 * Accuracy about 1% for n ≤ 512.
 */
export function spectralRadius(a: Float64Array, off: number, n: number, iterations = 600): number {
  if (!(Number.isInteger(n) && n >= 1 && Number.isInteger(off) && off >= 0 && off + n * n <= a.length)) {
    throw new EngineError("shape", `spectralRadius needs an n×n matrix inside the array: n = ${n} at offset ${off} does not fit ${a.length} values.`);
  }
  let v = new Float64Array(n);
  let w = new Float64Array(n);
  // A fixed, irregular start vector: deterministic and unlikely to be orthogonal to the dominant eigenspace.
  for (let i = 0; i < n; i++) v[i] = 1 + 0.5 * Math.sin(1.7 * i + 0.3);
  let logSum = 0;
  let counted = 0;
  const burnIn = Math.floor(iterations / 3);
  for (let it = 0; it < iterations; it++) {
    let norm = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      const row = off + i * n;
      for (let j = 0; j < n; j++) s += a[row + j] * v[j];
      w[i] = s;
      norm += s * s;
    }
    norm = Math.sqrt(norm);
    if (norm === 0 || !Number.isFinite(norm)) return norm === 0 ? 0 : Infinity;
    let vNorm = 0;
    for (let i = 0; i < n; i++) vNorm += v[i] * v[i];
    if (it >= burnIn) {
      logSum += Math.log(norm / Math.sqrt(vNorm));
      counted++;
    }
    for (let i = 0; i < n; i++) w[i] /= norm;
    const tmp = v;
    v = w;
    w = tmp;
  }
  return Math.exp(logSum / counted);
}
