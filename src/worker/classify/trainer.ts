// src/worker/classify/trainer.ts: the text-classification lab's trainer on the kit: token batches of different
// lengths → embedding → RNN/LSTM/GRU → final state → logistic (2 classes, BCE) or softmax head.
//
// No worker globals here: serve() (worker.ts) or a test injects how to post, to schedule and to tell time.
import {
  createNetwork, createOptimizer, readTrace, StepGuard,
  type Batch, type ModelConfigInput, type Network, type Optimizer,
} from "../../engine";
import {
  accuracyByLength, balancedSplit, buildTokenVocabulary, classCounts, confusionMatrix, encodeText, makeTokenBatch,
  precisionRecallF1, tokenize, TokenBatcher, type ClassDataset, type TokenBatch, type TokenVocabulary,
} from "../../data/classify";
import { History } from "../kit/history";
import { Every, SliceLoop, type SliceHost } from "../kit/loop";
import { assertNever, errorReport, KitError, type KitReport } from "../kit/protocol";
import { estimateStepMs } from "../kit/cost";
import { checkClip } from "../sine/trainer";
import type {
  Checkpoint, ClassifyCommand, ClassifyReport, ClassifySetup, ClassifySnapshot, CompareRow, DivergenceInfo, Evaluation,
  InspectTarget, Inspection, LossHistory, OptimSettings,
} from "./protocol";

export type ClassifyTrainerHost = SliceHost<ClassifyReport | KitReport>;

export const SNAPSHOT_INTERVAL_MS = 1000 / 10;
export const VALIDATION_INTERVAL_MS = 1500;
export const CHECKPOINT_INTERVAL_MS = 1000;
export const VALIDATION_FRACTION = 0.1;
export const TEST_FRACTION = 0.1;
/** Held-out examples per evaluation batch. */
const EVAL_BATCH = 256;
/** Prefixes fed for the belief-while-reading view (evenly spaced over longer texts). */
export const MAX_PREFIXES = 120;
export const MAX_MISTAKES = 12;
export const LENGTH_EDGES_CHAR = [1, 5, 7, 9, 12, 20, 50, 100, 200];
export const LENGTH_EDGES_WORD = [1, 10, 20, 40, 60, 80];
const VOCAB_MAX = { char: 300, word: 8000 } as const;
const VOCAB_MIN_COUNT = { char: 1, word: 2 } as const;

