// src/worker/chars/trainer.ts: the character lab's trainer on the kit: B streams over a text, samples, a look inside.
//
// No worker globals here: serve() (worker.ts) or a test injects how to post, to schedule the next slice and to tell
// time, so Node tests drive the same loop. Losses leave this file in bits per character (nats / ln 2).
import {
  createNetwork, createOptimizer, exportModel, readTrace, sampleSymbols, StepGuard,
  type Batch, type ModelConfigInput, type Network, type Optimizer,
} from "../../engine";
import {
  decode, encode, encodeKnown, FEATURES, missingSymbols, pearson, splitText, TextStreams, textFeatures,
  validationWindows, vocabularyOf, type Vocabulary,
} from "../../data/text";
import { History } from "../kit/history";
import { Every, SliceLoop, type SliceHost } from "../kit/loop";
import { assertNever, errorReport, KitError, type KitReport } from "../kit/protocol";
import { estimateStepMs } from "../kit/cost";
import { answerPytorch } from "../kit/pytorch";
import { checkClip } from "../sine/trainer";
import type {
  CharCheckpoint, CharCommand, CharInspection, CharReport, CharSample, CharSetup, CharSnapshot,
  DivergenceInfo, FeatureCorrelation, LossHistory, OptimSettings, SampleSettings,
} from "./protocol";

export type CharTrainerHost = SliceHost<CharReport | KitReport>;

export const SNAPSHOT_INTERVAL_MS = 1000 / 20;
export const VALIDATION_INTERVAL_MS = 2000;
export const LIVE_SAMPLE_INTERVAL_MS = 3000;
/** While training, the weights go to the page this often: a crashed worker resumes from at most this far back. */
export const CHECKPOINT_INTERVAL_MS = 1000;
/** Held-out characters scored per validation: 8 streams × 8 windows of 64, the state carried across windows. */
export const VALIDATION_STREAMS = 8;
export const VALIDATION_WINDOW = 64;
export const VALIDATION_MAX_TOKENS = 4096;
/** Characters of held-out text read when looking inside the network. */
export const INSPECT_CHARS = 400;
/** Units listed per feature. */
export const TOP_UNITS = 5;
export const MAX_SAMPLE_LENGTH = 2000;
export const MAX_TOP_K = 10;
const BITS_PER_NAT = 1 / Math.LN2;

function checkVocabulary(symbols: readonly string[]): Vocabulary {
  if (!Array.isArray(symbols) || symbols.length < 2) throw new KitError({ key: "vocabulary", problem: "tooSmall" });
  const v = vocabularyOf(symbols);
  if (v.index.size !== symbols.length) throw new KitError({ key: "vocabulary", problem: "duplicate" });
  return v;
}

function checkSampling(s: SampleSettings): void {
  const range = (what: "temperature" | "sampleLength" | "topK", value: number, min: number, max: number, isInt: boolean): void => {
    if (!(Number.isFinite(value) && value >= min && value <= max && (!isInt || Number.isInteger(value)))) {
      throw new KitError({ key: "range", what, value, min, max });
    }
  };
  range("temperature", s.temperature, 0, 10, false);
  range("sampleLength", s.length, 1, MAX_SAMPLE_LENGTH, true);
  range("topK", s.topK, 1, MAX_TOP_K, true);
  if (!Number.isFinite(s.seed)) throw new KitError({ key: "range", what: "seed", value: s.seed, min: -Infinity, max: Infinity });
}

