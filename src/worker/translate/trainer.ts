// src/worker/translate/trainer.ts: the translation lab's trainer on the kit: an encoder–decoder (and optionally its
// twin with the other attention choice) trained on the same batches, scored on held-out examples by greedy and beam
// decoding, with the views' data (attention matrix, states, output distributions) of the current example.
//
// No worker globals here: serve() (worker.ts) or a test injects how to post, schedule and tell time.
import { EngineError } from "../../engine/errors";
import { Rng } from "../../engine/rng";
import {
  beamSearch, greedyDecode, Seq2SeqModel, Seq2SeqTrainer,
  type AttentionKind, type BeamResult, type GreedyResult, type Hypothesis, type Seq2SeqBatch,
} from "../../engine/seq2seq";
import {
  BOS_ID, checkTypedInput, decodeSymbols, EOS_ID, UNK_ID, exactMatchByLength, makeSeq2SeqBatch, scoreDecoded, Seq2SeqBatcher,
  teacherForcedTokenAccuracy, type SeqPair,
} from "../../data/seq2seq";
import { History } from "../kit/history";
import { Every, SliceLoop, type SliceHost } from "../kit/loop";
import { assertNever, errorReport, KitError, type KitReport } from "../kit/protocol";
import { estimateStepMs } from "../kit/cost";
import { checkClip } from "../sine/trainer";
import { buildTask, type TaskData } from "./tasks";
import type {
  DecodedExample, DecodedHypothesis, ExampleView, OptimSettings, TranslateCheckpoint, TranslateCommand, TranslateEval,
  TranslateHistory, TranslateModelView, TranslateReport, TranslateSetup, TranslateSnapshot,
} from "./protocol";

export type TranslateTrainerHost = SliceHost<TranslateReport | KitReport>;

/** The attention matrix is redrawn with every snapshot: five a second keeps it live without flooding the page. */
export const SNAPSHOT_INTERVAL_MS = 200;
export const CHECKPOINT_INTERVAL_MS = 2000;
/** A new pass over the test examples starts at most this often while training. */
export const EVAL_INTERVAL_MS = 1500;
/** Decoding per slice while a pass over the test examples is under way. */
export const EVAL_SLICE_MS = 15;
/** Test examples shown decoded greedily and with beam search. */
export const SAMPLE_COUNT = 5;
/** Beam hypotheses shown per sample. */
export const SHOWN_HYPOTHESES = 3;
/** Symbols listed per output step of the current example. */
export const TOP_SYMBOLS = 5;
/** Source-length buckets of "attention vs no attention" (symbols). */
export const LENGTH_EDGES: Record<TranslateSetup["task"], number[]> = {
  dates: [6, 10, 14, 18, 22, 26],
  cmudict: [3, 5, 7, 9, 11],
  reverse: [3, 5, 7, 9, 11, 13],
  sort: [3, 5, 7, 9, 11, 13],
};
/** The end symbol as the views show it. */
export const END_SYMBOL = "</s>";

/** The attention of the comparison twin: none for a model that attends, additive for one that does not. */
export function twinAttention(a: AttentionKind): AttentionKind {
  return a === "none" ? "additive" : "none";
}

/** A pass over the test examples, decoded a few at a time: greedy and beam results per model. */
interface EvalPass {
  cursor: number;
  greedy: GreedyResult[][];
  beams: BeamResult[][];
}

class ModelRun {
  readonly model: Seq2SeqModel;
  trainer: Seq2SeqTrainer;
  /** Decides the teacher-forcing coin flips. */
  readonly rng: Rng;
  step = 0;
  loss = NaN;
  evaluation: TranslateEval | null = null;
  diverged: { step: number; detail: string } | null = null;
  readonly history = new History(1, 2000);
  readonly evalHistory = new History(3, 500);

  constructor(readonly attention: AttentionKind, setup: TranslateSetup, data: TaskData) {
    this.model = new Seq2SeqModel(
      {
        cell: setup.cell,
        attention,
        sourceVocabSize: data.sourceVocab.symbols.length,
        targetVocabSize: data.targetVocab.symbols.length,
        embeddingSize: setup.embeddingSize,
        hiddenSize: setup.hiddenSize,
      },
      { rng: new Rng(setup.seed) },
    );
    this.trainer = new Seq2SeqTrainer(this.model, { kind: setup.optim.optimizer, lr: setup.optim.learningRate });
    this.rng = new Rng(setup.seed + 1);
  }

