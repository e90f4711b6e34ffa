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

// ═══════════════════════════════════════════════════════════════════════════════════════════════════════════════
// Character lab (#/lab/chars, issue 7): the messages between the lab's store and its worker (charWorker.ts).
// A separate pair of unions, with its own version: the sine playground's messages above are unchanged.
// ═══════════════════════════════════════════════════════════════════════════════════════════════════════════════

/** Bump on any change of shape of the Char* types below. */
export const CHAR_PROTOCOL_VERSION = 1;

export interface CharModelSettings {
  cell: CellType;
  hiddenSize: number;
  numLayers: number;
}

/** Everything that defines a character-model run; changing any of it (but OptimSettings) starts a new network. */
export interface CharSetup {
  model: CharModelSettings;
  optim: OptimSettings;
  /** T: characters per window of truncated BPTT. */
  bpttLength: number;
  /** B: parallel streams over the text, the state carried between windows. */
  batchSize: number;
  seed: number;
  /** The text, normalised ("\n" line ends). */
  text: string;
  /** One code point per class, in class order. Usually the text's own; a loaded model brings its own. */
  vocabulary: string[];
  /** The held-out tail of the text, as a fraction of its length. */
  validationFraction: number;
}

/** Sampling settings, used for the live samples and for Generate. */
export interface SampleSettings {
  /** Softmax temperature; 0 takes the most likely character every time. */
  temperature: number;
  /** Text read before sampling; "" starts from a new line (or the text's first character). */
  prime: string;
  seed: number;
  /** Characters to generate. */
  length: number;
  /** Candidates reported per step. */
  topK: number;
}

export interface CharCheckpoint {
  step: number;
  /** θ in state_dict order. */
  params: Float64Array;
  /** Losses in bits per character. */
  history: LossHistory;
}

export interface CharSnapshot {
  step: number;
  isTraining: boolean;
  /** Loss of the last training window, bits per character (NaN before the first step). */
  lossBits: number;
  /** Loss on the held-out tail, bits per character (NaN when the text cannot be encoded). */
  valLossBits: number;
  tokensPerSec: number;
  gradNorm: number;
  clipped: boolean;
  /** Training and validation loss in bits per character. */
  history: LossHistory;
  /** Passes over the training text so far. */
  epoch: number;
  /** False when the text has characters outside the vocabulary (a loaded model): sampling and inspection only. */
  canTrain: boolean;
  trainChars: number;
  validationChars: number;
  vocabSize: number;
  numParams: number;
  kernels: string;
}

export interface CharSample {
  /** The optimiser step of the weights that wrote it. */
  step: number;
  settings: SampleSettings;
  /** The prime as read (class indices), after "" was replaced by the default start. */
  primeIds: Int32Array;
  /** The generated characters' class indices [length]. */
  indices: Int32Array;
  /** Top candidates per step [length][K] (class index, probability), most likely first. */
  topIndices: Int32Array;
  topP: Float64Array;
  K: number;
}

export interface UnitCorrelation {
  layer: number;
  unit: number;
  /** Pearson r between the unit's h_t and the feature over the inspected text. */
  r: number;
}

export interface FeatureCorrelation {
  feature: string;
  label: string;
  meaning: string;
  /** Units with the largest |r|, strongest first. */
  units: UnitCorrelation[];
}

/** Inside the network over a stretch of held-out text: states and gates per character, and unit–feature correlations. */
export interface CharInspection {
  step: number;
  /** The text read, as class indices [T]. */
  ids: Int32Array;
  T: number;
  H: number;
  numLayers: number;
  cell: CellType;
  /** Per layer [T][H]. */
  h: Float64Array[];
  c: Float64Array[] | null;
  gates: Record<string, Float64Array[]>;
  correlations: FeatureCorrelation[];
  /** Where the text comes from, in words ("the first 500 characters of the held-out tail"). */
  source: string;
}

export type CharCommand =
  | { type: "init"; version: number; setup: CharSetup; sampling: SampleSettings; resume?: CharCheckpoint }
  | { type: "train" }
  | { type: "pause" }
  /** Exactly one optimiser step (one window of T characters on every stream), then a snapshot. */
  | { type: "step" }
  /** A new network (weights from `resume` when given, e.g. a loaded model); step count from resume or 0. */
  | { type: "reset"; setup: CharSetup; resume?: CharCheckpoint }
  | { type: "setOptim"; optim: OptimSettings }
  /** After a divergence: new optimiser settings, moments cleared, training resumes from the kept weights. */
  | { type: "resume"; optim: OptimSettings }
  /** New settings for the live samples; a fresh live sample follows at once. */
  | { type: "setSampling"; sampling: SampleSettings }
  /** Generate with these settings; answered by a "sample" report with the same requestId. */
  | { type: "generate"; requestId: number; sampling: SampleSettings }
  /** The model as a model file (JSON with the vocabulary); answered by a "model" report. */
  | { type: "export"; requestId: number }
  /** Test hook: throws inside the worker, as a bug would, to exercise crash recovery. */
  | { type: "simulateCrash" };