export class CharTrainer {
  private setup!: CharSetup;
  private sampling: SampleSettings;
  private vocabulary!: Vocabulary;
  /** Trains; its workspace carries the B streams' state from window to window. */
  private net!: Network;
  /** A copy of θ for validation, sampling and traces, so none of them disturbs the carried training state. */
  private evalNet!: Network;
  private opt!: Optimizer;
  private streams: TextStreams | null = null;
  /** The training text as ids (what the streams read). */
  private trainIds: Int32Array = new Int32Array(0);
  /** Whether the network carries a state into the next window (false after a rebuild or a divergence). */
  private hasCarry = false;
  private valWindows: Batch[] = [];
  private inspectIds!: Int32Array;
  private inspectSource: CharInspection["source"] = { kind: "text", n: 0 };
  private canTrain = false;
  private trainChars = 0;
  private validationChars = 0;
  private stepCount = 0;
  private lastLossBits = NaN;
  private lastValLossBits = NaN;
  private lastGradNorm = NaN;
  private wasClipped = false;
  private guard!: StepGuard;
  private trainHistory = new History();
  private valHistory = new History();
  private readonly snapshots = new Every(SNAPSHOT_INTERVAL_MS);
  private readonly validations = new Every(VALIDATION_INTERVAL_MS);
  private readonly liveSamples = new Every(LIVE_SAMPLE_INTERVAL_MS);
  private readonly checkpoints = new Every(CHECKPOINT_INTERVAL_MS);
  private readonly loop: SliceLoop<CharReport>;

  constructor(private readonly host: CharTrainerHost, setup: CharSetup, sampling: SampleSettings, resume?: CharCheckpoint) {
    checkSampling(sampling);
    this.sampling = sampling;
    this.loop = new SliceLoop(host, {
      stepOnce: () => this.stepOnce(),
      afterSlice: (now) => {
        if (this.validations.due(now)) {
          this.lastValLossBits = this.validate();
          this.valHistory.push(this.stepCount, this.lastValLossBits);
        }
        if (this.liveSamples.due(now)) {
          this.postSample(null, this.sampling);
          this.postInspection();
        }
        if (this.checkpoints.due(now)) this.postCheckpoint();
        if (this.snapshots.due(now)) this.snapshot();
      },
    });
    this.build(setup, resume);
  }

  private get isTraining(): boolean {
    return this.loop.isTraining;
  }

  /** The first reports after "ready": a snapshot, a live sample, a look inside and a checkpoint. */
  begin(): void {
    this.afterChange();
  }

  /** Handles one command; errors are reported, never thrown to the caller. */
  handle(cmd: CharCommand): void {
    try {
      switch (cmd.type) {
        case "init":
          checkSampling(cmd.sampling);
          this.sampling = cmd.sampling;
          this.build(cmd.setup, cmd.resume);
          this.host.post({ type: "ready", version: cmd.version });
          this.afterChange();
          return;
        case "train":
          this.requireTrainable();
          this.loop.start();
          return;
        case "pause":
          this.loop.stop();
          this.afterChange();
          return;
        case "step":
          this.loop.stop();
          this.requireTrainable();
          if (this.loop.stepOnce() !== false) {
            this.lastValLossBits = this.validate();
            this.valHistory.push(this.stepCount, this.lastValLossBits);
            this.afterChange();
          }
          return;
        case "reset":
          this.loop.stop();
          this.build(cmd.setup, cmd.resume);
          this.afterChange();
          return;
        case "setOptim":
          this.applyOptim(cmd.optim);
          this.snapshot();
          return;
        case "resume":
          this.requireTrainable();
          this.applyOptim(cmd.optim);
          this.opt.reset();
          this.guard.rebase(this.stepCount);
          this.loop.start();
          return;
        case "setSampling":
          checkSampling(cmd.sampling);
          this.sampling = cmd.sampling;
          this.postSample(null, this.sampling);
          return;
        case "generate":
          checkSampling(cmd.sampling);
          this.postSample(cmd.requestId, cmd.sampling);
          return;
        case "export":
          this.host.post({ type: "model", requestId: cmd.requestId, json: exportModel(this.net, this.vocabulary.symbols) });
          return;
        case "exportPytorch":
          this.host.post(this.exportPytorch(cmd.requestId));
          return;
        case "ping":
        case "fault":
          return; // answered by serve()
        default:
          assertNever(cmd);
      }
    } catch (e) {
      this.loop.stop();
      this.host.post(errorReport(e, cmd.type === "init" || cmd.type === "reset"));
    }
  }

