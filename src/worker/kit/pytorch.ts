// src/worker/kit/pytorch.ts: "Export to PyTorch" at the worker boundary. Every training widget's protocol adds the
// command and the report below; its trainer answers with answerPytorch(), which turns a refusal into a Problem (the
// run goes on: a file that cannot be written is no reason to stop training).
import type { Batch } from "../../engine";
import { exportPytorch, type PytorchExportInput } from "../../export/pytorch";
import { problemOf, type Problem } from "./protocol";

/** Asks for the runnable Python file that continues the run where it stands (src/export/pytorch.ts). */
export interface PytorchCommand {
  type: "exportPytorch";
  requestId: number;
  /** The gradient visualizer trains three cells: which one (the others ignore it). */
  cell?: string;
}

/** The answer: the file and its name, or why there is none. */
export type PytorchReport =
  | { type: "pytorch"; requestId: number; fileName: string; text: string; step: number }
  | { type: "pytorch"; requestId: number; problem: Problem };

/** Steps the exported script runs unless told otherwise (--steps N). */
export const PYTORCH_STEPS = 200;

/** Builds the file (input() may throw an EngineError: it is reported, never thrown). */
export function answerPytorch(requestId: number, fileName: string, input: () => PytorchExportInput & { stepsDone: number }): PytorchReport {
  try {
    const given = input();
    return { type: "pytorch", requestId, fileName, text: exportPytorch({ steps: PYTORCH_STEPS, ...given }), step: given.stepsDone };
  } catch (e) {
    return { type: "pytorch", requestId, problem: problemOf(e) };
  }
}

/** A copy of a batch: the data helpers refill one batch in place, and the exporter keeps what it is given. */
export function copyBatch(b: Batch): Batch {
  return {
    T: b.T,
    B: b.B,
    inputs: b.inputs?.slice(),
    targets: b.targets?.slice(),
    inputIndices: b.inputIndices?.slice(),
    targetIndices: b.targetIndices?.slice(),
  };
}
