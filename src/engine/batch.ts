// src/engine/batch.ts: one window of training data, and the checks it passes before it reaches the arena.
import type { ModelConfig } from "./config";
import { EngineError } from "./errors";

/**
 * A batch of B sequences of T steps. Dense inputs are `inputs` [T][B][D]; one-hot inputs are `inputIndices`
 * [T][B]. Targets: MSE `targets` [T][B][O] ("all") or [B][O] ("last"); cross-entropy `targetIndices` [T][B] or [B].
 * Targets may be left out for a forward pass only.
 */
export interface Batch {
  readonly T: number;
  readonly B: number;
  readonly inputs?: Float64Array;
  readonly inputIndices?: Int32Array;
  readonly targets?: Float64Array;
  readonly targetIndices?: Int32Array;
}

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

function checkIndices(what: string, a: Int32Array, n: number, meaning: string): void {
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v < 0 || v >= n) throw new EngineError("value", `${what}[${i}] is ${v}, but ${meaning} go from 0 to ${n - 1}.`);
  }
}

/** Throws EngineError if the batch does not fit the network; `needTargets` for a loss. */
export function validateBatch(c: ModelConfig, batch: Batch, needTargets: boolean): void {
  const { T, B } = batch;
  if (!Number.isInteger(T) || T < 1 || T > MAX_STEPS) throw new EngineError("shape", `T (steps) must be a whole number from 1 to ${MAX_STEPS}, but is ${T}.`);
  if (!Number.isInteger(B) || B < 1 || B > MAX_BATCH) throw new EngineError("shape", `B (batch size) must be a whole number from 1 to ${MAX_BATCH}, but is ${B}.`);
  const D = c.inputSize;
  const O = c.outputSize;
  if (c.inputKind === "dense") {
    if (!(batch.inputs instanceof Float64Array)) throw new EngineError("shape", `This network takes dense inputs: pass inputs as a Float64Array [T][B][D] = [${T}][${B}][${D}].`);
    checkLength("inputs", batch.inputs.length, T * B * D, `[T][B][D] = [${T}][${B}][${D}]`);
    checkFinite("inputs", batch.inputs);
  } else {
    if (!(batch.inputIndices instanceof Int32Array)) throw new EngineError("shape", `This network takes one-hot inputs: pass inputIndices as an Int32Array [T][B] = [${T}][${B}].`);
    checkLength("inputIndices", batch.inputIndices.length, T * B, `[T][B] = [${T}][${B}]`);
    checkIndices("inputIndices", batch.inputIndices, D, "input symbols");
  }
  if (!needTargets) return;
  const rows = c.outputMode === "all" ? T * B : B;
  const rowShape = c.outputMode === "all" ? `[T][B] = [${T}][${B}]` : `[B] = [${B}]`;
  if (c.loss === "mse") {
    if (!(batch.targets instanceof Float64Array)) throw new EngineError("shape", `MSE needs targets as a Float64Array ${rowShape}×[${O}].`);
    checkLength("targets", batch.targets.length, rows * O, `${rowShape}×[O=${O}]`);
    checkFinite("targets", batch.targets);
  } else {
    if (!(batch.targetIndices instanceof Int32Array)) throw new EngineError("shape", `Cross-entropy needs targetIndices as an Int32Array ${rowShape}.`);
    checkLength("targetIndices", batch.targetIndices.length, rows, rowShape);
    checkIndices("targetIndices", batch.targetIndices, O, "class indices");
  }
}
