// src/worker/classify/protocol.ts: every message between the text-classification lab and its training worker.
import type { CellType } from "../../engine";
import type { TokenKind } from "../../data/classify";
import {
  Transfers, type Checkpoint, type DivergenceInfo, type KitCommand, type KitReport, type LossHistory, type OptimSettings,
} from "../kit/protocol";

export type { Checkpoint, DivergenceInfo, LossHistory, OptimSettings };

export const CLASSIFY_PROTOCOL_VERSION = 1;

export interface ClassifyModel {
  cell: CellType;
  numLayers: number;
  bidirectional: boolean;
  hiddenSize: number;
  embeddingSize: number;
  dropout: number;
}

/** The labelled texts, already parsed and validated by the page (src/data/classify.ts). */
export interface ClassifyData {
  classes: string[];
  texts: string[];
  labels: Int32Array;
}

export interface ClassifySetup {
  data: ClassifyData;
  tokens: TokenKind;
  model: ClassifyModel;
  optim: OptimSettings;
  batchSize: number;
  seed: number;
  /** Tokens read of each text (longer texts are cut). */
  maxLength: number;
}

/** Which example the views show: one of the data set's, or the learner's own text. */
export type InspectTarget = { kind: "example"; index: number } | { kind: "text"; text: string };

export type ClassifyCommand =
  | { type: "init"; version: number; setup: ClassifySetup; resume?: Checkpoint }
  | { type: "reset"; setup: ClassifySetup; resume?: Checkpoint }
  | { type: "inspect"; target: InspectTarget }
  /** Trains every cell uni- and bidirectionally for `steps` steps on the same data and seed, and reports test accuracy. */
  | { type: "compare"; steps: number }
  | { type: "cancelCompare" }
  | KitCommand;

export interface LengthRow {
  from: number;
  to: number;
  count: number;
  accuracy: number;
}

export interface MistakeRow {
  /** Index into the data set's examples. */
  index: number;
  text: string;
  gold: number;
  predicted: number;
  confidence: number;
  length: number;
}

/** Metrics over one held-out part (balanced). */
export interface Evaluation {
  loss: number;
  accuracy: number;
  /** counts[true][predicted]. */
  confusion: number[][];
  precision: number[];
  recall: number[];
  f1: number[];
  macroF1: number;
  byLength: LengthRow[];
  mistakes: MistakeRow[];
}

export interface ClassifySnapshot {
  step: number;
  isTraining: boolean;
  epoch: number;
  loss: number;
  /** Accuracy on the last training batch, before its update. */
  trainAccuracy: number;
  gradNorm: number;
  clipped: boolean;
  examplesPerSec: number;
  history: LossHistory;
  /** Accuracy histories: training (smoothed over batches) and validation. */
  accStep: Float64Array;
  trainAcc: Float64Array;
  valAccStep: Float64Array;
  valAcc: Float64Array;
  validation: Evaluation;
  test: { accuracy: number; loss: number; macroF1: number };
  numParams: number;
  vocabSize: number;
  unknownRate: number;
  counts: { train: number[]; validation: number[]; test: number[] };
  /** The majority class's share of the training part (what always answering it scores there). */
  majorityTrain: number;
  kernels: string;
}

/** What the model makes of one text. */
export interface Inspection {
  target: InspectTarget;
  step: number;
  tokens: string[];
  T: number;
  H: number;
  C: number;
  gold: number | null;
  predicted: number;
  /** Class probabilities after the whole text [C]. */
  probabilities: Float64Array;
  /** Class probabilities after reading tokens 0…t, [T][C] (a prefix fed alone: exact for bidirectional too). */
  belief: Float64Array;
  /** Last layer's forward-direction h_t [T][H]. */
  h: Float64Array;
  /** Last layer's forward-direction gates by name, [T][H] each (none for the plain RNN). */
  gates: Record<string, Float64Array>;
  /** ∂(logit of the predicted class)/∂(embedding of token t), its norm [T], and gradient·embedding [T] (signed). */
  saliency: Float64Array;
  gradTimesInput: Float64Array;
  /** Whether the text was cut to maxLength tokens. */
  truncated: boolean;
}

export interface CompareRow {
  cell: CellType;
  bidirectional: boolean;
  steps: number;
  testAccuracy: number;
  validationAccuracy: number;
  loss: number;
  ms: number;
  numParams: number;
}

export type ClassifyReport =
  | { type: "snapshot"; snapshot: ClassifySnapshot }
  | { type: "checkpoint"; checkpoint: Checkpoint }
  | { type: "diverged"; divergence: DivergenceInfo }
  | { type: "inspection"; inspection: Inspection }
  | { type: "compare"; rows: CompareRow[]; done: boolean; running: { cell: CellType; bidirectional: boolean; step: number } | null }
  | KitReport;

export function classifyTransferablesOf(report: ClassifyReport): ArrayBuffer[] {
  const t = new Transfers();
  switch (report.type) {
    case "snapshot": {
      const s = report.snapshot;
      t.add(s.history.step, s.history.train, s.history.valStep, s.history.val, s.accStep, s.trainAcc, s.valAccStep, s.valAcc);
      break;
    }
    case "checkpoint": {
      const c = report.checkpoint;
      t.add(c.params, c.history.step, c.history.train, c.history.valStep, c.history.val);
      break;
    }
    case "inspection": {
      const i = report.inspection;
      t.add(i.probabilities, i.belief, i.h, i.saliency, i.gradTimesInput, ...Object.values(i.gates));
      break;
    }
    default:
      break;
  }
  return t.buffers;
}
