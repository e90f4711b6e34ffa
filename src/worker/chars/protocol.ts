// src/worker/chars/protocol.ts: the character lab's messages (#/lab/chars), on the kit's common base.
import type { CellType } from "../../engine";
import type { PytorchCommand, PytorchReport } from "../kit/pytorch";
import { Transfers, type Checkpoint, type DivergenceInfo, type KitCommand, type KitReport, type LossHistory, type OptimSettings } from "../kit/protocol";

export type { DivergenceInfo, LossHistory, OptimSettings };
/** The lab's checkpoint: θ in state_dict order, its step, and losses in bits per character. */
export type CharCheckpoint = Checkpoint;

/** Bump on any change of shape of the Char* types below. */
export const CHAR_PROTOCOL_VERSION = 3;

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
  /** Where the text comes from: the held-out tail, the text, or the text's characters the vocabulary knows. */
  source: { kind: "heldOut" | "text" | "known"; n: number };
}

export type CharCommand =
  | { type: "init"; version: number; setup: CharSetup; sampling: SampleSettings; resume?: CharCheckpoint }
  /** A new network (weights from `resume` when given, e.g. a loaded model); step count from resume or 0. */
  | { type: "reset"; setup: CharSetup; resume?: CharCheckpoint }
  /** After a divergence: new optimiser settings, moments cleared, training resumes from the kept weights. */
  | { type: "resume"; optim: OptimSettings }
  /** New settings for the live samples; a fresh live sample follows at once. */
  | { type: "setSampling"; sampling: SampleSettings }
  /** Generate with these settings; answered by a "sample" report with the same requestId. */
  | { type: "generate"; requestId: number; sampling: SampleSettings }
  /** The model as a model file (JSON with the vocabulary); answered by a "model" report. */
  | { type: "export"; requestId: number }
  /** "Export to PyTorch": answered by a "pytorch" report. */
  | PytorchCommand
  | KitCommand;

export type CharReport =
  | { type: "snapshot"; snapshot: CharSnapshot }
  /** requestId null: a live sample (while training, or after settings changed). */
  | { type: "sample"; requestId: number | null; sample: CharSample }
  | { type: "inspection"; inspection: CharInspection }
  /** The weights now, for saving across reloads and restarting a crashed worker. */
  | { type: "checkpoint"; checkpoint: CharCheckpoint }
  | { type: "model"; requestId: number; json: string }
  | { type: "diverged"; divergence: DivergenceInfo }
  | PytorchReport
  | KitReport;

/** The buffers of a character-lab report, to pass as transferables (each a fresh copy). */
export function charTransferablesOf(report: CharReport): ArrayBuffer[] {
  const t = new Transfers();
  const h = (x: LossHistory): void => {
    t.add(x.step, x.train, x.valStep, x.val);
  };
  switch (report.type) {
    case "snapshot":
      h(report.snapshot.history);
      break;
    case "sample":
      t.add(report.sample.primeIds, report.sample.indices, report.sample.topIndices, report.sample.topP);
      break;
    case "inspection": {
      const i = report.inspection;
      t.add(i.ids, ...i.h, ...(i.c ?? []), ...Object.values(i.gates).flat());
      break;
    }
    case "checkpoint":
      t.add(report.checkpoint.params);
      h(report.checkpoint.history);
      break;
    default:
      break;
  }
  return t.buffers;
}