/** Everything built from a setup: the split, the vocabulary, the encoded texts. */
interface Prepared {
  data: ClassDataset;
  vocab: TokenVocabulary;
  encoded: Int32Array[];
  labels: Int32Array;
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

export function checkSetup(s: ClassifySetup): void {
  const range = (name: string, v: number, lo: number, hi: number, isInt = true): void => {
    if (!(Number.isFinite(v) && v >= lo && v <= hi && (!isInt || Number.isInteger(v)))) {
      throw new KitError({ key: "engine", code: "config", detail: `${name} must be from ${lo} to ${hi}, but is ${v}.` });
    }
  };
  range("Layers", s.model.numLayers, 1, 2);
  range("Hidden size", s.model.hiddenSize, 1, 512);
  range("Embedding size", s.model.embeddingSize, 1, 256);
  range("Dropout", s.model.dropout, 0, 0.9, false);
  range("Batch size", s.batchSize, 1, 512);
  range("Maximum length", s.maxLength, 1, 2000);
  range("Seed", s.seed, 0, 2 ** 31 - 1);
  checkClip(s.optim);
  const d = s.data;
  if (d.texts.length !== d.labels.length || d.classes.length < 2) {
    throw new KitError({ key: "engine", code: "config", detail: `The data needs 2 or more classes and a label per text.` });
  }
}

export function prepare(s: ClassifySetup): Prepared {
  const data: ClassDataset = { classes: s.data.classes, examples: s.data.texts.map((text, i) => ({ text, label: s.data.labels[i] })) };
  const split = balancedSplit(data, VALIDATION_FRACTION, TEST_FRACTION, s.seed);
  const vocab = buildTokenVocabulary(Array.from(split.train, (i) => data.examples[i].text), s.tokens, VOCAB_MAX[s.tokens], VOCAB_MIN_COUNT[s.tokens]);
  const encoded = data.examples.map((e) => encodeText(e.text, vocab, s.maxLength));
  return { data, vocab, encoded, labels: Int32Array.from(s.data.labels), train: split.train, validation: split.validation, test: split.test };
}

function modelConfig(s: ClassifySetup, p: Prepared): ModelConfigInput {
  const C = p.data.classes.length;
  return {
    cell: s.model.cell, inputSize: s.model.embeddingSize, hiddenSize: s.model.hiddenSize, numLayers: s.model.numLayers,
    outputSize: C === 2 ? 1 : C, loss: C === 2 ? "bce" : "xent", outputMode: "last", inputKind: "tokens",
    vocabSize: p.vocab.tokens.length, bidirectional: s.model.bidirectional, dropout: s.model.numLayers > 1 ? s.model.dropout : 0,
  };
}

/** The engine batch of a token batch: BCE targets [B][1] for two classes, class indices [B] otherwise. */
export function engineBatch(tb: TokenBatch, C: number): Batch {
  if (C === 2) return { T: tb.T, B: tb.B, inputIndices: tb.inputs, lengths: tb.lengths, targets: Float64Array.from(tb.labels) };
  return { T: tb.T, B: tb.B, inputIndices: tb.inputs, lengths: tb.lengths, targetIndices: tb.labels };
}

/** Class probabilities [B][C] from the head's outputs (a logit for 2 classes, else C logits). */
export function probabilitiesOf(outputs: Float64Array, B: number, C: number): Float64Array {
  const p = new Float64Array(B * C);
  for (let b = 0; b < B; b++) {
    if (C === 2) {
      const q = 1 / (1 + Math.exp(-outputs[b]));
      p[b * 2] = 1 - q;
      p[b * 2 + 1] = q;
      continue;
    }
    let max = -Infinity;
    for (let c = 0; c < C; c++) max = Math.max(max, outputs[b * C + c]);
    let sum = 0;
    for (let c = 0; c < C; c++) sum += p[b * C + c] = Math.exp(outputs[b * C + c] - max);
    for (let c = 0; c < C; c++) p[b * C + c] /= sum;
  }
  return p;
}

function argmax(p: Float64Array, off: number, C: number): number {
  let best = 0;
  for (let c = 1; c < C; c++) if (p[off + c] > p[off + best]) best = c;
  return best;
}

/** Probabilities [N][C] and the mean loss of `net` (evaluation mode) over examples `indices`. */
export function evaluateOn(net: Network, p: Prepared, indices: Int32Array): { probs: Float64Array; loss: number } {
  const C = p.data.classes.length;
  const probs = new Float64Array(indices.length * C);
  let lossSum = 0;
  net.training = false;
  for (let from = 0; from < indices.length; from += EVAL_BATCH) {
    const rows = indices.subarray(from, Math.min(indices.length, from + EVAL_BATCH));
    const tb = makeTokenBatch(p.encoded, p.labels, rows);
    lossSum += net.forward(engineBatch(tb, C)) * rows.length;
    probs.set(probabilitiesOf(net.outputs(), rows.length, C), from * C);
  }
  return { probs, loss: indices.length === 0 ? NaN : lossSum / indices.length };
}

export function evaluation(net: Network, p: Prepared, indices: Int32Array, maxLength: number): Evaluation {
  const C = p.data.classes.length;
  const { probs, loss } = evaluateOn(net, p, indices);
  const N = indices.length;
  const predicted = new Int32Array(N);
  const gold = new Int32Array(N);
  const lengths = new Int32Array(N);
  for (let n = 0; n < N; n++) {
    predicted[n] = argmax(probs, n * C, C);
    gold[n] = p.labels[indices[n]];
    lengths[n] = p.encoded[indices[n]].length;
  }
  let right = 0;
  for (let n = 0; n < N; n++) if (predicted[n] === gold[n]) right++;
  const confusion = confusionMatrix(predicted, gold, C);
  const prf = precisionRecallF1(confusion);
  const edges = (p.vocab.kind === "char" ? LENGTH_EDGES_CHAR : LENGTH_EDGES_WORD).filter((e) => e <= maxLength);
  const mistakes = [];
  for (let n = 0; n < N; n++) if (predicted[n] !== gold[n]) mistakes.push(n);
  mistakes.sort((a, b) => probs[b * C + predicted[b]] - probs[a * C + predicted[a]] || a - b);
  return {
    loss,
    accuracy: N === 0 ? NaN : right / N,
    confusion,
    precision: prf.perClass.map((s) => s.precision),
    recall: prf.perClass.map((s) => s.recall),
    f1: prf.perClass.map((s) => s.f1),
    macroF1: prf.macroF1,
    byLength: accuracyByLength(lengths, predicted, gold, edges).map((b) => ({ ...b })),
    mistakes: mistakes.slice(0, MAX_MISTAKES).map((n) => ({
      index: indices[n], text: p.data.examples[indices[n]].text.slice(0, 400), gold: gold[n], predicted: predicted[n],
      confidence: probs[n * C + predicted[n]], length: lengths[n],
    })),
  };
}

/** A dense copy of the network without its embedding: what the saliency's input gradient is read from. */
function denseTwin(net: Network): Network {
  const c = net.config;
  return createNetwork({
    cell: c.cell, inputSize: c.inputSize, hiddenSize: c.hiddenSize, numLayers: c.numLayers, outputSize: c.outputSize,
    loss: "mse", outputMode: "last", inputKind: "dense", bidirectional: c.bidirectional, dropout: c.dropout,
  });
}

/**
 * What the model makes of one token sequence: final probabilities, belief after each prefix, h and the gates of the
 * last layer, and the saliency of each token.
 *
 * Saliency: the engine's token path accumulates ∂L/∂embedding per vocabulary row, so a token used twice would merge
 * its positions. Instead the embedding rows are looked up here and fed to a dense twin of the network (same weights
 * minus the embedding) whose loss is MSE against a target chosen so that ∂L/∂z = ±1 on the predicted class's logit
 * z and 0 elsewhere (MSE over O outputs and one sequence: ∂L/∂z_k = 2(z_k − y_k)/O, so y_c = z_c ∓ O/2, y_k = z_k).
 * The twin's input gradient (backward with inputGrads) is then exactly ∂z_c/∂e_t for every position t. For the
 * logistic head the logit of class 0 is −z (hence the sign).
 */
export function inspectIds(net: Network, twin: Network, ids: Int32Array, C: number): Omit<Inspection, "target" | "step" | "tokens" | "gold" | "truncated"> {
  const c = net.config;
  const T = ids.length;
  const H = c.hiddenSize;
  const E = c.inputSize;
  const O = c.outputSize;
  net.training = false;
  net.forward({ T, B: 1, inputIndices: ids });
  const trace = readTrace(net);
  const top = c.numLayers - 1;
  const h = trace.h[top].slice();
  const gates: Record<string, Float64Array> = {};
  for (const [name, perLayer] of Object.entries(trace.gates)) gates[name] = perLayer[top].slice();
  const probabilities = probabilitiesOf(net.outputs(), 1, C);
  const predicted = argmax(probabilities, 0, C);
  // Belief while reading: every prefix (or evenly spaced ones) in one batch of different lengths.
  const P = Math.min(T, MAX_PREFIXES);
  const prefixLengths = new Int32Array(P);
  for (let k = 0; k < P; k++) prefixLengths[k] = Math.max(1, Math.round(((k + 1) * T) / P));
  const inputs = new Int32Array(T * P);
  for (let k = 0; k < P; k++) for (let t = 0; t < prefixLengths[k]; t++) inputs[t * P + k] = ids[t];
  net.forward({ T, B: P, inputIndices: inputs, lengths: prefixLengths });
  const prefixProbs = probabilitiesOf(net.outputs(), P, C);
  const belief = new Float64Array(T * C);
  let k = 0;
  for (let t = 0; t < T; t++) {
    while (k + 1 < P && prefixLengths[k] < t + 1) k++;
    // Token t shows the belief of the longest computed prefix that ends at or before it (every token when T ≤ MAX_PREFIXES).
    const j = prefixLengths[k] <= t + 1 ? k : Math.max(0, k - 1);
    belief.set(prefixProbs.subarray(j * C, j * C + C), t * C);
  }
  // Saliency on the dense twin.
  const theta = net.params;
  const embOff = net.spec("embedding.weight").offset;
  const emb = theta.subarray(embOff, embOff + c.vocabSize * E);
  twin.setParams(theta.subarray(embOff + c.vocabSize * E));
  twin.training = false;
  const x = new Float64Array(T * E);
  for (let t = 0; t < T; t++) x.set(emb.subarray(ids[t] * E, ids[t] * E + E), t * E);
  twin.forward({ T, B: 1, inputs: x });
  const z = twin.outputs();
  const targets = Float64Array.from(z);
  const unit = O === 1 ? 0 : predicted;
  const sign = O === 1 && predicted === 0 ? -1 : 1;
  targets[unit] = z[unit] - (sign * O) / 2;
  twin.forwardBackward({ T, B: 1, inputs: x, targets }, { inputGrads: true });
  const dx = twin.inputGrads();
  const saliency = new Float64Array(T);
  const gradTimesInput = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let s = 0;
    let gi = 0;
    for (let e = 0; e < E; e++) {
      const g = dx[t * E + e];
      s += g * g;
      gi += g * x[t * E + e];
    }
    saliency[t] = Math.sqrt(s);
    gradTimesInput[t] = gi;
  }
  return { T, H, C, predicted, probabilities, belief, h, gates, saliency, gradTimesInput };
}

