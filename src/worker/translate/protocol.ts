// src/worker/translate/protocol.ts: the translation lab's messages (#/lab/translate), on the kit's base.
// One worker trains an encoder–decoder (src/engine/seq2seq) on dates, CMUdict spelling → pronunciation, or a toy
// (reverse, sort), and optionally a twin with the other attention choice ("attention vs no attention") on the same
// batches from the same seed.
import type { AttentionKind, Seq2SeqCell } from "../../engine/seq2seq";
import type { DataProblem } from "../../data/messages";
import { Transfers, type KitCommand, type KitReport, type OptimSettings } from "../kit/protocol";

export type { OptimSettings };

/** Bump on any change of shape of the types below. */
export const TRANSLATE_PROTOCOL_VERSION = 1;

export const TRANSLATE_TASKS = ["dates", "cmudict", "reverse", "sort"] as const;
export type TranslateTask = (typeof TRANSLATE_TASKS)[number];

/** Everything that defines a run; changing any of it but `optim`, `teacherForcing` and `beamWidth` starts new networks. */
export interface TranslateSetup {
  task: TranslateTask;
  cell: Seq2SeqCell;
  attention: AttentionKind;
  embeddingSize: number;
  hiddenSize: number;
  /** Probability that a decoder step reads the true previous token while training (1: always). */
  teacherForcing: number;
  /** Beam width of the beam-search numbers and views (1 is greedy decoding). */
  beamWidth: number;
  batchSize: number;
  optim: OptimSettings;
  /** Also train the same model with the other attention choice ("none" ↔ additive) on the same batches. */
  compare: boolean;
  /** Seeds the data (pairs, split, batches) and the weights. */
  seed: number;
  /** The CMUdict extract (public/data/cmudict.tsv) for task "cmudict"; the page fetches it. */
  corpus?: string;
}

/** Decoding numbers on the test examples the lab scores (a fixed, seeded subset of the held-out set). */
export interface DecodeMetrics {
  /** Share of outputs equal to the reference. */
  exactMatch: number;
  /** Σ edit distance / Σ reference length (phoneme error rate on CMUdict, character error rate otherwise). */
  errorRate: number;
  /** Share of reference positions decoded right (free-running). */
  tokenAccuracy: number;
}

export interface TranslateEval {
  /** The training step the numbers belong to. */
  step: number;
  /** How many test examples were decoded. */
  count: number;
  greedy: DecodeMetrics;
  beam: DecodeMetrics;
  /** Teacher-forced token accuracy and loss on the same examples. */
  forcedAccuracy: number;
  testLoss: number;
  /** Greedy exact match by source length (symbols), buckets from `lengthEdges`. */
  byLength: { from: number; to: number; count: number; exactMatch: number }[];
}

export interface TranslateHistory {
  step: Float64Array;
  loss: Float64Array;
  evalStep: Float64Array;
  greedyExact: Float64Array;
  beamExact: Float64Array;
  greedyError: Float64Array;
}

/** One output of beam search. */
export interface DecodedHypothesis {
  symbols: string[];
  /** log P / length (length counts the end symbol). */
  score: number;
  logProb: number;
  finished: boolean;
}

/** A source decoded greedily and with beam search. */
export interface DecodedExample {
  source: string[];
  /** The reference, or null for a typed input. */
  reference: string[] | null;
  greedy: DecodedHypothesis;
  /** Best first, at most beamWidth. */
  beam: DecodedHypothesis[];
}

/** The greedy decoding of one example with everything the views draw. */
export interface ExampleView {
  /** Index into the test examples. */
  index: number;
  source: string[];
  reference: string[] | null;
  /** Output symbols, the end symbol included as the last ("</s>") when the decoder emitted it. */
  output: string[];
  /** Attention weights [output steps][source steps] (source steps count the end symbol); empty for "none". */
  attention: Float64Array;
  /** Per output step: the top symbols of the output distribution and their probabilities, best first. */
  top: { symbols: string[]; probs: number[] }[];
  /** Encoder outputs [source steps][H] and decoder states [output steps][H]. */
  encoderStates: Float64Array;
  decoderStates: Float64Array;
  H: number;
}

/** One model of the run (the main one, or the comparison twin). */
export interface TranslateModelView {
  attention: AttentionKind;
  step: number;
  loss: number;
  eval: TranslateEval | null;
  history: TranslateHistory;
  /** Set when this model stopped: a non-finite loss or gradient (its weights are those of the step before). */
  diverged: { step: number; detail: string } | null;
}

export interface TranslateSnapshot {
  step: number;
  isTraining: boolean;
  task: TranslateTask;
  /** Source symbols the model knows (for checking typed input on the page), without the special ones. */
  sourceAlphabet: string[];
  /** Longest source the lab decodes (symbols). */
  maxSourceLength: number;
  trainCount: number;
  testCount: number;
  main: TranslateModelView;
  /** The comparison twin (attention "none" when main attends, additive otherwise), when `compare` is on. */
  twin: TranslateModelView | null;
  /** The current example, decoded by the main model. */
  example: ExampleView | null;
  /** A few test examples decoded greedily and with beam search. */
  samples: DecodedExample[];
  stepsPerSec: number;
  kernels: string;
}

export interface TranslateCheckpoint {
  step: number;
  /** θ of the main model, then of the twin when there is one. */
  params: Float64Array[];
  history?: TranslateHistory[];
}

export type TranslateCommand =
  | { type: "init"; version: number; setup: TranslateSetup; resume?: TranslateCheckpoint }
  | { type: "reset"; setup: TranslateSetup }
  /** Teacher forcing and beam width: no restart. */
  | { type: "setDecoding"; teacherForcing: number; beamWidth: number }
  /** Which test example the views show. */
  | { type: "setExample"; index: number }
  /** Decode a typed source (already checked on the page; checked again here). */
  | { type: "translate"; id: number; text: string }
  | KitCommand;

export type TranslateReport =
  | { type: "snapshot"; snapshot: TranslateSnapshot }
  | { type: "checkpoint"; checkpoint: TranslateCheckpoint }
  /** A typed source decoded, or why it was refused (an empty word, symbols outside the alphabet, too long). */
  | { type: "translation"; id: number; text: string; result: DecodedExample | null; view: ExampleView | null; problem: DataProblem | null }
  | KitReport;

function addHistory(t: Transfers, h: TranslateHistory): void {
  t.add(h.step, h.loss, h.evalStep, h.greedyExact, h.beamExact, h.greedyError);
}

function addExample(t: Transfers, e: ExampleView | null): void {
  if (e) t.add(e.attention, e.encoderStates, e.decoderStates);
}

/** The buffers of a report, to pass as transferables (each a fresh copy). */
export function translateTransferablesOf(report: TranslateReport): ArrayBuffer[] {
  const t = new Transfers();
  switch (report.type) {
    case "snapshot":
      addHistory(t, report.snapshot.main.history);
      if (report.snapshot.twin) addHistory(t, report.snapshot.twin.history);
      addExample(t, report.snapshot.example);
      break;
    case "checkpoint":
      t.add(...report.checkpoint.params);
      report.checkpoint.history?.forEach((h) => {
        addHistory(t, h);
      });
      break;
    case "translation":
      if (report.view) addExample(t, report.view);
      break;
    default:
      break;
  }
  return t.buffers;
}