  private requireTrainable(): void {
    if (this.canTrain && this.streams) return;
    throw new KitError({ key: "cannotTrain", missing: missingSymbols(this.setup.text, this.vocabulary, 5) });
  }

  private build(setup: CharSetup, resume?: CharCheckpoint): void {
    // Build everything first, so a bad setup leaves the previous run untouched.
    const vocabulary = checkVocabulary(setup.vocabulary);
    const V = vocabulary.symbols.length;
    const canTrain = missingSymbols(setup.text, vocabulary, 1).length === 0;
    let streams: TextStreams | null = null;
    let valWindows: Batch[] = [];
    let inspectIds: Int32Array;
    let inspectSource: CharInspection["source"];
    let trainChars = 0;
    let validationChars = 0;
    let trainIds: Int32Array = new Int32Array(0);
    if (canTrain) {
      const ids = encode(setup.text, vocabulary);
      const split = splitText(ids, setup.validationFraction);
      streams = new TextStreams(split.train, setup.batchSize, setup.bpttLength);
      trainIds = split.train;
      trainChars = split.train.length;
      validationChars = split.validation.length;
      // A short tail gets shorter windows; too short a tail (under 2 characters per stream) gets none.
      const Tv = Math.min(VALIDATION_WINDOW, Math.floor((split.validation.length - 1) / VALIDATION_STREAMS));
      valWindows = Tv >= 1 ? validationWindows(split.validation, VALIDATION_STREAMS, Tv, VALIDATION_MAX_TOKENS) : [];
      const fromValidation = split.validation.length >= 50;
      inspectIds = (fromValidation ? split.validation : split.train).slice(0, INSPECT_CHARS);
      inspectSource = { kind: fromValidation ? "heldOut" : "text", n: inspectIds.length };
    } else {
      inspectIds = encodeKnown(setup.text, vocabulary, INSPECT_CHARS);
      inspectSource = { kind: "known", n: inspectIds.length };
      if (inspectIds.length === 0) inspectIds = Int32Array.of(0);
    }
    const config: ModelConfigInput = {
      cell: setup.model.cell, inputSize: V, hiddenSize: setup.model.hiddenSize, numLayers: setup.model.numLayers,
      outputSize: V, loss: "xent", inputKind: "onehot",
    };
    const net = createNetwork(config, { seed: setup.seed });
    const evalNet = createNetwork(config, { seed: setup.seed });
    checkClip(setup.optim);
    const opt = createOptimizer(net, { kind: setup.optim.optimizer, lr: setup.optim.learningRate });
    if (resume) {
      if (resume.params.length !== net.numParams) throw new KitError({ key: "checkpoint", expected: net.numParams, got: resume.params.length });
      net.setParams(resume.params);
    }
    this.setup = setup;
    this.vocabulary = vocabulary;
    this.canTrain = canTrain;
    this.streams = streams;
    this.trainIds = trainIds;
    this.hasCarry = false;
    this.valWindows = valWindows;
    this.inspectIds = inspectIds;
    this.inspectSource = inspectSource;
    this.trainChars = trainChars;
    this.validationChars = validationChars;
    this.net = net;
    this.evalNet = evalNet;
    this.opt = opt;
    this.stepCount = resume?.step ?? 0;
    this.trainHistory = new History();
    this.valHistory = new History();
    if (resume) {
      this.trainHistory.load(resume.history.step, resume.history.train);
      this.valHistory.load(resume.history.valStep, resume.history.val);
    }
    this.trainHistory.truncateAfter(this.stepCount);
    this.valHistory.truncateAfter(this.stepCount);
    this.lastLossBits = this.trainHistory.last();
    this.lastGradNorm = NaN;
    this.wasClipped = false;
    this.guard = new StepGuard(net, this.stepCount);
    this.loop.expectStepMs(estimateStepMs(net.numParams, setup.bpttLength, setup.batchSize));
    this.lastValLossBits = this.validate();
    if (!resume || resume.history.val.length === 0) this.valHistory.push(this.stepCount, this.lastValLossBits);
    this.snapshots.clear();
  }