/** Runs the Compare: every cell, uni- then bidirectional, the same data, seed and steps, a slice at a time. */
class CompareJob {
  rows: CompareRow[] = [];
  private variant = 0;
  private net: Network | null = null;
  private opt: Optimizer | null = null;
  private batcher: TokenBatcher | null = null;
  private stepsDone = 0;
  private started = 0;
  private lastLoss = NaN;
  cancelled = false;
  static readonly VARIANTS = [
    { cell: "rnn", bidirectional: false }, { cell: "rnn", bidirectional: true },
    { cell: "lstm", bidirectional: false }, { cell: "lstm", bidirectional: true },
    { cell: "gru", bidirectional: false }, { cell: "gru", bidirectional: true },
  ] as const;

  constructor(private readonly setup: ClassifySetup, private readonly p: Prepared, readonly steps: number, private readonly now: () => number) {}

  get done(): boolean {
    return this.cancelled || this.variant >= CompareJob.VARIANTS.length;
  }

  get running(): { cell: CompareRow["cell"]; bidirectional: boolean; step: number } | null {
    if (this.done) return null;
    const v = CompareJob.VARIANTS[this.variant];
    return { cell: v.cell, bidirectional: v.bidirectional, step: this.stepsDone };
  }

  /** Works for about `budgetMs`; true when a variant finished (worth a report). */
  work(budgetMs: number): boolean {
    const start = this.now();
    const C = this.p.data.classes.length;
    while (!this.done && this.now() - start < budgetMs) {
      if (!this.net) {
        const v = CompareJob.VARIANTS[this.variant];
        const s: ClassifySetup = { ...this.setup, model: { ...this.setup.model, cell: v.cell, bidirectional: v.bidirectional } };
        this.net = createNetwork(modelConfig(s, this.p), { seed: s.seed });
        this.opt = createOptimizer(this.net, { kind: s.optim.optimizer, lr: s.optim.learningRate });
        this.batcher = new TokenBatcher(this.p.encoded, this.p.labels, this.p.train, s.batchSize, s.seed);
        this.stepsDone = 0;
        this.started = this.now();
      }
      const net = this.net;
      net.training = true;
      const tb = this.batcher!.next();
      const g = new StepGuard(net, this.stepsDone);
      const r = g.step(this.opt!, engineBatch(tb, C), this.stepsDone, { clipMaxNorm: this.setup.optim.clipMaxNorm });
      this.lastLoss = r.loss;
      this.stepsDone++;
      if (r.failed || this.stepsDone >= this.steps) {
        const v = CompareJob.VARIANTS[this.variant];
        const ms = this.now() - this.started;
        const test = evaluateOn(net, this.p, this.p.test);
        const val = evaluateOn(net, this.p, this.p.validation);
        this.rows.push({
          cell: v.cell, bidirectional: v.bidirectional, steps: this.stepsDone, testAccuracy: accuracyOf(test.probs, this.p, this.p.test),
          validationAccuracy: accuracyOf(val.probs, this.p, this.p.validation), loss: r.failed ? NaN : this.lastLoss, ms, numParams: net.numParams,
        });
        this.net = null;
        this.variant++;
        return true;
      }
    }
    return false;
  }
}