  historyOf(): TranslateHistory {
    const [step, loss] = this.history.export();
    const [evalStep, greedyExact, beamExact, greedyError] = this.evalHistory.export();
    return { step, loss, evalStep, greedyExact, beamExact, greedyError };
  }

  view(): TranslateModelView {
    return { attention: this.attention, step: this.step, loss: this.loss, eval: this.evaluation, history: this.historyOf(), diverged: this.diverged };
  }
}

function hypothesisOf(h: Hypothesis, data: TaskData): DecodedHypothesis {
  return { symbols: decodeSymbols(h.tokens, data.targetVocab), score: h.score, logProb: h.logProb, finished: h.finished };
}

export class TranslateTrainer {
  private setup!: TranslateSetup;
  private data!: TaskData;
  private batcher!: Seq2SeqBatcher;
  private testBatch!: Seq2SeqBatch;
  private runs: ModelRun[] = [];
  private stepCount = 0;
  private exampleIndex = 0;
  private samples: DecodedExample[] = [];
  private pass: EvalPass | null = null;
  /** The test sources as ids, the end symbol included. */
  private testSources: number[][] = [];
  /** The parsed corpus is kept while the same text comes back (a reset with other sizes does not parse it again). */
  private cache: { key: string; corpus: string | undefined; data: TaskData } | null = null;
  private readonly snapshots = new Every(SNAPSHOT_INTERVAL_MS);
  private readonly checkpoints = new Every(CHECKPOINT_INTERVAL_MS);
  private readonly evaluations = new Every(EVAL_INTERVAL_MS);
  private readonly loop: SliceLoop<TranslateReport>;

  constructor(private readonly host: TranslateTrainerHost, setup: TranslateSetup, resume?: TranslateCheckpoint) {
    this.loop = new SliceLoop(host, {
      stepOnce: () => {
        const n = this.stepOnce();
        if (n > 0) return n;
        this.loop.stop();
        this.evaluate();
        this.snapshot();
        this.postCheckpoint();
        return false;
      },
      afterSlice: (now) => {
        // A pass in progress goes on for a slice's worth of time; a new one starts when the last is old enough.
        if (this.pass || this.evaluations.due(now)) {
          if (this.advancePass(EVAL_SLICE_MS)) this.evaluations.mark(this.host.now());
        }
        if (this.snapshots.due(now)) this.snapshot();
        if (this.checkpoints.due(now)) this.postCheckpoint();
      },
    });
    this.build(setup, resume);
  }

  begin(): void {
    this.snapshot();
  }

