// src/worker/charTrainer.ts: the character lab's training loop: B streams over a text, samples, a look inside.
//
// No worker globals here: the entry (charWorker.ts) injects how to post, to schedule the next slice and to tell
// time, so Node tests drive the same loop. Losses leave this file in bits per character (nats / ln 2).
import {
  createNetwork, createOptimizer, EngineError, exportModel, readTrace, sampleSymbols, trainStep,
  type Batch, type ModelConfigInput, type Network, type Optimizer,
} from "../engine";
import {
  decode, encode, encodeKnown, FEATURES, missingSymbols, pearson, splitText, TextInputError, TextStreams, textFeatures,
  validationWindows, vocabularyOf, type Vocabulary,
} from "../data/text";
import {
  CHAR_PROTOCOL_VERSION, assertNever,
  type CharCheckpoint, type CharCommand, type CharInspection, type CharReport, type CharSample, type CharSetup, type CharSnapshot,
  type DivergenceInfo, type FeatureCorrelation, type LossHistory, type OptimSettings, type SampleSettings,
} from "./protocol";

export interface CharTrainerHost {
  post(report: CharReport): void;
  /** Runs `fn` soon, after pending messages (a macrotask). */
  schedule(fn: () => void): void;
  now(): number;
}

/** Work per slice before yielding to messages (a step longer than this still finishes: one step is the unit). */
export const SLICE_BUDGET_MS = 12;
export const SNAPSHOT_INTERVAL_MS = 1000 / 20;
export const VALIDATION_INTERVAL_MS = 2000;
export const LIVE_SAMPLE_INTERVAL_MS = 3000;
export const CHECKPOINT_INTERVAL_MS = 5000;
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
export const BLOW_UP_FACTOR = 1e4;
const MAX_HISTORY = 2000;
const BITS_PER_NAT = 1 / Math.LN2;

/** Loss history that never exceeds MAX_HISTORY points: when full, every other point is dropped. */
class History {
  private steps: number[] = [];
  private values: number[] = [];
  private every = 1;
  push(step: number, value: number): void {
    if (step % this.every !== 0) return;
    this.steps.push(step);
    this.values.push(value);
    if (this.steps.length >= MAX_HISTORY) {
      this.steps = this.steps.filter((_, i) => i % 2 === 0);
      this.values = this.values.filter((_, i) => i % 2 === 0);
      this.every *= 2;
    }
  }
  load(steps: Float64Array, values: Float64Array): void {
    this.steps = Array.from(steps);
    this.values = Array.from(values);
  }
  export(): [Float64Array, Float64Array] {
    return [Float64Array.from(this.steps), Float64Array.from(this.values)];
  }
}

function checkVocabulary(symbols: readonly string[]): Vocabulary {
  if (!Array.isArray(symbols) || symbols.length < 2) throw new EngineError("config", "The vocabulary needs at least two characters.");
  const v = vocabularyOf(symbols);
  if (v.index.size !== symbols.length) throw new EngineError("config", "The vocabulary lists a character twice.");
  return v;
}

