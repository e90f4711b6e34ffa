// src/engine/generate.ts: using a trained network: one-step predictions, free-running series, character sampling.
import { EngineError } from "./errors";
import type { Network } from "./network";
import { createRng } from "./rng";

/**
 * Teacher-forced one-step prediction (evaluation mode: no dropout): the network reads the true inputs [T][B][D] and its head gives the
 * prediction at every step. Returns the head outputs [T][B][O].
 */
export function predict(net: Network, inputs: Float64Array, T: number, B: number): Float64Array {
  net.forward({ T, B, inputs }, { training: false });
  return net.outputs();
}

export interface FreeRunResult {
  /** The prediction after each primer step (teacher-forced), [primerSteps][O]. */
  primed: Float64Array;
  /** The continuation, each output fed back as the next input, [steps][O]. */
  continuation: Float64Array;
}

/**
 * Reads a primer series [T0][D] one step at a time (teacher forcing), then runs free: each output becomes the
 * next input. Needs dense inputs with inputSize = outputSize (a next-value model) and outputs at every step.
 */
export function freeRun(net: Network, primer: Float64Array, steps: number): FreeRunResult {
  const c = net.config;
  if (c.inputKind !== "dense" || c.inputSize !== c.outputSize || c.outputMode !== "all" || c.loss !== "mse") {
    throw new EngineError("config", `Free-running needs a next-value model: dense inputs, MSE, outputs at every step and inputSize = outputSize (here ${c.inputSize} and ${c.outputSize}).`);
  }
  const D = c.inputSize;
  if (primer.length === 0 || primer.length % D !== 0) throw new EngineError("shape", `The primer must hold T0 ≥ 1 steps of ${D} values, but has ${primer.length} values.`);
  if (!(Number.isInteger(steps) && steps >= 0 && steps <= 100_000)) throw new EngineError("config", `steps must be a whole number from 0 to 100000, but is ${steps}.`);
  const T0 = primer.length / D;
  const primed = new Float64Array(T0 * D);
  const continuation = new Float64Array(steps * D);
  const x = new Float64Array(D);
  for (let t = 0; t < T0; t++) {
    x.set(primer.subarray(t * D, (t + 1) * D));
    net.forward({ T: 1, B: 1, inputs: x }, { initialState: t === 0 ? "zeros" : "carry", training: false });
    primed.set(net.outputs(), t * D);
  }
  x.set(primed.subarray((T0 - 1) * D));
  for (let s = 0; s < steps; s++) {
    net.forward({ T: 1, B: 1, inputs: x }, { initialState: "carry", training: false });
    const y = net.outputs();
    for (let j = 0; j < D; j++) {
      if (!Number.isFinite(y[j])) throw new EngineError("value", `The free-running output became ${y[j]} at step ${s + 1}.`);
    }
    continuation.set(y, s * D);
    x.set(y);
  }
  return { primed, continuation };
}

export interface SampleOptions {
  /** Symbols read before sampling starts (at least one). */
  prime: Int32Array;
  /** How many symbols to generate. */
  length: number;
  /** Softmax temperature; 0 takes the most likely symbol every time (argmax). */
  temperature: number;
  seed: number;
  /** How many of the most likely next symbols to report per step (default 5). */
  topK?: number;
}

export interface SampleStep {
  /** The symbol chosen. */
  index: number;
  /** The most likely candidates under the distribution sampled from, most likely first. */
  top: { index: number; p: number }[];
}

/**
 * Character sampling: read the prime, then draw each next symbol from softmax(y / temperature) and feed it back.
 * Same network, prime, temperature and seed: the same text.
 */
export function sampleSymbols(net: Network, o: SampleOptions): SampleStep[] {
  const c = net.config;
  if (c.inputKind !== "onehot" || c.loss !== "xent" || c.inputSize !== c.outputSize || c.outputMode !== "all") {
    throw new EngineError("config", "Sampling needs a character model: one-hot inputs, cross-entropy, outputs at every step, and as many classes as input symbols.");
  }
  if (!(o.prime instanceof Int32Array) || o.prime.length === 0) throw new EngineError("shape", "The prime must hold at least one symbol.");
  if (!(Number.isInteger(o.length) && o.length >= 0 && o.length <= 100_000)) throw new EngineError("config", `length must be a whole number from 0 to 100000, but is ${o.length}.`);
  if (!(Number.isFinite(o.temperature) && o.temperature >= 0 && o.temperature <= 100)) {
    throw new EngineError("config", `temperature must be a number from 0 to 100, but is ${o.temperature}.`);
  }
  const V = c.outputSize;
  const topK = Math.min(o.topK ?? 5, V);
  const rng = createRng(o.seed);
  const idx = new Int32Array(1);
  for (let t = 0; t < o.prime.length; t++) {
    idx[0] = o.prime[t];
    net.forward({ T: 1, B: 1, inputIndices: idx }, { initialState: t === 0 ? "zeros" : "carry", training: false });
  }
  const p = new Float64Array(V);
  const steps: SampleStep[] = [];
  for (let s = 0; s < o.length; s++) {
    const y = net.outputs();
    // softmax(y / τ); at τ = 0 the distribution shown is the model's own (τ = 1) and the choice is its argmax.
    const tau = o.temperature === 0 ? 1 : o.temperature;
    let max = -Infinity;
    for (let j = 0; j < V; j++) max = Math.max(max, y[j] / tau);
    let sum = 0;
    for (let j = 0; j < V; j++) {
      p[j] = Math.exp(y[j] / tau - max);
      sum += p[j];
    }
    let argmax = 0;
    for (let j = 0; j < V; j++) {
      p[j] /= sum;
      if (p[j] > p[argmax]) argmax = j;
    }
    let choice = argmax;
    if (o.temperature > 0) {
      let u = rng.next();
      choice = V - 1;
      for (let j = 0; j < V; j++) {
        u -= p[j];
        if (u < 0) {
          choice = j;
          break;
        }
      }
    }
    const order = Array.from(p.keys()).sort((a, b) => p[b] - p[a]).slice(0, topK);
    steps.push({ index: choice, top: order.map((j) => ({ index: j, p: p[j] })) });
    idx[0] = choice;
    net.forward({ T: 1, B: 1, inputIndices: idx }, { initialState: "carry", training: false });
  }
  return steps;
}