  handle(cmd: TranslateCommand): void {
    try {
      switch (cmd.type) {
        case "init":
          this.loop.stop();
          this.build(cmd.setup, cmd.resume);
          this.host.post({ type: "ready", version: cmd.version });
          this.snapshot();
          return;
        case "train":
          if (!this.runs.some((r) => r.diverged === null)) {
            this.snapshot();
            return;
          }
          this.loop.start();
          return;
        case "pause":
          this.loop.stop();
          this.evaluate();
          this.snapshot();
          this.postCheckpoint();
          return;
        case "step":
          this.loop.stop();
          this.loop.stepOnce();
          // A little of the test pass per step, so stepping stays quick; the numbers come when it completes.
          if (this.advancePass(4 * EVAL_SLICE_MS)) this.evaluations.mark(this.host.now());
          this.snapshot();
          this.postCheckpoint();
          return;
        case "reset":
          this.loop.stop();
          this.build(cmd.setup);
          this.snapshot();
          return;
        case "setOptim":
          this.applyOptim(cmd.optim);
          this.snapshot();
          return;
        case "setDecoding":
          this.applyDecoding(cmd.teacherForcing, cmd.beamWidth);
          this.evaluate();
          this.snapshot();
          return;
        case "setExample":
          this.exampleIndex = Math.max(0, Math.min(this.data.test.length - 1, Math.trunc(cmd.index) || 0));
          this.snapshot();
          return;
        case "translate":
          this.translate(cmd.id, cmd.text);
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

  private taskData(setup: TranslateSetup): TaskData {
    const key = `${setup.task}:${setup.seed}`;
    if (this.cache && this.cache.key === key && this.cache.corpus === setup.corpus) return this.cache.data;
    const data = buildTask(setup.task, setup.seed, setup.corpus);
    this.cache = { key, corpus: setup.corpus, data };
    return data;
  }

  private build(setup: TranslateSetup, resume?: TranslateCheckpoint): void {
    // Everything is built first, so a refused setup leaves the previous run as it was.
    checkClip(setup.optim);
    checkDecoding(setup.teacherForcing, setup.beamWidth);
    if (!Number.isInteger(setup.batchSize) || setup.batchSize < 1 || setup.batchSize > 512) {
      throw new EngineError("config", `The batch size must be a whole number from 1 to 512, but is ${setup.batchSize}.`);
    }
    const data = this.taskData(setup);
    const attentions = setup.compare ? [setup.attention, twinAttention(setup.attention)] : [setup.attention];
    const runs = attentions.map((a) => new ModelRun(a, setup, data));
    if (resume) {
      if (resume.params.length !== runs.length) throw new KitError({ key: "checkpoint", expected: runs.length, got: resume.params.length });
      runs.forEach((r, k) => {
        if (resume.params[k].length !== r.model.numParams) throw new KitError({ key: "checkpoint", expected: r.model.numParams, got: resume.params[k].length });
        r.model.setParams(resume.params[k]);
        r.step = resume.step;
        const h = resume.history?.[k];
        if (h) {
          r.history.load(h.step, h.loss);
          r.evalHistory.load(h.evalStep, h.greedyExact, h.beamExact, h.greedyError);
        }
      });
    }
    this.setup = setup;
    this.data = data;
    this.runs = runs;
    this.stepCount = resume?.step ?? 0;
    this.batcher = new Seq2SeqBatcher(data.train, data.sourceVocab, data.targetVocab, setup.batchSize, setup.seed);
    // A resumed run goes on with the batches it would have drawn next.
    for (let i = 0; i < this.stepCount % Math.ceil(data.train.length / setup.batchSize); i++) this.batcher.next();
    this.testBatch = makeSeq2SeqBatch(data.test, Int32Array.from(data.test.keys()), data.sourceVocab, data.targetVocab);
    this.exampleIndex = Math.min(this.exampleIndex, data.test.length - 1);
    const T = data.maxSource + data.maxTarget + 2;
    this.loop.expectStepMs(runs.reduce((ms, r) => ms + estimateStepMs(r.model.numParams, T, setup.batchSize), 0));
    this.testSources = data.test.map((p) => Array.from(p.source, (sym) => data.sourceVocab.index.get(sym) ?? UNK_ID).concat(EOS_ID));
    this.pass = null;
    this.samples = [];
    // Untrained networks score 0 everywhere: the first numbers come with the first step (or from a resumed run).
    if (resume) this.evaluate();
    this.snapshots.clear();
  }

  private applyOptim(o: OptimSettings): void {
    checkClip(o);
    for (const r of this.runs) {
      if (o.optimizer !== r.trainer.optimizer.kind) r.trainer = new Seq2SeqTrainer(r.model, { kind: o.optimizer, lr: o.learningRate });
      else r.trainer.optimizer.lr = o.learningRate;
    }
    this.setup = { ...this.setup, optim: o };
  }

  private applyDecoding(teacherForcing: number, beamWidth: number): void {
    checkDecoding(teacherForcing, beamWidth);
    this.setup = { ...this.setup, teacherForcing, beamWidth };
  }

  /** One batch for every model still running; returns the pairs trained (0 when none is left running). */
  private stepOnce(): number {
    const running = this.runs.filter((r) => r.diverged === null);
    if (running.length === 0) return 0;
    const batch = this.batcher.next();
    this.stepCount++;
    const maxNorm = this.setup.optim.clipMaxNorm ?? 0;
    for (const r of running) {
      try {
        const { loss } = r.trainer.step(batch, { maxNorm, teacherForcing: this.setup.teacherForcing, rng: r.rng });
        r.loss = loss;
        r.step = this.stepCount;
        r.history.push(this.stepCount, loss);
      } catch (e) {
        if (!(e instanceof EngineError) || e.code !== "value") throw e;
        r.diverged = { step: this.stepCount, detail: e.message };
      }
    }
    return batch.B;
  }

  /** Starts a new pass over the test examples (the previous one, if unfinished, is dropped). */
  private beginPass(): void {
    this.pass = { cursor: 0, greedy: this.runs.map(() => []), beams: this.runs.map(() => []) };
  }

  /**
   * Decodes test examples for at most `budgetMs` (Infinity: to the end) and, once every example is decoded, scores
   * the pass. While training, a pass spreads over many slices so Pause and the attention view stay live.
   */
  private advancePass(budgetMs: number): boolean {
    const { data, setup } = this;
    if (!this.pass) this.beginPass();
    const pass = this.pass!;
    const start = this.host.now();
    const opts = { sos: BOS_ID, eos: EOS_ID, maxLength: data.maxTarget + 2 };
    while (pass.cursor < data.test.length) {
      const src = this.testSources[pass.cursor];
      this.runs.forEach((r, k) => {
        pass.greedy[k].push(greedyDecode(r.model, [src], opts)[0]);
        pass.beams[k].push(beamSearch(r.model, src, { ...opts, beamWidth: setup.beamWidth }));
      });
      pass.cursor++;
      if (this.host.now() - start >= budgetMs) break;
    }
    if (pass.cursor < data.test.length) return false;
    this.scorePass(pass);
    this.pass = null;
    return true;
  }

  private scorePass(pass: EvalPass): void {
    const { data, setup } = this;
    const references = data.test.map((p) => p.target);
    const Vt = data.targetVocab.symbols.length;
    this.runs.forEach((r, k) => {
      const greedyOut = pass.greedy[k].map((g) => decodeSymbols(g.tokens, data.targetVocab));
      const beamOut = pass.beams[k].map((b) => decodeSymbols(b.best.tokens, data.targetVocab));
      const testLoss = r.model.forward(this.testBatch);
      const trace = r.model.trace();
      const predicted = new Int32Array(trace.U * trace.B);
      for (let i = 0; i < predicted.length; i++) predicted[i] = argmaxRow(trace.logits, i * Vt, Vt);
      const g = scoreDecoded(greedyOut, references);
      const isExact = greedyOut.map((o, n) => o.join("\u0000") === references[n].join("\u0000"));
      r.evaluation = {
        step: r.step,
        count: references.length,
        greedy: g,
        beam: scoreDecoded(beamOut, references),
        forcedAccuracy: teacherForcedTokenAccuracy(predicted, this.testBatch.targetOut),
        testLoss,
        byLength: exactMatchByLength(data.test.map((p) => p.source.length), isExact, LENGTH_EDGES[setup.task]),
      };
      r.evalHistory.push(r.step, g.exactMatch, r.evaluation.beam.exactMatch, g.errorRate);
      if (k === 0) {
        this.samples = data.test.slice(0, SAMPLE_COUNT).map((p, n) => ({
          source: [...p.source],
          reference: [...p.target],
          greedy: hypothesisOf(pass.greedy[0][n], data),
          beam: pass.beams[0][n].hypotheses.slice(0, SHOWN_HYPOTHESES).map((h) => hypothesisOf(h, data)),
        }));
      }
    });
  }

  /** A whole pass now (after a pause, a step, a change of beam width): the numbers then belong to this very step. */
  private evaluate(): void {
    this.beginPass();
    this.advancePass(Infinity);
    this.evaluations.mark(this.host.now());
  }

  /** Greedy decoding of one source with every view's data. */
  private exampleView(pair: SeqPair | { source: readonly string[]; target: null }, index: number): ExampleView {
    const { data } = this;
    const model = this.runs[0].model;
    const src = Array.from(pair.source, (s) => data.sourceVocab.index.get(s) ?? UNK_ID).concat(EOS_ID);
    const [g] = greedyDecode(model, [src], { sos: BOS_ID, eos: EOS_ID, maxLength: data.maxTarget + 2, distributions: true });
    return viewOf(g, src.length, pair, index, data, model.config.hiddenSize, model.config.attention !== "none");
  }

  private translate(id: number, text: string): void {
    const { data } = this;
    const checked = checkTypedInput(text, data.sourceVocab, data.maxSource, data.normalise);
    if (!checked.ok) {
      this.host.post({ type: "translation", id, text, result: null, view: null, problem: checked.problem });
      return;
    }
    const model = this.runs[0].model;
    const src = checked.symbols.map((s) => data.sourceVocab.index.get(s)!).concat(EOS_ID);
    const opts = { sos: BOS_ID, eos: EOS_ID, maxLength: data.maxTarget + 2 };
    const [g] = greedyDecode(model, [src], opts);
    const beam = beamSearch(model, src, { ...opts, beamWidth: this.setup.beamWidth });
    const result: DecodedExample = {
      source: checked.symbols,
      reference: null,
      greedy: hypothesisOf(g, data),
      beam: beam.hypotheses.slice(0, SHOWN_HYPOTHESES).map((h) => hypothesisOf(h, data)),
    };
    this.host.post({ type: "translation", id, text, result, view: this.exampleView({ source: checked.symbols, target: null }, -1), problem: null });
  }

  checkpoint(): TranslateCheckpoint {
    return { step: this.stepCount, params: this.runs.map((r) => r.model.params.slice()), history: this.runs.map((r) => r.historyOf()) };
  }

  private postCheckpoint(): void {
    this.checkpoints.mark(this.host.now());
    this.host.post({ type: "checkpoint", checkpoint: this.checkpoint() });
  }

  snapshot(): void {
    this.snapshots.mark(this.host.now());
    this.host.post({ type: "snapshot", snapshot: this.buildSnapshot() });
  }

  buildSnapshot(): TranslateSnapshot {
    const { data } = this;
    const pair = data.test[this.exampleIndex];
    return {
      step: this.stepCount,
      isTraining: this.loop.isTraining,
      task: data.task,
      sourceAlphabet: data.sourceVocab.symbols.slice(4),
      maxSourceLength: data.maxSource,
      trainCount: data.train.length,
      testCount: data.heldOutCount,
      main: this.runs[0].view(),
      twin: this.runs[1]?.view() ?? null,
      example: pair ? this.exampleView(pair, this.exampleIndex) : null,
      samples: this.samples,
      stepsPerSec: this.loop.isTraining ? this.loop.rate / this.setup.batchSize : 0,
      kernels: this.runs[0].model.kernels.name,
    };
  }
}

function checkDecoding(teacherForcing: number, beamWidth: number): void {
  if (!(Number.isFinite(teacherForcing) && teacherForcing >= 0 && teacherForcing <= 1)) {
    throw new EngineError("config", `The teacher-forcing ratio must be from 0 to 1, but is ${teacherForcing}.`);
  }
  if (!Number.isInteger(beamWidth) || beamWidth < 1 || beamWidth > 16) {
    throw new EngineError("config", `The beam width must be a whole number from 1 to 16, but is ${beamWidth}.`);
  }
}

function argmaxRow(m: Float64Array, offset: number, n: number): number {
  let best = 0;
  for (let j = 1; j < n; j++) if (m[offset + j] > m[offset + best]) best = j;
  return best;
}

/** The views' data of one greedy decoding (`n` source steps, the end symbol included). */
export function viewOf(g: GreedyResult, n: number, pair: { source: readonly string[]; target: readonly string[] | null }, index: number, data: TaskData, H: number, attends: boolean): ExampleView {
  const steps = g.stepLogProbs.length;
  const names = data.targetVocab.symbols.map((s, i) => (i === EOS_ID ? END_SYMBOL : s));
  // One symbol per decoder step, special ones included (an untrained decoder may emit <pad>), so rows line up.
  const output = g.tokens.map((id) => names[id]);
  if (g.finished) output.push(END_SYMBOL);
  const attention = new Float64Array(attends ? steps * n : 0);
  if (attends) {
    g.attention.forEach((row, t) => {
      attention.set(row.subarray(0, n), t * n);
    });
  }
  const top = (g.distributions ?? []).map((p) => {
    const order = Array.from(p.keys()).sort((a, b) => p[b] - p[a]).slice(0, TOP_SYMBOLS);
    return { symbols: order.map((i) => names[i]), probs: order.map((i) => p[i]) };
  });
  const decoderStates = new Float64Array(steps * H);
  (g.states ?? []).forEach((z, t) => {
    decoderStates.set(z.subarray(0, H), t * H);
  });
  return {
    index,
    source: [...pair.source],
    reference: pair.target ? [...pair.target] : null,
    output,
    attention,
    top,
    encoderStates: (g.encoderOutputs ?? new Float64Array(n * H)).slice(0, n * H),
    decoderStates,
    H,
  };
}