function checkSampling(s: SampleSettings): void {
  if (!(Number.isFinite(s.temperature) && s.temperature >= 0 && s.temperature <= 10)) throw new EngineError("config", `The temperature must be from 0 to 10, but is ${s.temperature}.`);
  if (!(Number.isInteger(s.length) && s.length >= 1 && s.length <= MAX_SAMPLE_LENGTH)) throw new EngineError("config", `The sample length must be a whole number from 1 to ${MAX_SAMPLE_LENGTH}, but is ${s.length}.`);
  if (!(Number.isInteger(s.topK) && s.topK >= 1 && s.topK <= MAX_TOP_K)) throw new EngineError("config", `topK must be from 1 to ${MAX_TOP_K}, but is ${s.topK}.`);
  if (!Number.isFinite(s.seed)) throw new EngineError("config", `The seed must be a number, but is ${s.seed}.`);
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
  private valWindows: Batch[] = [];
  private inspectIds!: Int32Array;
  private inspectSource = "";
  private canTrain = false;
  private trainChars = 0;
  private validationChars = 0;
  private stepCount = 0;
  private isTraining = false;
  private isScheduled = false;
  private firstLoss = NaN;
  private lastLossBits = NaN;
  private lastValLossBits = NaN;
  private lastGradNorm = NaN;
  private wasClipped = false;
  private lastGood!: Float64Array;
  private lastGoodStep = 0;
  private lastGoodLoss = NaN;
  private beforeUpdate!: Float64Array;
  private trainHistory = new History();
  private valHistory = new History();
  private lastSnapshotAt = -Infinity;
  private lastValidationAt = -Infinity;
  private lastLiveSampleAt = -Infinity;
  private lastCheckpointAt = -Infinity;
  private rateWindowStart = 0;
  private rateWindowTokens = 0;
  private tokensPerSec = 0;

  constructor(private readonly host: CharTrainerHost, setup: CharSetup, sampling: SampleSettings, resume?: CharCheckpoint) {
    checkSampling(sampling);
    this.sampling = sampling;
    this.build(setup, resume);
  }

  /** Handles one command; errors are reported, never thrown to the caller. */
  handle(cmd: CharCommand): void {
    try {
      switch (cmd.type) {
        case "init":
          checkSampling(cmd.sampling);
          this.sampling = cmd.sampling;
          this.build(cmd.setup, cmd.resume);
          this.host.post({ type: "ready", version: CHAR_PROTOCOL_VERSION });
          this.afterChange();
          return;
        case "train":
          this.requireTrainable();
          this.isTraining = true;
          this.rateWindowStart = this.host.now();
          this.rateWindowTokens = 0;
          this.scheduleSlice();
          return;
        case "pause":
          this.isTraining = false;
          this.afterChange();
          return;
        case "step":
          this.isTraining = false;
          this.requireTrainable();
          if (this.stepOnce()) {
            this.lastValLossBits = this.validate();
            this.valHistory.push(this.stepCount, this.lastValLossBits);
            this.afterChange();
          }
          return;
        case "reset":
          this.isTraining = false;
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
          this.isTraining = true;
          this.scheduleSlice();
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
        case "simulateCrash":
          return; // handled by the worker entry, which crashes on purpose
        default:
          assertNever(cmd);
      }
    } catch (e) {
      this.isTraining = false;
      const known = e instanceof EngineError || e instanceof TextInputError;
      const code = known ? (cmd.type === "init" || cmd.type === "reset" ? "setup" : "engine") : "internal";
      this.host.post({ type: "error", code, message: (e as Error).message });
    }
  }

  private requireTrainable(): void {
    if (this.canTrain && this.streams) return;
    const missing = missingSymbols(this.setup.text, this.vocabulary, 5).map((s) => JSON.stringify(s)).join(", ");
    throw new TextInputError(
      "unknownSymbol",
      `This model cannot train on the current text: its vocabulary lacks ${missing}. It can still write samples. ` +
        "Pick a text written in its characters, or press Reset to train a new model on this text.",
    );
  }

  private build(setup: CharSetup, resume?: CharCheckpoint): void {
    // Build everything first, so a bad setup leaves the previous run untouched.
    const vocabulary = checkVocabulary(setup.vocabulary);
    const V = vocabulary.symbols.length;
    const canTrain = missingSymbols(setup.text, vocabulary, 1).length === 0;
    let streams: TextStreams | null = null;
    let valWindows: Batch[] = [];
    let inspectIds: Int32Array;
    let inspectSource: string;
    let trainChars = 0;
    let validationChars = 0;
    if (canTrain) {
      const ids = encode(setup.text, vocabulary);
      const split = splitText(ids, setup.validationFraction);
      streams = new TextStreams(split.train, setup.batchSize, setup.bpttLength);
      trainChars = split.train.length;
      validationChars = split.validation.length;
      // A short tail gets shorter windows; too short a tail (under 2 characters per stream) gets none.
      const Tv = Math.min(VALIDATION_WINDOW, Math.floor((split.validation.length - 1) / VALIDATION_STREAMS));
      valWindows = Tv >= 1 ? validationWindows(split.validation, VALIDATION_STREAMS, Tv, VALIDATION_MAX_TOKENS) : [];
      const fromValidation = split.validation.length >= 50;
      inspectIds = (fromValidation ? split.validation : split.train).slice(0, INSPECT_CHARS);
      inspectSource = fromValidation
        ? `the first ${inspectIds.length} characters of the held-out tail (never trained on)`
        : `the first ${inspectIds.length} characters of the text`;
    } else {
      inspectIds = encodeKnown(setup.text, vocabulary, INSPECT_CHARS);
      inspectSource = `the first ${inspectIds.length} characters of the text that are in the model's vocabulary (the others skipped)`;
      if (inspectIds.length === 0) inspectIds = Int32Array.of(0);
    }
    const config: ModelConfigInput = {
      cell: setup.model.cell, inputSize: V, hiddenSize: setup.model.hiddenSize, numLayers: setup.model.numLayers,
      outputSize: V, loss: "xent", inputKind: "onehot",
    };
    const net = createNetwork(config, { seed: setup.seed });
    const evalNet = createNetwork(config, { seed: setup.seed });
    const opt = createOptimizer(net, { kind: setup.optim.optimizer, lr: setup.optim.learningRate });
    if (setup.optim.clipMaxNorm !== null && !(setup.optim.clipMaxNorm > 0)) {
      throw new EngineError("config", `The clipping norm must be positive, but is ${setup.optim.clipMaxNorm}.`);
    }
    if (resume) net.setParams(resume.params);
    this.setup = setup;
    this.vocabulary = vocabulary;
    this.canTrain = canTrain;
    this.streams = streams;
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
    this.firstLoss = NaN;
    this.lastLossBits = resume && resume.history.train.length > 0 ? resume.history.train[resume.history.train.length - 1] : NaN;
    this.lastGradNorm = NaN;
    this.wasClipped = false;
    this.lastGood = net.params.slice();
    this.beforeUpdate = new Float64Array(net.numParams);
    this.lastGoodStep = this.stepCount;
    this.lastGoodLoss = NaN;
    this.tokensPerSec = 0;
    this.lastValLossBits = this.validate();
    if (!resume || resume.history.val.length === 0) this.valHistory.push(this.stepCount, this.lastValLossBits);
    this.lastSnapshotAt = -Infinity;
  }

  private applyOptim(o: OptimSettings): void {
    if (o.clipMaxNorm !== null && !(Number.isFinite(o.clipMaxNorm) && o.clipMaxNorm > 0)) {
      throw new EngineError("config", `The clipping norm must be a positive number, but is ${o.clipMaxNorm}.`);
    }
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

  /** One optimiser step. Returns false (and reports) when the run diverged. */
  private stepOnce(): boolean {
    const { batch, isFresh } = this.streams!.next();
    this.beforeUpdate.set(this.net.params);
    const r = trainStep(this.net, this.opt, batch, { clipMaxNorm: this.setup.optim.clipMaxNorm, initialState: isFresh ? "zeros" : "carry" });
    this.stepCount++;
    if (Number.isNaN(this.firstLoss)) this.firstLoss = r.loss;
    const blownUp = Number.isFinite(r.loss) && r.loss > BLOW_UP_FACTOR * Math.max(this.firstLoss, 1e-6);
    if (r.diverged || blownUp) {
      this.diverge(r.diverged ?? "blowUp");
      return false;
    }
    this.lastGood.set(this.beforeUpdate);
    this.lastGoodStep = this.stepCount - 1;
    this.lastGoodLoss = r.loss * BITS_PER_NAT;
    this.lastLossBits = r.loss * BITS_PER_NAT;
    this.lastGradNorm = r.gradNorm;
    this.wasClipped = r.clipped;
    this.trainHistory.push(this.stepCount, this.lastLossBits);
    this.rateWindowTokens += batch.T * batch.B;
    return true;
  }

  private diverge(cause: DivergenceInfo["cause"]): void {
    this.isTraining = false;
    this.net.setParams(this.lastGood);
    // The carried state came from the bad pass: start the next window from zeros.
    this.net.resetState();
    const divergence: DivergenceInfo = {
      step: this.stepCount,
      cause,
      lastGoodStep: this.lastGoodStep,
      lastGoodLoss: this.lastGoodLoss,
      learningRate: this.setup.optim.learningRate,
      clipMaxNorm: this.setup.optim.clipMaxNorm,
    };
    this.stepCount = this.lastGoodStep;
    this.host.post({ type: "diverged", divergence });
    this.snapshot();
  }

  private scheduleSlice(): void {
    if (this.isScheduled) return;
    this.isScheduled = true;
    this.host.schedule(() => {
      this.isScheduled = false;
      this.slice();
    });
  }

  private slice(): void {
    if (!this.isTraining) return;
    const start = this.host.now();
    try {
      while (this.isTraining && this.host.now() - start < SLICE_BUDGET_MS) {
        if (!this.stepOnce()) return;
      }
      const now = this.host.now();
      if (now - this.rateWindowStart >= 500) {
        this.tokensPerSec = (this.rateWindowTokens * 1000) / (now - this.rateWindowStart);
        this.rateWindowStart = now;
        this.rateWindowTokens = 0;
      }
      if (now - this.lastValidationAt >= VALIDATION_INTERVAL_MS) {
        this.lastValidationAt = now;
        this.lastValLossBits = this.validate();
        this.valHistory.push(this.stepCount, this.lastValLossBits);
      }
      if (now - this.lastLiveSampleAt >= LIVE_SAMPLE_INTERVAL_MS) {
        this.postSample(null, this.sampling);
        this.postInspection();
      }
      if (now - this.lastCheckpointAt >= CHECKPOINT_INTERVAL_MS) this.postCheckpoint();
      if (now - this.lastSnapshotAt >= SNAPSHOT_INTERVAL_MS) this.snapshot();
    } catch (e) {
      this.isTraining = false;
      const known = e instanceof EngineError || e instanceof TextInputError;
      this.host.post({ type: "error", code: known ? "engine" : "internal", message: (e as Error).message });
      return;
    }
    if (this.isTraining) this.scheduleSlice();
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
    if (requestId === null) this.lastLiveSampleAt = this.host.now();
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
    this.lastCheckpointAt = this.host.now();
    this.host.post({ type: "checkpoint", checkpoint: this.checkpoint() });
  }

  private history(): LossHistory {
    const [step, train] = this.trainHistory.export();
    const [valStep, val] = this.valHistory.export();
    return { step, train, valStep, val };
  }

  snapshot(): void {
    this.lastSnapshotAt = this.host.now();
    this.host.post({ type: "snapshot", snapshot: this.buildSnapshot() });
  }

  buildSnapshot(): CharSnapshot {
    return {
      step: this.stepCount,
      isTraining: this.isTraining,
      lossBits: this.lastLossBits,
      valLossBits: this.lastValLossBits,
      tokensPerSec: this.isTraining ? this.tokensPerSec : 0,
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
