// src/worker/kit/protocol.ts: the part of every widget's protocol that the training kit handles itself.
//
// A widget's own protocol adds its setup, snapshot and extra messages to these. Nothing here is a sentence: errors
// cross the boundary as codes with values, and the interface words them (src/i18n/worker.ts) in each language.
import { EngineError, type EngineErrorCode, type GuardFailure, type OptimizerKind } from "../../engine";

/** Settings that apply to a running network without restarting it. */
export interface OptimSettings {
  optimizer: OptimizerKind;
  learningRate: number;
  /** Global-norm clipping threshold, or null for no clipping. */
  clipMaxNorm: number | null;
}

/** Faults a test can make the worker commit, to exercise the store's recovery. */
export type FaultKind = "throw" | "reject" | "hang" | "exit";

/**
 * Why the worker refused or failed, as a code and the values the sentence needs. `engine` carries the engine's
 * code and its English detail (shown only by the English interface: the code alone is worded in every language).
 */
export type Problem =
  | { key: "version"; page: number; worker: number }
  | { key: "beforeInit"; command: string }
  | { key: "clipNorm"; value: number }
  | { key: "range"; what: "temperature" | "sampleLength" | "topK" | "seed"; value: number; min: number; max: number }
  | { key: "vocabulary"; problem: "tooSmall" | "duplicate" }
  | { key: "cannotTrain"; missing: string[] }
  | { key: "checkpoint"; expected: number; got: number }
  | { key: "engine"; code: EngineErrorCode; detail: string }
  | { key: "text"; problem: string; detail: string }
  | { key: "internal"; detail: string }
  | { key: "crash"; detail: string };

export type ErrorCode = "version" | "setup" | "engine" | "crash" | "internal";

/** A refusal a trainer throws with its code; serve() and the slice loop turn it into an "error" report. */
export class KitError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.key);
    this.name = "KitError";
  }
}

/** The Problem behind any thrown value: a KitError's own, an EngineError's code, else an internal error. */
export function problemOf(e: unknown): Problem {
  if (e instanceof KitError) return e.problem;
  if (e instanceof EngineError) return { key: "engine", code: e.code, detail: e.message };
  // The data layer's range checks (a memory task's sizes) are settings out of range, as the engine's "config".
  if (e instanceof RangeError) return { key: "engine", code: "config", detail: e.message };
  if (e instanceof Error && e.name === "TextInputError") {
    const problem = (e as Error & { problem?: unknown }).problem;
    return { key: "text", problem: typeof problem === "string" ? problem : "other", detail: e.message };
  }
  return { key: "internal", detail: e instanceof Error ? e.message : String(e) };
}

/** The "error" report for a thrown value: a refused setup (init, reset) is "setup", a failure while running "engine". */
export function errorReport(e: unknown, isSetup = false): { type: "error"; code: ErrorCode; problem: Problem } {
  const problem = problemOf(e);
  const code: ErrorCode = problem.key === "internal" ? "internal" : isSetup ? "setup" : "engine";
  return { type: "error", code, problem };
}

/** Whether a problem is the input's (a refused setup or setting) rather than a bug. */
export function isInputProblem(p: Problem): boolean {
  return p.key !== "internal" && p.key !== "crash" && p.key !== "beforeInit";
}

/** Commands every training worker understands (the widget's protocol adds init, reset and its own). */
export type KitCommand =
  | { type: "train" }
  | { type: "pause" }
  /** Exactly one optimiser step, then a snapshot. */
  | { type: "step" }
  | { type: "setOptim"; optim: OptimSettings }
  /** Liveness check while idle: answered by "pong" after any work in progress. */
  | { type: "ping" }
  /** Test hook: the worker fails on purpose, as a bug would, to exercise crash recovery. */
  | { type: "fault"; fault: FaultKind };

/** Reports every training worker can send. */
export type KitReport =
  | { type: "ready"; version: number }
  | { type: "pong" }
  /** Sent before work expected to take long (one slow step): the watchdog waits this long before it worries. */
  | { type: "busy"; expectedMs: number }
  | { type: "error"; code: ErrorCode; problem: Problem };

export function assertNever(x: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(x)}`);
}

/** Collects distinct ArrayBuffers of typed arrays, to pass as transferables (each must be a fresh copy). */
export class Transfers {
  readonly buffers: ArrayBuffer[] = [];
  add(...arrays: (Float64Array | Int32Array | null | undefined)[]): this {
    for (const a of arrays) {
      if (a && a.buffer instanceof ArrayBuffer && !this.buffers.includes(a.buffer)) this.buffers.push(a.buffer);
    }
    return this;
  }
}

/** What a store needs of a Worker: a real one in the browser, an in-process one (inProcess.ts) in tests. */
export interface WorkerLike<Cmd, Rep> {
  postMessage(command: Cmd, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<Rep>) => void) | null;
  onerror: ((event: Event) => void) | null;
}

/** Training and validation loss over the run, one point per kept step. */
export interface LossHistory {
  step: Float64Array;
  train: Float64Array;
  valStep: Float64Array;
  val: Float64Array;
}

/** What a restarted worker resumes from: the weights, their step, and the loss history up to it. */
export interface Checkpoint {
  step: number;
  /** θ in state_dict order. */
  params: Float64Array;
  history: LossHistory;
}

/** A divergence: the step that failed, what failed, and the kept weights' step and loss. */
export interface DivergenceInfo {
  step: number;
  cause: "nan" | "inf" | "blowUp";
  what: GuardFailure;
  /** The weights kept are those of this step, whose loss was this. */
  lastGoodStep: number;
  lastGoodLoss: number;
  learningRate: number;
  clipMaxNorm: number | null;
}
