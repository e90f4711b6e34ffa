// src/data/lookahead.ts: a tagging task where each position's label is the symbol `offset` steps away, for the
// bidirectional demo: with offset > 0 the answer lies in the future, which only a bidirectional network reads.
// Batches are engine v2's (docs/conformance.md): token ids inputs [T][B], targets [T][B] class ids (−100 = no label),
// for `output: "all"` with `loss: "xent"`, V classes.
import { createRng, type Rng } from "../engine/rng";

export interface LookaheadSpec {
  /** Sequence length. */
  T: number;
  /** Symbols (and classes): ids 0 … V−1. */
  V: number;
  /** label_t = x_{t+offset}: +1 the next symbol (needs the future), −1 the previous one (a unidirectional network can). */
  offset: number;
}

export interface LookaheadBatch {
  readonly T: number;
  readonly B: number;
  /** Symbol ids [T][B], uniform over 0 … V−1. */
  readonly inputs: Int32Array;
  /** x_{t+offset} [T][B]; −100 where t + offset falls outside the sequence. */
  readonly targets: Int32Array;
}

export const NO_LABEL = -100;

/** One batch of B random sequences drawn from `rng`. */
export function lookaheadBatch(spec: LookaheadSpec, B: number, rng: Rng): LookaheadBatch {
  const { T, V, offset } = spec;
  if (!(Number.isInteger(offset) && offset !== 0 && Math.abs(offset) < T)) throw new RangeError(`offset ${offset} must be a non-zero integer with |offset| < T = ${T}.`);
  const inputs = new Int32Array(T * B);
  const targets = new Int32Array(T * B).fill(NO_LABEL);
  for (let i = 0; i < T * B; i++) inputs[i] = rng.int(V);
  for (let t = 0; t < T; t++) {
    const s = t + offset;
    if (s < 0 || s >= T) continue;
    for (let b = 0; b < B; b++) targets[t * B + b] = inputs[s * B + b];
  }
  return { T, B, inputs, targets };
}

/** A seeded stream of fresh batches (new sequences every call, so there is nothing to memorise). */
export function lookaheadStream(spec: LookaheadSpec, B: number, seed: number): () => LookaheadBatch {
  const rng = createRng(seed);
  return () => lookaheadBatch(spec, B, rng);
}

/**
 * Best accuracy a unidirectional network can reach on the labelled positions: with offset < 0 it has read the
 * answer (1); with offset > 0 the answer is a fresh uniform symbol it has not seen (1 / V). A bidirectional one
 * can reach 1 either way.
 */
export function unidirectionalCeiling(spec: LookaheadSpec): number {
  return spec.offset < 0 ? 1 : 1 / spec.V;
}