  private applyOptim(o: OptimSettings): void {
    checkClip(o);
    if (o.optimizer !== this.opt.kind) {
      this.opt = createOptimizer(this.net, { kind: o.optimizer, lr: o.learningRate });
    } else {
      this.opt.lr = o.learningRate;
    }
    this.setup = { ...this.setup, optim: o };
  }

  /** Mean loss over the held-out windows, bits per character, from the current weights (on the copy). */
  private validate(): number {
    if (this.valWindows.length === 0) return NaN;
    this.evalNet.setParams(this.net.params);
    let sum = 0;
    let count = 0;
    this.valWindows.forEach((batch, w) => {
      const loss = this.evalNet.forward(batch, { initialState: w === 0 ? "zeros" : "carry" });
      sum += loss * batch.T * batch.B;
      count += batch.T * batch.B;
    });
    return (sum / count) * BITS_PER_NAT;
  }

  /** One optimiser step: the characters it trained on, or false (reported) when the run diverged. */
  private stepOnce(): number | false {
    const { batch, isFresh } = this.streams!.next();
    const r = this.guard.step(this.opt, batch, this.stepCount, { clipMaxNorm: this.setup.optim.clipMaxNorm, initialState: isFresh ? "zeros" : "carry" });
    this.stepCount++;
    if (r.failed) {
      this.diverge(r.failed.cause, r.failed.what);
      return false;
    }
    this.hasCarry = true;
    this.lastLossBits = r.loss * BITS_PER_NAT;
    this.lastGradNorm = r.gradNorm;
    this.wasClipped = r.clipped;
    this.trainHistory.push(this.stepCount, this.lastLossBits);
    return batch.T * batch.B;
  }

  private diverge(cause: DivergenceInfo["cause"], what: DivergenceInfo["what"]): void {
    this.loop.stop();
    // The carried state came from the bad pass: start the next window from zeros.
    this.net.resetState();
    this.hasCarry = false;
    const divergence: DivergenceInfo = {
      step: this.stepCount,
      cause,
      what,
      lastGoodStep: this.guard.goodStep,
      lastGoodLoss: this.guard.goodLoss * BITS_PER_NAT,
      learningRate: this.setup.optim.learningRate,
      clipMaxNorm: this.setup.optim.clipMaxNorm,
    };
    this.stepCount = this.guard.goodStep;
    // The history must not show steps the rollback undid (they would appear twice once training resumes).
    this.trainHistory.truncateAfter(this.stepCount);
    this.valHistory.truncateAfter(this.stepCount);
    this.host.post({ type: "diverged", divergence });
    this.snapshot();
    this.postCheckpoint();
  }

  /** The run as a Python file: the weights and optimiser now, the streams where the next window starts, the carried state. */
  private exportPytorch(requestId: number): CharReport {
    const s = this.setup;
    return answerPytorch(requestId, `char-${s.model.cell}-h${s.model.hiddenSize}-step${this.stepCount}.py`, () => {
      this.requireTrainable();
      const streams = this.streams!;
      return {
        net: this.net,
        optimizer: this.opt,
        clipMaxNorm: s.optim.clipMaxNorm,
        data: {
          kind: "stream",
          ids: this.trainIds,
          B: streams.B,
          T: streams.T,
          position: streams.nextPosition,
          state: this.hasCarry && streams.nextPosition > 0 ? this.net.finalState() : null,
          vocabulary: this.vocabulary.symbols,
        },
        stepsDone: this.stepCount,
        title: "RNN Notebook: character lab",
      };
    });
  }

  /** After anything that changed the weights outside training: a snapshot, a live sample, a look inside, a checkpoint. */
  private afterChange(): void {
    this.snapshot();
    this.postSample(null, this.sampling);
    this.postInspection();
    this.postCheckpoint();
  }