function accuracyOf(probs: Float64Array, p: Prepared, indices: Int32Array): number {
  const C = p.data.classes.length;
  let right = 0;
  for (let n = 0; n < indices.length; n++) if (argmax(probs, n * C, C) === p.labels[indices[n]]) right++;
  return indices.length === 0 ? NaN : right / indices.length;
}

export class ClassifyTrainer {
  private setup!: ClassifySetup;
  private p!: Prepared;
  private net!: Network;
  private evalNet!: Network;
  private twin!: Network;
  private opt!: Optimizer;
  private batcher!: TokenBatcher;
  private guard!: StepGuard;
  private stepCount = 0;
  private lastLoss = NaN;
  private lastTrainAcc = NaN;
  private smoothAcc = NaN;
  private lastGradNorm = NaN;
  private wasClipped = false;
  private validationEval!: Evaluation;
  private testResult = { accuracy: NaN, loss: NaN, macroF1: NaN };
  private trainHistory = new History();
  private valHistory = new History();
  private accHistory = new History();
  private valAccHistory = new History();
  private target: InspectTarget = { kind: "example", index: 0 };
  private compare: CompareJob | null = null;
  private readonly snapshots = new Every(SNAPSHOT_INTERVAL_MS);
  private readonly validations = new Every(VALIDATION_INTERVAL_MS);
  private readonly checkpoints = new Every(CHECKPOINT_INTERVAL_MS);
  private readonly inspections = new Every(VALIDATION_INTERVAL_MS);
  private readonly loop: SliceLoop<ClassifyReport>;

