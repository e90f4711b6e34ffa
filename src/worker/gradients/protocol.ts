// src/worker/gradients/protocol.ts: the gradient visualizer's messages (#/visualizer/gradients), on the kit's base.
// One worker trains a tanh-RNN, an LSTM and a GRU side by side on the same batches of the memory task ("recall the
// first symbol after T steps").
import type { CellType, GuardFailure, InitScheme } from "../../engine";
import type { PytorchCommand, PytorchReport } from "../kit/pytorch";
import { Transfers, type KitCommand, type KitReport, type OptimSettings } from "../kit/protocol";

export type { OptimSettings };

/** Bump on any change of shape of the Grad* types below. */
export const GRAD_PROTOCOL_VERSION = 4;

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
  /** What was not finite or too large: the loss, ‖∂L/∂θ‖, the weights after the update, or one update too large. */
  what: GuardFailure;
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
  /** Per cell: the record so far, so a restarted worker goes on with it (absent in runs saved before it was kept). */
  history?: GradHistory[];
  rows?: GradNormRows[];
}

export type GradCommand =
  | { type: "init"; version: number; setup: GradSetup; resume?: GradCheckpoint }
  /** Three new networks from this setup; step count back to 0. */
  | { type: "reset"; setup: GradSetup }
  /** "Export to PyTorch" of one cell (`cell`): answered by a "pytorch" report. */
  | PytorchCommand
  | KitCommand;

export type GradReport =
  | { type: "snapshot"; snapshot: GradSnapshot }
  /** One cell stopped; the others go on. */
  | { type: "diverged"; cell: CellType; divergence: GradDivergence }
  /** The weights now, for restarting a crashed worker (at most about once a second). */
  | { type: "checkpoint"; checkpoint: GradCheckpoint }
  | PytorchReport
  | KitReport;

function addHistory(t: Transfers, h: GradHistory): void {
  t.add(h.step, h.loss, h.gradNorm, h.clippedNorm, h.accStep, h.accuracy);
}

/** The buffers of a gradient-visualizer report, to pass as transferables (each a fresh copy). */
export function gradTransferablesOf(report: GradReport): ArrayBuffer[] {
  const t = new Transfers();
  switch (report.type) {
    case "snapshot":
      for (const c of report.snapshot.cells) {
        const p = c.profile;
        t.add(p.dhNorm, p.dcNorm, p.gain, p.predicted, p.radiusOnly, c.rows.steps, c.rows.log10);
        addHistory(t, c.history);
      }
      break;
    case "checkpoint":
      t.add(...report.checkpoint.params);
      report.checkpoint.history?.forEach((h) => {
        addHistory(t, h);
      });
      report.checkpoint.rows?.forEach((r) => t.add(r.steps, r.log10));
      break;
    default:
      break;
  }
  return t.buffers;
}
