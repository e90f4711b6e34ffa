// src/worker/speech/protocol.ts: the speech lab's messages (#/lab/speech), on the kit's base. One worker computes
// log-mel features of the built-in words and the learner's recordings (the same code for both), trains a GRU, LSTM
// or tanh-RNN whose last state → softmax names the word, and classifies the words heard by "Listen".
import type { CellType } from "../../engine";
import { Transfers, type KitCommand, type KitReport, type OptimSettings } from "../kit/protocol";

export type { OptimSettings };

/** Bump on any change of shape of the Speech* types below. */
export const SPEECH_PROTOCOL_VERSION = 1;

/** Which examples train and test the network. */
export type SpeechSource = "builtin" | "mine" | "both";

export interface SpeechSetup {
  cell: CellType;
  hiddenSize: number;
  numLayers: number;
  batchSize: number;
  source: SpeechSource;
  optim: OptimSettings;
  seed: number;
}

/** One of the learner's recordings, 8 kHz, trimmed. */
export interface SpeechRecordingData {
  id: string;
  /** Index into the word list. */
  word: number;
  samples: Float32Array;
}

/** The audio the worker turns into examples: the built-in pack's files as fetched, and the recordings. */
export interface SpeechData {
  /** index.json parsed, and clips.bin: null when the built-in set is not used or could not be loaded. */
  pack: { index: unknown; bytes: Uint8Array } | null;
  recordings: SpeechRecordingData[];
}

export interface SpeechCheckpoint {
  step: number;
  params: Float64Array;
}

export interface SpeechHistory {
  step: Float64Array;
  loss: Float64Array;
  accStep: Float64Array;
  /** Accuracy 0…1 on the training examples and on the held-out voices (NaN without test examples). */
  trainAcc: Float64Array;
  testAcc: Float64Array;
}

export interface SpeechSnapshot {
  step: number;
  epoch: number;
  loss: number;
  isTraining: boolean;
  trainAcc: number;
  testAcc: number;
  /** Counts on the test set (the training set when there is no test set): row = true word, column = answer [O][O]. */
  confusion: Int32Array;
  confusionOf: "test" | "train";
  history: SpeechHistory;
  /** Steps per second (0 when not training). */
  rate: number;
}

/** What the worker made of the data. */
export interface SpeechDataInfo {
  words: string[];
  train: number;
  test: number;
  trainVoices: number;
  testVoices: number;
  /** Per example: split, word, voice, frames (what the example picker lists). */
  examples: { split: "train" | "test"; word: number; voice: string; frames: number }[];
}

/** The example under the cursor: its features and what the network did at every frame. */
export interface SpeechInspection {
  index: number;
  T: number;
  D: number;
  H: number;
  O: number;
  /** Log-mel features [T][D], normalised to −1…1. */
  features: Float64Array;
  /** Top layer's hidden state [T][H]. */
  h: Float64Array;
  /** Gates of the top layer by name (GRU z, r; LSTM i, f, o; none for the tanh-RNN), [T][H] each. */
  gates: Record<string, Float64Array>;
  /** Class probabilities after every frame [T][O]. */
  probs: Float64Array;
  /** The audio, 8 kHz, for playback. */
  samples: Float32Array;
  step: number;
}

export type SpeechCommand =
  | { type: "init"; version: number; setup: SpeechSetup; data: SpeechData; resume?: SpeechCheckpoint }
  /** New weights with this setup (data unchanged unless given). */
  | { type: "reset"; setup: SpeechSetup; data?: SpeechData }
  | { type: "inspect"; index: number }
  /** "Listen": the next microphone chunk (8 kHz); the worker finds words in the stream and classifies each. */
  | { type: "listen"; samples: Float32Array }
  /** "Listen" stopped: forget the stream so far. */
  | { type: "listenEnd" }
  | KitCommand;

export type SpeechReport =
  | { type: "data"; info: SpeechDataInfo }
  | { type: "snapshot"; snapshot: SpeechSnapshot }
  | { type: "checkpoint"; checkpoint: SpeechCheckpoint }
  | { type: "inspection"; inspection: SpeechInspection }
  /**
   * A word "Listen" heard: the probability of each word; `isFinal` false at the first quiet block (the early answer),
   * true once the word is over for good; `ms` the worker's time from the end of the word to the answer.
   */
  | { type: "heard"; probs: Float64Array; isFinal: boolean; ms: number; frames: number }
  | KitReport;

export function speechTransferablesOf(report: SpeechReport): ArrayBuffer[] {
  const t = new Transfers();
  switch (report.type) {
    case "snapshot": {
      const h = report.snapshot.history;
      t.add(h.step, h.loss, h.accStep, h.trainAcc, h.testAcc, report.snapshot.confusion);
      break;
    }
    case "checkpoint":
      t.add(report.checkpoint.params);
      break;
    case "inspection": {
      const i = report.inspection;
      t.add(i.features, i.h, i.probs, ...Object.values(i.gates));
      break;
    }
    case "heard":
      t.add(report.probs);
      break;
    default:
      break;
  }
  return t.buffers;
}
