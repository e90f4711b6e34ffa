// src/engine/batch.ts: one window of training data, and the checks it passes before it reaches the arena.
import type { ModelConfig } from "./config";
import { EngineError } from "./errors";

/**
 * A batch of B sequences of T steps. Dense inputs are `inputs` [T][B][D]; one-hot inputs and token ids are
 * `inputIndices` [T][B]. Targets: MSE and BCE `targets` [T][B][O] ("all") or [B][O] ("last") (BCE: each in
 * [0, 1]); cross-entropy `targetIndices` [T][B] or [B]. Targets may be left out for a forward pass only.
 *
 * `lengths` [B] (each 1…T, any order) makes a batch of sequences of different lengths (pack_padded_sequence with
 * enforce_sorted=False): sequence b has lengths[b] valid steps, the rest is padding that is never read. With
 * outputs at every step, losses are over valid steps only; cross-entropy targets at padded steps must be
 * PADDING_INDEX (−100, PyTorch's ignore_index); MSE/BCE targets there are ignored (store 0).
 */
export interface Batch {
  readonly T: number;
  readonly B: number;
  readonly inputs?: Float64Array;
  readonly inputIndices?: Int32Array;
  readonly targets?: Float64Array;
  readonly targetIndices?: Int32Array;
  readonly lengths?: Int32Array;
}

/** The cross-entropy target at padded steps (PyTorch's CrossEntropyLoss ignore_index). */
export const PADDING_INDEX = -100;

export const MAX_STEPS = 100_000;
export const MAX_BATCH = 4096;

function checkLength(what: string, got: number, want: number, shape: string): void {
  if (got !== want) throw new EngineError("shape", `${what} has ${got} values, but ${shape} needs ${want}.`);
}

function checkFinite(what: string, a: Float64Array): void {
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) throw new EngineError("value", `${what}[${i}] is ${a[i]}; every value must be a finite number.`);
  }
}

/** Checks a [rows][B]-shaped index array (rows = T, or 1 for "last"); padded positions must hold `pad` (when given). */
function checkIndices(what: string, a: Int32Array, n: number, meaning: string, B: number, lengths: Int32Array | undefined, pad: number | null): void {
  if (lengths === undefined) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (!(v >= 0 && v < n)) throw new EngineError("value", `${what}[${i}] is ${v}, but ${meaning} go from 0 to ${n - 1}.`);
    }
    return;
  }
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    const t = Math.floor(i / B);
    const b = i % B;
    const padded = t >= lengths[b];
    if (padded) {
      if (pad !== null && v !== pad) {
        throw new EngineError("value", `${what}[${i}] (step ${t} of sequence ${b}, which has ${lengths[b]} steps) is ${v}; at padded steps it must be ${pad} (ignored, as PyTorch's ignore_index).`);
      }
      continue;
    }
    if (!(v >= 0 && v < n)) throw new EngineError("value", `${what}[${i}] (step ${t} of sequence ${b}) is ${v}, but ${meaning} go from 0 to ${n - 1}.`);
  }
}

/** Throws EngineError if the batch does not fit the network; `needTargets` for a loss. */
export function validateBatch(c: ModelConfig, batch: Batch, needTargets: boolean): void {
  const { T, B } = batch;
  if (!Number.isInteger(T) || T < 1 || T > MAX_STEPS) throw new EngineError("shape", `T (steps) must be a whole number from 1 to ${MAX_STEPS}, but is ${T}.`);
  if (!Number.isInteger(B) || B < 1 || B > MAX_BATCH) throw new EngineError("shape", `B (batch size) must be a whole number from 1 to ${MAX_BATCH}, but is ${B}.`);
  const D = c.inputSize;
  const O = c.outputSize;
  const lengths = batch.lengths;
  if (lengths !== undefined) {
    if (!(lengths instanceof Int32Array) || lengths.length !== B) throw new EngineError("shape", `lengths must be an Int32Array of B = ${B} sequence lengths.`);
    for (let b = 0; b < B; b++) {
      if (!(lengths[b] >= 1 && lengths[b] <= T)) {
        throw new EngineError("value", `lengths[${b}] is ${lengths[b]}, but every sequence needs from 1 to T = ${T} valid steps (an empty sequence has no output).`);
      }
    }
  }
  if (c.inputKind === "dense") {
    if (!(batch.inputs instanceof Float64Array)) throw new EngineError("shape", `This network takes dense inputs: pass inputs as a Float64Array [T][B][D] = [${T}][${B}][${D}].`);
    checkLength("inputs", batch.inputs.length, T * B * D, `[T][B][D] = [${T}][${B}][${D}]`);
    checkFinite("inputs", batch.inputs);
  } else {
    if (!(batch.inputIndices instanceof Int32Array)) throw new EngineError("shape", `This network takes one-hot inputs: pass inputIndices as an Int32Array [T][B] = [${T}][${B}].`);
    checkLength("inputIndices", batch.inputIndices.length, T * B, `[T][B] = [${T}][${B}]`);
    if (c.inputKind === "tokens") checkIndices("inputIndices", batch.inputIndices, c.vocabSize, `token ids (vocabulary of ${c.vocabSize})`, B, lengths, null);
    else checkIndices("inputIndices", batch.inputIndices, D, "input symbols", B, undefined, null); // one-hot reads every step
  }
  if (!needTargets) return;
  const rows = c.outputMode === "all" ? T * B : B;
  const rowShape = c.outputMode === "all" ? `[T][B] = [${T}][${B}]` : `[B] = [${B}]`;
  const stepLengths = c.outputMode === "all" ? lengths : undefined;
  if (c.loss === "mse" || c.loss === "bce") {
    const name = c.loss === "mse" ? "MSE" : "Binary cross-entropy";
    if (!(batch.targets instanceof Float64Array)) throw new EngineError("shape", `${name} needs targets as a Float64Array ${rowShape}×[${O}].`);
    checkLength("targets", batch.targets.length, rows * O, `${rowShape}×[O=${O}]`);
    checkFinite("targets", batch.targets);
    if (c.loss === "bce") {
      const tg = batch.targets;
      for (let i = 0; i < tg.length; i++) {
        const r = Math.floor(i / O);
        if (stepLengths && Math.floor(r / B) >= stepLengths[r % B]) continue;
        if (!(tg[i] >= 0 && tg[i] <= 1)) throw new EngineError("value", `targets[${i}] is ${tg[i]}; binary cross-entropy targets are probabilities from 0 to 1 (usually 0 or 1).`);
      }
    }
  } else {
    if (!(batch.targetIndices instanceof Int32Array)) throw new EngineError("shape", `Cross-entropy needs targetIndices as an Int32Array ${rowShape}.`);
    checkLength("targetIndices", batch.targetIndices.length, rows, rowShape);
    checkIndices("targetIndices", batch.targetIndices, O, "class indices", B, stepLengths, stepLengths ? PADDING_INDEX : null);
  }
}