  private primeIds(prime: string): Int32Array {
    if (prime !== "") return encode(prime, this.vocabulary, "The priming text");
    const newline = this.vocabulary.index.get("\n");
    return Int32Array.of(newline ?? this.inspectIds[0] ?? 0);
  }

  /** Samples from the current weights (on the copy: the carried training state stays as it was). */
  sample(s: SampleSettings): CharSample {
    const primeIds = this.primeIds(s.prime);
    this.evalNet.setParams(this.net.params);
    const steps = sampleSymbols(this.evalNet, { prime: primeIds, length: s.length, temperature: s.temperature, seed: s.seed, topK: s.topK });
    const K = Math.min(s.topK, this.vocabulary.symbols.length);
    const indices = new Int32Array(steps.length);
    const topIndices = new Int32Array(steps.length * K);
    const topP = new Float64Array(steps.length * K);
    steps.forEach((st, i) => {
      indices[i] = st.index;
      st.top.forEach((c, k) => {
        topIndices[i * K + k] = c.index;
        topP[i * K + k] = c.p;
      });
    });
    return { step: this.stepCount, settings: s, primeIds, indices, topIndices, topP, K };
  }

  private postSample(requestId: number | null, s: SampleSettings): void {
    if (requestId === null) this.liveSamples.mark(this.host.now());
    this.host.post({ type: "sample", requestId, sample: this.sample(s) });
  }

  /** h and the gates over the inspected text, and which units follow the simple features most closely. */
  inspect(): CharInspection {
    const ids = this.inspectIds;
    const T = ids.length;
    const c = this.net.config;
    const H = c.hiddenSize;
    this.evalNet.setParams(this.net.params);
    this.evalNet.forward({ T, B: 1, inputIndices: ids });
    const trace = readTrace(this.evalNet);
    const chars = Array.from(ids, (i) => this.vocabulary.symbols[i]);
    const features = textFeatures(chars);
    const column = new Float64Array(T);
    const correlations: FeatureCorrelation[] = FEATURES.map((f) => {
      const x = features[f.name];
      const units: { layer: number; unit: number; r: number }[] = [];
      trace.h.forEach((h, layer) => {
        for (let j = 0; j < H; j++) {
          for (let t = 0; t < T; t++) column[t] = h[t * H + j];
          const r = pearson(x, column, T);
          if (Number.isFinite(r)) units.push({ layer, unit: j, r });
        }
      });
      units.sort((a, b) => Math.abs(b.r) - Math.abs(a.r));
      return { feature: f.name, label: f.label, meaning: f.meaning, units: units.slice(0, TOP_UNITS) };
    });
    return {
      step: this.stepCount, ids: ids.slice(), T, H, numLayers: c.numLayers, cell: c.cell,
      h: trace.h, c: trace.c, gates: trace.gates, correlations, source: this.inspectSource,
    };
  }

  private postInspection(): void {
    this.host.post({ type: "inspection", inspection: this.inspect() });
  }

  checkpoint(): CharCheckpoint {
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

  buildSnapshot(): CharSnapshot {
    return {
      step: this.stepCount,
      isTraining: this.isTraining,
      lossBits: this.lastLossBits,
      valLossBits: this.lastValLossBits,
      tokensPerSec: this.isTraining ? this.loop.rate : 0,
      gradNorm: this.lastGradNorm,
      clipped: this.wasClipped,
      history: this.history(),
      epoch: this.streams?.epoch ?? 0,
      canTrain: this.canTrain,
      trainChars: this.trainChars,
      validationChars: this.validationChars,
      vocabSize: this.vocabulary.symbols.length,
      numParams: this.net.numParams,
      kernels: this.net.kernels.name,
    };
  }

  /** The text a sample wrote (for tests and logs). */
  sampleText(s: CharSample): string {
    return decode(s.indices, this.vocabulary);
  }
}