  constructor(private readonly host: ClassifyTrainerHost, setup: ClassifySetup, resume?: Checkpoint) {
    this.loop = new SliceLoop(host, {
      stepOnce: () => this.stepOnce(),
      afterSlice: (now) => {
        if (this.validations.due(now)) this.validate();
        if (this.inspections.due(now)) this.postInspection();
        if (this.checkpoints.due(now)) this.postCheckpoint();
        if (this.snapshots.due(now)) this.snapshot();
      },
    });
    this.build(setup, resume);
  }

  get isTraining(): boolean {
    return this.loop.isTraining;
  }

  begin(): void {
    this.afterChange();
  }

  handle(cmd: ClassifyCommand): void {
    try {
      switch (cmd.type) {
        case "init":
        case "reset":
          this.loop.stop();
          this.cancelCompare();
          this.build(cmd.setup, cmd.resume);
          if (cmd.type === "init") this.host.post({ type: "ready", version: cmd.version });
          this.afterChange();
          return;
        case "train":
          this.cancelCompare();
          this.loop.start();
          return;
        case "pause":
          this.loop.stop();
          this.validate();
          this.afterChange();
          return;
        case "step":
          this.loop.stop();
          if (this.loop.stepOnce() !== false) {
            this.validate();
            this.afterChange();
          }
          return;
        case "setOptim":
          this.applyOptim(cmd.optim);
          this.snapshot();
          return;
        case "inspect":
          this.target = cmd.target;
          this.postInspection();
          return;
        case "compare":
          this.startCompare(cmd.steps);
          return;
        case "cancelCompare":
          this.cancelCompare();
          return;
        case "ping":
        case "fault":
          return;
        default:
          assertNever(cmd);
      }
    } catch (e) {
      this.loop.stop();
      this.host.post(errorReport(e, cmd.type === "init" || cmd.type === "reset"));
    }
  }

