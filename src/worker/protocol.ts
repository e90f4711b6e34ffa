// src/worker/protocol.ts: every message between a widget's store and its training worker. Nothing else crosses.
import type { CellType, InitScheme, OptimizerKind } from "../engine";
import type { SineSpec } from "../data/sine";

/** Bump on any change of shape: a mismatch means a stale cached worker ("reload the page"). */
export const PROTOCOL_VERSION = 1;

export interface ModelSettings {
  cell: CellType;
  hiddenSize: number;
  numLayers: number;
  init: InitScheme;
}

/** Settings that apply to a running network without restarting it. */
export interface OptimSettings {
  optimizer: OptimizerKind;
  learningRate: number;
  /** Global-norm clipping threshold, or null for no clipping. */
  clipMaxNorm: number | null;
}

export type DataSetup =
  | { kind: "sine"; spec: SineSpec }
  | {
      kind: "series";
      /** The user's series, raw (the trainer standardises it). */
      values: Float64Array;
      name: string | null;
      seqLength: number;
      horizon: number;
      validationFraction: number;
    };

/** Everything that defines a run; changing any of it (but OptimSettings) starts a new network. */
export interface TrainerSetup {
  model: ModelSettings;
  optim: OptimSettings;
  batchSize: number;
  seed: number;
  data: DataSetup;
}

/** What a restarted worker resumes from (the store derives it from the latest snapshot). */
export interface Checkpoint {
  step: number;
  params: Float64Array;
  history: LossHistory;
}

export interface LossHistory {
  step: Float64Array;
  train: Float64Array;
  valStep: Float64Array;
  val: Float64Array;
}

export interface ExampleView {
  /** Targets of the shown validation sequence, x_{t+k} for t = 0…T−1 (in the data's original units). */
  target: Float64Array;
  /** One-step (teacher-forced) predictions of the same steps. */
  teacherForced: Float64Array;
  /** Free-running continuation after the window (horizon 1 only), and the truth it should follow. */
  freeRun: Float64Array | null;
  futureTarget: Float64Array | null;
  horizon: number;
}

export interface TraceView {
  T: number;
  H: number;
  numLayers: number;
  cell: CellType;
  /** Per layer [T][H] for the shown example. */
  h: Float64Array[];
  c: Float64Array[] | null;
  gates: Record<string, Float64Array[]>;
  dhNorm: Float64Array[];
  dcNorm: Float64Array[] | null;
}

export interface ParamView {
  name: string;
  shape: number[];
  value: Float64Array;
  /** ∂L/∂p of the last training step (before clipping). */
  grad: Float64Array;
}

export interface Snapshot {
  step: number;
  isTraining: boolean;
  /** Loss of the last training batch, NaN before the first step. */
  loss: number;
  valLoss: number;
  tokensPerSec: number;
  /** ‖∂L/∂θ‖ of the last step before clipping, and whether it was clipped. */
  gradNorm: number;
  clipped: boolean;
  history: LossHistory;
  example: ExampleView;
  trace: TraceView;
  params: ParamView[];
  kernels: string;
  dataStats: { mean: number; std: number; trainWindows: number; validationWindows: number };
}

export interface DivergenceInfo {
  step: number;
  cause: "nan" | "inf" | "blowUp";
  /** The weights kept are those of this step, whose loss was this. */
  lastGoodStep: number;
  lastGoodLoss: number;
  learningRate: number;
  clipMaxNorm: number | null;
}

export type ErrorCode = "version" | "setup" | "engine" | "crash" | "internal";

export type Command =
  | { type: "init"; version: number; setup: TrainerSetup; resume?: Checkpoint }
  | { type: "train" }
  | { type: "pause" }
  /** Exactly one optimiser step, then a snapshot. */
  | { type: "step" }
  /** A new network (and data) from this setup; step count back to 0. */
  | { type: "reset"; setup: TrainerSetup }
  | { type: "setOptim"; optim: OptimSettings }
  /** After a divergence: new optimiser settings, moments cleared, training resumes from the kept weights. */
  | { type: "resume"; optim: OptimSettings }
  /** Test hook: throws inside the worker, as a bug would, to exercise crash recovery. */
  | { type: "simulateCrash" };

export type Report =
  | { type: "ready"; version: number }
  | { type: "snapshot"; snapshot: Snapshot }
  | { type: "diverged"; divergence: DivergenceInfo }
  | { type: "error"; code: ErrorCode; message: string };

export function assertNever(x: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(x)}`);
}

/** The buffers of a report, to pass as transferables (each is a fresh copy, never a workspace view). */
export function transferablesOf(report: Report): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (a: Float64Array | null | undefined): void => {
    if (a && a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
  };
  const addHistory = (h: LossHistory): void => {
    add(h.step);
    add(h.train);
    add(h.valStep);
    add(h.val);
  };
  if (report.type === "snapshot") {
    const s = report.snapshot;
    addHistory(s.history);
    add(s.example.target);
    add(s.example.teacherForced);
    add(s.example.freeRun);
    add(s.example.futureTarget);
    s.trace.h.forEach(add);
    s.trace.c?.forEach(add);
    Object.values(s.trace.gates).forEach((g) => {
      g.forEach(add);
    });
    s.trace.dhNorm.forEach(add);
    s.trace.dcNorm?.forEach(add);
    for (const p of s.params) {
      add(p.value);
      add(p.grad);
    }
  }
  return out;
}
