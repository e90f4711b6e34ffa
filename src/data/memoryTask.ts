// src/data/memoryTask.ts: "recall the first symbol after T steps", a task only long memory can solve.
//
// Each sequence starts with one of K "value" symbols, followed by T − 1 distractor symbols drawn at random
// from N others. At the last step the network must name the first symbol (many-to-one, cross-entropy over
// K classes). Nothing after step 0 says anything about the answer, so the gradient that teaches the network
// to keep it must travel back all T − 1 steps: exactly the path that vanishes in a tanh-RNN.
import { createRng, type Batch, type Rng } from "../engine";

export interface MemoryTaskSpec {
  /** T: steps per sequence, the first symbol included. */
  seqLength: number;
  /** K: how many values the first symbol can take (the number of classes; chance accuracy is 1/K). */
  numClasses: number;
  /** N: how many distractor symbols fill steps 1…T−1. */
  numDistractors: number;
  /** B: sequences per training batch. */
  batchSize: number;
}

export const MEMORY_LIMITS = {
  minSeqLength: 2,
  maxSeqLength: 1000,
  minClasses: 2,
  maxClasses: 16,
  minDistractors: 1,
  maxDistractors: 16,
  maxBatchSize: 512,
} as const;

/** The one-hot vocabulary: K values then N distractors. */
export function memoryVocabSize(spec: MemoryTaskSpec): number {
  return spec.numClasses + spec.numDistractors;
}

/** Throws a RangeError naming the bad field and its allowed range. */
export function checkMemorySpec(spec: MemoryTaskSpec): void {
  const check = (name: string, v: number, lo: number, hi: number): void => {
    if (!(Number.isInteger(v) && v >= lo && v <= hi)) throw new RangeError(`Memory task: ${name} must be a whole number from ${lo} to ${hi}, but is ${v}.`);
  };
  const L = MEMORY_LIMITS;
  check("seqLength", spec.seqLength, L.minSeqLength, L.maxSeqLength);
  check("numClasses", spec.numClasses, L.minClasses, L.maxClasses);
  check("numDistractors", spec.numDistractors, L.minDistractors, L.maxDistractors);
  check("batchSize", spec.batchSize, 1, L.maxBatchSize);
}

/** B fresh sequences drawn with `rng`: inputIndices [T][B], targetIndices [B]. */
export function drawMemoryBatch(spec: MemoryTaskSpec, B: number, rng: Rng): Batch & { inputIndices: Int32Array; targetIndices: Int32Array } {
  const T = spec.seqLength;
  const K = spec.numClasses;
  const N = spec.numDistractors;
  const inputIndices = new Int32Array(T * B);
  const targetIndices = new Int32Array(B);
  for (let b = 0; b < B; b++) {
    const value = rng.int(K);
    targetIndices[b] = value;
    inputIndices[b] = value; // t = 0
    for (let t = 1; t < T; t++) inputIndices[t * B + b] = K + rng.int(N);
  }
  return { T, B, inputIndices, targetIndices };
}

/**
 * Training batches addressed by step, plus a fixed held-out set: batch k depends only on (seed, k), so every
 * network sees the same batches, a replay sees them again, and a restarted worker resumes mid-stream.
 */
export class MemoryTask {
  readonly spec: MemoryTaskSpec;
  private readonly seed: number;
  /** Held-out sequences for accuracy, drawn once from a stream no training batch uses. */
  readonly heldOut: Batch & { inputIndices: Int32Array; targetIndices: Int32Array };

  constructor(spec: MemoryTaskSpec, seed: number, heldOutSize = 128) {
    checkMemorySpec(spec);
    this.spec = spec;
    this.seed = seed;
    this.heldOut = drawMemoryBatch(spec, heldOutSize, createRng(streamSeed(seed, 0xffffffff)));
  }

  get vocabSize(): number {
    return memoryVocabSize(this.spec);
  }

  /** The training batch of step k (0-based). */
  batchAt(k: number): Batch & { inputIndices: Int32Array; targetIndices: Int32Array } {
    return drawMemoryBatch(this.spec, this.spec.batchSize, createRng(streamSeed(this.seed, k)));
  }
}

/**
 * A 32-bit seed for stream k of `seed` (murmur3's finaliser over both): nearby (seed, k) pairs give unrelated
 * seeds. Plain seed + k would not do: the RNG's seeding steps by a fixed constant, so seeds that differ by it
 * would give overlapping streams.
 */
function streamSeed(seed: number, k: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x3c6ef372, 0x85ebca6b) ^ Math.imul((k >>> 0) + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Fraction of rows of `outputs` [B][K] whose largest logit is at the target class. */
export function accuracyOf(outputs: Float64Array, targets: Int32Array, K: number): number {
  const B = targets.length;
  let correct = 0;
  for (let b = 0; b < B; b++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (outputs[b * K + k] > outputs[b * K + best]) best = k;
    if (best === targets[b]) correct++;
  }
  return B > 0 ? correct / B : NaN;
}