  private build(setup: ClassifySetup, resume?: Checkpoint): void {
    // Everything is built first, so a refused setup leaves the previous run as it was.
    checkSetup(setup);
    const p = prepare(setup);
    const config = modelConfig(setup, p);
    const net = createNetwork(config, { seed: setup.seed });
    const evalNet = createNetwork(config, { seed: setup.seed });
    const opt = createOptimizer(net, { kind: setup.optim.optimizer, lr: setup.optim.learningRate });
    if (resume) {
      if (resume.params.length !== net.numParams) throw new KitError({ key: "checkpoint", expected: net.numParams, got: resume.params.length });
      net.setParams(resume.params);
    }
    this.setup = setup;
    this.p = p;
    this.net = net;
    this.evalNet = evalNet;
    this.twin = denseTwin(net);
    this.opt = opt;
    this.batcher = new TokenBatcher(p.encoded, p.labels, p.train, setup.batchSize, setup.seed);
    this.stepCount = resume?.step ?? 0;
    this.trainHistory = new History();
    this.valHistory = new History();
    this.accHistory = new History();
    this.valAccHistory = new History();
    if (resume) {
      this.trainHistory.load(resume.history.step, resume.history.train);
      this.valHistory.load(resume.history.valStep, resume.history.val);
    }
    this.lastLoss = this.trainHistory.last();
    this.lastTrainAcc = NaN;
    this.smoothAcc = NaN;
    this.lastGradNorm = NaN;
    this.wasClipped = false;
    this.guard = new StepGuard(net, this.stepCount);
    let meanLength = 0;
    for (const i of p.train) meanLength += p.encoded[i].length;
    this.loop.expectStepMs(estimateStepMs(net.numParams - config.vocabSize! * config.inputSize, meanLength / p.train.length, setup.batchSize));
    if (this.target.kind === "example" && !(this.target.index >= 0 && this.target.index < p.data.examples.length)) this.target = { kind: "example", index: p.validation[0] };
    if (this.target.kind === "example" && resume === undefined) this.target = { kind: "example", index: p.validation[0] };
    this.validate();
    this.snapshots.clear();
  }

  private applyOptim(o: OptimSettings): void {
    checkClip(o);
    if (o.optimizer !== this.opt.kind) this.opt = createOptimizer(this.net, { kind: o.optimizer, lr: o.learningRate });
    else this.opt.lr = o.learningRate;
    this.setup = { ...this.setup, optim: o };
  }

  private stepOnce(): number | false {
    const C = this.p.data.classes.length;
    const tb = this.batcher.next();
    this.net.training = true;
    const r = this.guard.step(this.opt, engineBatch(tb, C), this.stepCount, { clipMaxNorm: this.setup.optim.clipMaxNorm });
    if (r.failed) {
      this.diverge(r.failed.cause, r.failed.what);
      return false;
    }
    // The head's outputs are those of the pass the gradient came from (before the update).
    const probs = probabilitiesOf(this.net.outputs(), tb.B, C);
    let right = 0;
    for (let b = 0; b < tb.B; b++) if (argmax(probs, b * C, C) === tb.labels[b]) right++;
    this.lastTrainAcc = right / tb.B;
    this.smoothAcc = Number.isNaN(this.smoothAcc) ? this.lastTrainAcc : 0.9 * this.smoothAcc + 0.1 * this.lastTrainAcc;
    this.stepCount++;
    this.lastLoss = r.loss;
    this.lastGradNorm = r.gradNorm;
    this.wasClipped = r.clipped;
    this.trainHistory.push(this.stepCount, r.loss);
    this.accHistory.push(this.stepCount, this.smoothAcc);
    return tb.B;
  }

  private diverge(cause: DivergenceInfo["cause"], what: DivergenceInfo["what"]): void {
    this.loop.stop();
    const divergence: DivergenceInfo = {
      step: this.stepCount, cause, what, lastGoodStep: this.guard.goodStep, lastGoodLoss: this.guard.goodLoss,
      learningRate: this.setup.optim.learningRate, clipMaxNorm: this.setup.optim.clipMaxNorm,
    };
    this.stepCount = this.guard.goodStep;
    for (const h of [this.trainHistory, this.valHistory, this.accHistory, this.valAccHistory]) h.truncateAfter(this.stepCount);
    this.host.post({ type: "diverged", divergence });
    this.snapshot();
    this.postCheckpoint();
  }

  /** Metrics on the validation part (the curves, the confusion matrix, the error analysis) and the test part. */
  private validate(): void {
    this.evalNet.setParams(this.net.params);
    this.validationEval = evaluation(this.evalNet, this.p, this.p.validation, this.setup.maxLength);
    const test = evaluation(this.evalNet, this.p, this.p.test, this.setup.maxLength);
    this.testResult = { accuracy: test.accuracy, loss: test.loss, macroF1: test.macroF1 };
    this.valHistory.push(this.stepCount, this.validationEval.loss);
    this.valAccHistory.push(this.stepCount, this.validationEval.accuracy);
    this.validations.mark(this.host.now());
  }

  private afterChange(): void {
    this.snapshot();
    this.postInspection();
    this.postCheckpoint();
  }

