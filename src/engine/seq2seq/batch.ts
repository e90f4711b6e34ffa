// src/engine/seq2seq/batch.ts: a batch of source/target pairs, time-major, and its checks (ids, lengths, padding).
import { EngineError } from "../errors";
import { SEQ2SEQ_LIMITS, type Seq2SeqConfig } from "./config";

/** PyTorch's CrossEntropyLoss ignore_index: targetOut holds it where there is nothing to predict. */
export const IGNORE_INDEX = -100;

export interface Seq2SeqBatch {
  /** S, the source steps (the longest source). */
  readonly S: number;
  /** U, the decoder steps. */
  readonly U: number;
  /** B, the number of pairs. */
  readonly B: number;
  /** [S][B] source ids; positions s ≥ sourceLengths[b] are padding (never read). */
  readonly source: Int32Array;
  /** [B] n_b in 1 … S. */
  readonly sourceLengths: Int32Array;
  /** [U][B] the decoder's input id at each step (teacher forcing). */
  readonly targetIn: Int32Array;
  /** [U][B] the id to predict, or IGNORE_INDEX. */
  readonly targetOut: Int32Array;
}

function where(s: number, b: number): string {
  return `step ${s} of pair ${b}`;
}

/**
 * Checks a batch against a model: sizes, lengths in 1 … S, ids at valid source positions in 0 … Vs − 1, targetIn ids in
 * 0 … Vt − 1, targetOut ids in 0 … Vt − 1 or −100, at least one target to predict. Throws EngineError with what was wrong.
 */
export function validateSeq2SeqBatch(c: Seq2SeqConfig, batch: Seq2SeqBatch): void {
  const { S, U, B } = batch;
  const dims: [string, number, number][] = [["S (source steps)", S, SEQ2SEQ_LIMITS.maxSteps], ["U (target steps)", U, SEQ2SEQ_LIMITS.maxSteps], ["B (batch)", B, SEQ2SEQ_LIMITS.maxBatch]];
  for (const [name, v, max] of dims) {
    if (!Number.isInteger(v) || v < 1 || v > max) throw new EngineError("shape", `${name} must be a whole number from 1 to ${max}, but is ${v}.`);
  }
  const sizes: [string, ArrayLike<number>, number][] = [["source", batch.source, S * B], ["sourceLengths", batch.sourceLengths, B], ["targetIn", batch.targetIn, U * B], ["targetOut", batch.targetOut, U * B]];
  for (const [name, a, n] of sizes) {
    if (a.length !== n) throw new EngineError("shape", `${name} has ${a.length} entries, but a batch of S=${S}, U=${U}, B=${B} needs ${n}.`);
  }
  const Vs = c.sourceVocabSize;
  const Vt = c.targetVocabSize;
  for (let b = 0; b < B; b++) {
    const n = batch.sourceLengths[b];
    if (!Number.isInteger(n) || n < 1 || n > S) {
      throw new EngineError("value", `sourceLengths[${b}] is ${n}, but every source length must be from 1 to S = ${S} (an empty source cannot be encoded).`);
    }
    for (let s = 0; s < n; s++) {
      const id = batch.source[s * B + b];
      if (!Number.isInteger(id) || id < 0 || id >= Vs) {
        throw new EngineError("value", `The source token id at ${where(s, b)} is ${id}, but the source vocabulary has ids 0 … ${Vs - 1}.`);
      }
    }
  }
  let predicted = 0;
  for (let t = 0; t < U; t++) {
    for (let b = 0; b < B; b++) {
      const i = t * B + b;
      const inId = batch.targetIn[i];
      if (!Number.isInteger(inId) || inId < 0 || inId >= Vt) {
        throw new EngineError("value", `The decoder input id (targetIn) at ${where(t, b)} is ${inId}, but the target vocabulary has ids 0 … ${Vt - 1}.`);
      }
      const out = batch.targetOut[i];
      if (out === IGNORE_INDEX) continue;
      if (!Number.isInteger(out) || out < 0 || out >= Vt) {
        const pad = Number.isInteger(out) && out < 0 ? ` Target padding must be ${IGNORE_INDEX} (PyTorch's ignore_index), not ${out}.` : "";
        throw new EngineError("value", `The target id (targetOut) at ${where(t, b)} is ${out}, but it must be 0 … ${Vt - 1} or ${IGNORE_INDEX} for nothing to predict.${pad}`);
      }
      predicted++;
    }
  }
  if (predicted === 0) throw new EngineError("value", `targetOut is ${IGNORE_INDEX} everywhere: the batch has nothing to predict, so its loss is undefined.`);
}

export interface PairInput {
  /** Source ids, without padding (1 … S of them). */
  readonly source: readonly number[];
  /** Target ids without start or end markers (may be empty: the model then only has to predict `eos`). */
  readonly target: readonly number[];
}

/**
 * Builds a time-major batch from pairs of id lists, as the tutorial trains: targetIn = [sos, y_0 … y_{m−1}],
 * targetOut = [y_0 … y_{m−1}, eos], then −100 (and `pad` as input) up to U = longest target + 1.
 * Source padding holds `sourcePad` (never read). Ids are checked when the batch reaches the model.
 */
export function packSeq2SeqBatch(pairs: readonly PairInput[], ids: { sos: number; eos: number; pad?: number; sourcePad?: number }): Seq2SeqBatch {
  if (pairs.length === 0) throw new EngineError("shape", "A batch needs at least one pair.");
  const B = pairs.length;
  let S = 0;
  let U = 0;
  pairs.forEach((p, b) => {
    if (p.source.length === 0) throw new EngineError("value", `Pair ${b} has an empty source; every source needs at least one token.`);
    S = Math.max(S, p.source.length);
    U = Math.max(U, p.target.length + 1);
  });
  const source = new Int32Array(S * B).fill(ids.sourcePad ?? 0);
  const sourceLengths = new Int32Array(B);
  const targetIn = new Int32Array(U * B).fill(ids.pad ?? ids.eos);
  const targetOut = new Int32Array(U * B).fill(IGNORE_INDEX);
  pairs.forEach((p, b) => {
    sourceLengths[b] = p.source.length;
    p.source.forEach((id, s) => (source[s * B + b] = id));
    targetIn[b] = ids.sos;
    p.target.forEach((id, t) => {
      targetOut[t * B + b] = id;
      targetIn[(t + 1) * B + b] = id;
    });
    targetOut[p.target.length * B + b] = ids.eos;
  });
  return { S, U, B, source, sourceLengths, targetIn, targetOut };
}
