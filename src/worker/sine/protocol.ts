// src/worker/sine/protocol.ts: the sine playground's messages, on the kit's common base (../kit/protocol.ts).
import type { CellType, InitScheme } from "../../engine";
import type { SineSpec } from "../../data/sine";
import type { PytorchCommand, PytorchReport } from "../kit/pytorch";
import type { SeriesId } from "../../data/forecast";
import type { ForecastView } from "./forecast";
import { Transfers, type Checkpoint, type DivergenceInfo, type KitCommand, type KitReport, type LossHistory, type OptimSettings } from "../kit/protocol";

export type { Checkpoint, DivergenceInfo, ForecastView, LossHistory, OptimSettings };

/** Bump on any change of shape: a mismatch means a stale cached worker ("reload the page"). */
export const PROTOCOL_VERSION = 3;

export interface ModelSettings {
  cell: CellType;
  hiddenSize: number;
  numLayers: number;
  init: InitScheme;
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
    }
  | {
      /** A built-in series, forecast against baselines: split in time, normalised from the training range. */
      kind: "forecast";
      series: SeriesId;
      /** Raw values (the page fetched or generated them). */
      values: Float64Array;
      /** The window the RNN and the baselines read (p). */
      seqLength: number;
      /** Steps ahead every forecaster is scored on (k). */
      horizon: number;
      /** Seasonal period for the seasonal naive baseline and the MASE scale. */
      period: number;
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
  /** For a built-in series: the split, normalisation and the Baselines table; null on sines or an own CSV. */
  forecast: ForecastView | null;
}

export type Command =
  | { type: "init"; version: number; setup: TrainerSetup; resume?: Checkpoint }
  /** A new network (and data) from this setup; step count back to 0. */
  | { type: "reset"; setup: TrainerSetup }
  /** After a divergence: new optimiser settings, moments cleared, training resumes from the kept weights. */
  | { type: "resume"; optim: OptimSettings }
  /** "Export to PyTorch": answered by a "pytorch" report. */
  | PytorchCommand
  | KitCommand;

export type Report =
  | { type: "snapshot"; snapshot: Snapshot }
  | { type: "diverged"; divergence: DivergenceInfo }
  | PytorchReport
  | KitReport;

/** The buffers of a report, to pass as transferables (each is a fresh copy, never a workspace view). */
export function transferablesOf(report: Report): ArrayBuffer[] {
  if (report.type !== "snapshot") return [];
  const s = report.snapshot;
  const t = new Transfers().add(s.history.step, s.history.train, s.history.valStep, s.history.val);
  t.add(s.example.target, s.example.teacherForced, s.example.freeRun, s.example.futureTarget);
  t.add(...s.trace.h, ...(s.trace.c ?? []), ...Object.values(s.trace.gates).flat(), ...s.trace.dhNorm, ...(s.trace.dcNorm ?? []));
  for (const p of s.params) t.add(p.value, p.grad);
  return t.buffers;
}