export type CharReport =
  | { type: "ready"; version: number }
  | { type: "snapshot"; snapshot: CharSnapshot }
  /** requestId null: a live sample (while training, or after settings changed). */
  | { type: "sample"; requestId: number | null; sample: CharSample }
  | { type: "inspection"; inspection: CharInspection }
  /** The weights now, for saving across reloads and restarting a crashed worker. */
  | { type: "checkpoint"; checkpoint: CharCheckpoint }
  | { type: "model"; requestId: number; json: string }
  | { type: "diverged"; divergence: DivergenceInfo }
  | { type: "error"; code: ErrorCode; message: string };

/** The buffers of a character-lab report, to pass as transferables (each a fresh copy). */
export function charTransferablesOf(report: CharReport): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (a: Float64Array | Int32Array | null | undefined): void => {
    if (a && a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
  };
  const addHistory = (h: LossHistory): void => {
    add(h.step);
    add(h.train);
    add(h.valStep);
    add(h.val);
  };
  switch (report.type) {
    case "snapshot":
      addHistory(report.snapshot.history);
      break;
    case "sample":
      add(report.sample.primeIds);
      add(report.sample.indices);
      add(report.sample.topIndices);
      add(report.sample.topP);
      break;
    case "inspection": {
      const i = report.inspection;
      add(i.ids);
      i.h.forEach(add);
      i.c?.forEach(add);
      Object.values(i.gates).forEach((g) => {
        g.forEach(add);
      });
      break;
    }
    case "checkpoint":
      add(report.checkpoint.params);
      addHistory(report.checkpoint.history);
      break;
    default:
      break;
  }
  return out;
}

// ═══════════════════════════════════════════════════════════════════════════════════════════════════════════════
// Gradient visualizer (#/visualizer/gradients, issue 6): the messages between its store and its worker
// (gradWorker.ts). One worker trains a tanh-RNN, an LSTM and a GRU side by side on the same batches of the
// memory task ("recall the first symbol after T steps"). A separate pair of unions with its own version.
// ═══════════════════════════════════════════════════════════════════════════════════════════════════════════════

/** Bump on any change of shape of the Grad* types below. */
export const GRAD_PROTOCOL_VERSION = 2;

/** The three cells, in the order every Grad* array lists them. */
export const GRAD_CELLS = ["rnn", "lstm", "gru"] as const satisfies readonly CellType[];

/** How W_hh is set after the initialiser: left alone, rescaled to a spectral radius, or multiplied by a factor. */
export type WhhMode = "init" | "radius" | "scale";

export interface GradTaskSettings {
  /** T: steps per sequence; the symbol to recall comes at t = 0, the answer is due at t = T − 1. */
  seqLength: number;
  /** K: values the first symbol can take (chance accuracy 1/K). */
  numClasses: number;
  /** N: distractor symbols filling steps 1…T−1. */
  numDistractors: number;
  batchSize: number;
}

export interface GradInitSettings {
  scheme: InitScheme;
  whh: WhhMode;
  /** The spectral radius (whh "radius") or the factor (whh "scale"); unused for "init". */
  whhValue: number;
  /** The LSTM's forget-gate bias (b_if; b_hf = 0). */
  forgetBias: number;
  /** The GRU's update-gate bias (b_iz; b_hz = 0): z = σ(b_z) is the share of h_{t−1} kept per step at the start. */
  updateBias: number;
}

/** Everything that defines a run; changing any of it but `optim` starts three new networks. */
export interface GradSetup {
  task: GradTaskSettings;
  hiddenSize: number;
  init: GradInitSettings;
  optim: OptimSettings;
  /** Seeds the weights (the same for the three cells) and the data (the same batches for all three). */
  seed: number;
}

/** The gradient flowing back through time in one training batch, and what the theory predicts for it. */
export interface GradProfile {
  /** ‖∂L/∂h_t‖ over the batch and units, [T]. */
  dhNorm: Float64Array;
  /** ‖∂L/∂c_t‖ (LSTM), [T]. */
  dcNorm: Float64Array | null;
  /**
   * Per-step gain of the path the prediction follows, from step t back to t − 1, [T] (gain[0] unused):
   * tanh-RNN ρ(W_hh)·‖∂L/∂h_t ⊙ (1 − h_t²)‖/‖∂L/∂h_t‖; LSTM ‖∂L/∂c_t ⊙ f_t‖/‖∂L/∂c_t‖; GRU ‖∂L/∂h_t ⊙ z_t‖/‖∂L/∂h_t‖.
   */
  gain: Float64Array;
  /** The predicted curve: the measured norm at T − 1 (c for the LSTM, h otherwise) times the gains back to t, [T]. */
  predicted: Float64Array;
  /** tanh-RNN only: ‖∂L/∂h_{T−1}‖·ρ^(T−1−t), what the spectral radius alone predicts, [T]. */
  radiusOnly: Float64Array | null;
  /** Mean over batch, units and steps of the local factor: 1 − h² (RNN), f (LSTM), z (GRU). */
  meanLocal: number;
}