  inspect(target: InspectTarget): Inspection {
    const p = this.p;
    const C = p.data.classes.length;
    let ids: Int32Array;
    let text: string;
    let gold: number | null = null;
    if (target.kind === "example") {
      const index = target.index >= 0 && target.index < p.encoded.length ? target.index : p.validation[0];
      ids = p.encoded[index];
      text = p.data.examples[index].text;
      gold = p.labels[index];
    } else {
      text = target.text.slice(0, 20_000);
      ids = encodeText(text, p.vocab, this.setup.maxLength);
    }
    const all = tokenize(text, p.vocab.kind);
    const tokens = all.length === 0 ? [" "] : all.slice(0, ids.length);
    this.evalNet.setParams(this.net.params);
    const r = inspectIds(this.evalNet, this.twin, ids, C);
    return { ...r, target, step: this.stepCount, tokens, gold, truncated: all.length > ids.length };
  }

  private postInspection(): void {
    this.inspections.mark(this.host.now());
    this.host.post({ type: "inspection", inspection: this.inspect(this.target) });
  }

  checkpoint(): Checkpoint {
    return { step: this.stepCount, params: this.net.params.slice(), history: this.history() };
  }

  private postCheckpoint(): void {
    this.checkpoints.mark(this.host.now());
    this.host.post({ type: "checkpoint", checkpoint: this.checkpoint() });
  }

  private history(): LossHistory {
    const [step, train] = this.trainHistory.export();
    const [valStep, val] = this.valHistory.export();
    return { step, train, valStep, val };
  }

  snapshot(): void {
    this.snapshots.mark(this.host.now());
    this.host.post({ type: "snapshot", snapshot: this.buildSnapshot() });
  }

  buildSnapshot(): ClassifySnapshot {
    const p = this.p;
    const [accStep, trainAcc] = this.accHistory.export();
    const [valAccStep, valAcc] = this.valAccHistory.export();
    const trainCounts = classCounts(p.data, p.train);
    return {
      step: this.stepCount,
      isTraining: this.isTraining,
      epoch: this.batcher.epoch,
      loss: this.lastLoss,
      trainAccuracy: this.lastTrainAcc,
      gradNorm: this.lastGradNorm,
      clipped: this.wasClipped,
      examplesPerSec: this.isTraining ? this.loop.rate : 0,
      history: this.history(),
      accStep, trainAcc, valAccStep, valAcc,
      validation: this.validationEval,
      test: this.testResult,
      numParams: this.net.numParams,
      vocabSize: p.vocab.tokens.length,
      unknownRate: p.vocab.unknownRate,
      counts: { train: trainCounts, validation: classCounts(p.data, p.validation), test: classCounts(p.data, p.test) },
      majorityTrain: Math.max(...trainCounts) / p.train.length,
      kernels: this.net.kernels.name,
    };
  }

  private startCompare(steps: number): void {
    if (!(Number.isInteger(steps) && steps >= 1 && steps <= 5000)) {
      throw new KitError({ key: "engine", code: "config", detail: `Compare steps must be from 1 to 5000, but is ${steps}.` });
    }
    this.loop.stop();
    this.snapshot();
    const job = new CompareJob(this.setup, this.p, steps, () => this.host.now());
    this.compare = job;
    const run = (): void => {
      if (this.compare !== job || job.cancelled) return;
      let finished: boolean;
      try {
        finished = job.work(12);
      } catch (e) {
        this.compare = null;
        this.host.post(errorReport(e));
        return;
      }
      if (finished || job.done) this.host.post({ type: "compare", rows: job.rows.slice(), done: job.done, running: job.running });
      if (!job.done) this.host.schedule(run);
      else this.compare = null;
    };
    this.host.post({ type: "compare", rows: [], done: false, running: job.running });
    this.host.schedule(run);
  }

  private cancelCompare(): void {
    if (!this.compare) return;
    this.compare.cancelled = true;
    this.host.post({ type: "compare", rows: this.compare.rows.slice(), done: true, running: null });
    this.compare = null;
  }

  /** Runs `n` optimiser steps at once (tests). */
  trainSteps(n: number): void {
    for (let i = 0; i < n; i++) if (this.stepOnce() === false) return;
    this.validate();
  }
}