export interface GradHistory {
  step: Float64Array;
  loss: Float64Array;
  /** ‖∂L/∂θ‖ before and after clipping (equal when not clipped). */
  gradNorm: Float64Array;
  clippedNorm: Float64Array;
  accStep: Float64Array;
  /** Held-out accuracy, 0…1. */
  accuracy: Float64Array;
}

/** ‖∂L/∂h_t‖ over training: one row per kept training step, log10 of the norm per timestep. */
export interface GradNormRows {
  /** Training step of each row [rows]. */
  steps: Float64Array;
  /** log10 ‖∂L/∂h_t‖ [rows][T] (−∞ for 0, NaN where not finite). */
  log10: Float64Array;
  rows: number;
  T: number;
}

export interface GradDivergence {
  /** The step that failed; the weights of the step before are kept. */
  step: number;
  cause: "nan" | "inf" | "blowUp";
  /** What was not finite or too large, in words ("the loss", "the gradient norm", "the weights after the update"). */
  what: string;
  /** ‖∂L/∂θ‖ at the failing step (may be ∞ or NaN). */
  gradNorm: number;
  /** ‖Δθ‖ of the failing update (NaN when no update was made) against ‖θ‖ before it. */
  updateNorm: number;
  weightNorm: number;
  lastGoodLoss: number;
  learningRate: number;
  clipMaxNorm: number | null;
}

export interface GradCellView {
  cell: CellType;
  /** Training steps this cell has taken (it stops counting when it diverges). */
  step: number;
  loss: number;
  /** Held-out accuracy (0…1) at accuracyStep; NaN before the first evaluation. */
  accuracy: number;
  accuracyStep: number;
  gradNorm: number;
  clippedNorm: number;
  clipped: boolean;
  /** The gradient of the last step's batch (at step 0: of the first batch, before any update). */
  profile: GradProfile;
  /** Spectral radius of each gate block of W_hh now, by block name ("W_hh"; LSTM i f g o; GRU r z n). */
  spectralRadius: Record<string, number>;
  history: GradHistory;
  rows: GradNormRows;
  divergence: GradDivergence | null;
}

export interface GradSnapshot {
  /** Batches drawn so far (each trains every cell that has not diverged). */
  step: number;
  isTraining: boolean;
  T: number;
  H: number;
  numClasses: number;
  /** In GRAD_CELLS order. */
  cells: GradCellView[];
  stepsPerSec: number;
  kernels: string;
}

export interface GradCheckpoint {
  step: number;
  /** θ per cell, in GRAD_CELLS order. */
  params: Float64Array[];
  /** Per cell: the divergence that stopped it, if any. */
  divergence: (GradDivergence | null)[];
}

export type GradCommand =
  | { type: "init"; version: number; setup: GradSetup; resume?: GradCheckpoint }
  | { type: "train" }
  | { type: "pause" }
  /** One batch: one optimiser step of every cell still running, then a snapshot. */
  | { type: "step" }
  /** Three new networks from this setup; step count back to 0. */
  | { type: "reset"; setup: GradSetup }
  | { type: "setOptim"; optim: OptimSettings }
  /** Test hook: throws inside the worker, as a bug would, to exercise crash recovery. */
  | { type: "simulateCrash" };

export type GradReport =
  | { type: "ready"; version: number }
  | { type: "snapshot"; snapshot: GradSnapshot }
  /** One cell stopped; the others go on. */
  | { type: "diverged"; cell: CellType; divergence: GradDivergence }
  /** The weights now, for restarting a crashed worker (at most about once a second). */
  | { type: "checkpoint"; checkpoint: GradCheckpoint }
  | { type: "error"; code: ErrorCode; message: string };

/** The buffers of a gradient-visualizer report, to pass as transferables (each a fresh copy). */
export function gradTransferablesOf(report: GradReport): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (a: Float64Array | null | undefined): void => {
    if (a && a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
  };
  switch (report.type) {
    case "snapshot":
      for (const c of report.snapshot.cells) {
        const p = c.profile;
        [p.dhNorm, p.dcNorm, p.gain, p.predicted, p.radiusOnly].forEach(add);
        const h = c.history;
        [h.step, h.loss, h.gradNorm, h.clippedNorm, h.accStep, h.accuracy].forEach(add);
        add(c.rows.steps);
        add(c.rows.log10);
      }
      break;
    case "checkpoint":
      report.checkpoint.params.forEach(add);
      break;
    default:
      break;
  }
  return out;
}
