// src/worker/speech/trainer.ts: the speech lab's trainer. Turns the built-in clips and the learner's recordings into
// log-mel examples (src/audio: the same code for both), trains a GRU / LSTM / tanh-RNN whose last state → softmax
// names the word, and reports loss, train/test accuracy, the confusion matrix, one example's inside, and the words
// "Listen" hears.
import {
  createNetwork, createOptimizer, createRng, readTrace, trainStep,
  type Network, type Optimizer, type Rng,
} from "../../engine";
import { decodeSpeechPack, parseSpeechIndex } from "../../audio/pack";
import { speechFeatures, MEL_BANDS, SAMPLE_RATE } from "../../audio/features";
import { Listener } from "../../audio/listen";
import { epochBatches, makeBatch, type SpeechBatch, type SpeechExample } from "../../audio/dataset";
import { AudioError } from "../../audio/errors";
import { History } from "../kit/history";
import { Every, SliceLoop, type SliceHost } from "../kit/loop";
import { assertNever, errorReport, KitError, type KitReport } from "../kit/protocol";
import type {
  SpeechCheckpoint, SpeechCommand, SpeechData, SpeechDataInfo, SpeechInspection, SpeechReport, SpeechSetup, SpeechSnapshot,
} from "./protocol";

export type SpeechTrainerHost = SliceHost<SpeechReport | KitReport>;

/** The built-in words; a recording's word is an index into this list. */
export const SPEECH_WORDS = ["yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go"] as const;

/** Limits of the settings (the store checks them too; the worker refuses what is outside). */
export const SPEECH_LIMITS = { hiddenSize: [2, 128], numLayers: [1, 2], batchSize: [1, 128] } as const;

/** An example and the audio it came from (for playback). */
interface Item extends SpeechExample {
  samples: Float32Array;
}

/** Builds the examples: every built-in clip (when the source uses them) and every recording ("you", training). */
export function buildExamples(data: SpeechData, source: SpeechSetup["source"]): { words: string[]; items: Item[] } {
  const items: Item[] = [];
  let words: string[] = [...SPEECH_WORDS];
  if (source !== "mine") {
    if (!data.pack) throw new KitError({ key: "cannotTrain", missing: ["builtin"] });
    const pack = decodeSpeechPack(parseSpeechIndex(data.pack.index), data.pack.bytes);
    words = [...pack.words];
    for (const clip of pack.clips) {
      items.push({ features: speechFeatures(clip.samples), label: clip.word, voice: pack.voices[clip.voice].name, split: clip.split, samples: clip.samples });
    }
  }
  if (source !== "builtin") {
    for (const r of data.recordings) {
      if (!(Number.isInteger(r.word) && r.word >= 0 && r.word < words.length)) continue;
      items.push({ features: speechFeatures(r.samples), label: r.word, voice: "you", split: "train", samples: r.samples });
    }
    if (source === "mine" && items.length === 0) throw new KitError({ key: "cannotTrain", missing: ["recordings"] });
  }
  return { words, items };
}

function checkSetup(s: SpeechSetup): void {
  for (const [key, [min, max]] of Object.entries(SPEECH_LIMITS) as [keyof typeof SPEECH_LIMITS, readonly [number, number]][]) {
    const v = s[key];
    if (!(Number.isInteger(v) && v >= min && v <= max)) {
      throw new KitError({ key: "engine", code: "config", detail: `${key} must be a whole number from ${min} to ${max}, but is ${v}.` });
    }
  }
}

/** Softmax of one row of logits, in place into `out` at `at`. */
function softmaxInto(logits: Float64Array, from: number, O: number, out: Float64Array, at: number): void {
  let max = -Infinity;
  for (let o = 0; o < O; o++) max = Math.max(max, logits[from + o]);
  let sum = 0;
  for (let o = 0; o < O; o++) {
    const e = Math.exp(logits[from + o] - max);
    out[at + o] = e;
    sum += e;
  }
  for (let o = 0; o < O; o++) out[at + o] /= sum;
}

export class SpeechTrainer {
  private net!: Network;
  /** The same weights, read out after every frame (outputMode "all"): for the probabilities over time. */
  private allNet!: Network;
  private opt!: Optimizer;
  private rng!: Rng;
  private queue: SpeechBatch[] = [];
  private step = 0;
  private epoch = 0;
  private lastLoss = NaN;
  private words: string[] = [];
  private items: Item[] = [];
  private train: Item[] = [];
  private test: Item[] = [];
  private trainBatch: SpeechBatch | null = null;
  private testBatch: SpeechBatch | null = null;
  private losses = new History(1);
  private accs = new History(2);
  private trainAcc = NaN;
  private testAcc = NaN;
  private confusion = new Int32Array(0);
  private readonly loop: SliceLoop<SpeechReport>;
  private readonly snapshotEvery = new Every(150);
  private readonly evalEvery = new Every(1000);
  private readonly checkpointEvery = new Every(3000);
  private setup: SpeechSetup;
  private data: SpeechData;
  private listener: Listener | null = null;

  constructor(private readonly host: SpeechTrainerHost, setup: SpeechSetup, data: SpeechData, resume?: SpeechCheckpoint) {
    this.loop = new SliceLoop(host, { stepOnce: () => this.stepOnce(), afterSlice: (now) => { this.afterSlice(now); } });
    this.setup = setup;
    this.data = data;
    this.build(setup, data, resume);
  }

  private build(setup: SpeechSetup, data: SpeechData, resume?: SpeechCheckpoint): void {
    checkSetup(setup);
    const { words, items } = buildExamples(data, setup.source);
    this.words = words;
    this.items = items;
    this.train = items.filter((e) => e.split === "train");
    this.test = items.filter((e) => e.split === "test");
    if (this.train.length === 0) throw new KitError({ key: "cannotTrain", missing: ["train"] });
    this.trainBatch = makeBatch(this.train);
    this.testBatch = this.test.length > 0 ? makeBatch(this.test) : null;
    const config = {
      cell: setup.cell, inputSize: MEL_BANDS, hiddenSize: setup.hiddenSize, numLayers: setup.numLayers,
      outputSize: words.length, loss: "xent" as const,
    };
    this.net = createNetwork({ ...config, outputMode: "last" }, { seed: setup.seed });
    this.allNet = createNetwork({ ...config, outputMode: "all" }, { seed: setup.seed });
    if (resume) {
      if (resume.params.length !== this.net.numParams) throw new KitError({ key: "checkpoint", expected: this.net.numParams, got: resume.params.length });
      this.net.params.set(resume.params);
    }
    this.opt = createOptimizer(this.net, { kind: setup.optim.optimizer, lr: setup.optim.learningRate });
    this.rng = createRng(setup.seed + 1);
    this.queue = [];
    this.step = resume?.step ?? 0;
    this.epoch = 0;
    this.lastLoss = NaN;
    this.losses = new History(1);
    this.accs = new History(2);
    this.loop.expectStepMs(5 * setup.hiddenSize * setup.numLayers);
    this.evaluate();
  }

  /** Accuracy of the network on a batch, and the confusion counts into `confusion` when given. */
  private accuracy(batch: SpeechBatch, confusion?: Int32Array): number {
    this.net.forward({ T: batch.T, B: batch.B, inputs: batch.inputs, lengths: batch.lengths });
    const y = this.net.outputs();
    const O = this.words.length;
    let right = 0;
    for (let b = 0; b < batch.B; b++) {
      let best = 0;
      for (let o = 1; o < O; o++) if (y[b * O + o] > y[b * O + best]) best = o;
      if (best === batch.targetIndices[b]) right++;
      if (confusion) confusion[batch.targetIndices[b] * O + best]++;
    }
    return right / batch.B;
  }

  private evaluate(): void {
    const O = this.words.length;
    this.confusion = new Int32Array(O * O);
    this.trainAcc = this.trainBatch ? this.accuracy(this.trainBatch, this.testBatch ? undefined : this.confusion) : NaN;
    this.testAcc = this.testBatch ? this.accuracy(this.testBatch, this.confusion) : NaN;
    this.accs.push(this.step, this.trainAcc, this.testAcc);
  }

  /** One optimiser step on the next batch of the epoch. */
  stepOnce(): number | false {
    if (this.queue.length === 0) {
      this.queue = epochBatches(this.train, this.setup.batchSize, () => this.rng.next());
      this.epoch++;
    }
    const batch = this.queue.shift()!;
    const r = trainStep(this.net, this.opt, { T: batch.T, B: batch.B, inputs: batch.inputs, lengths: batch.lengths, targetIndices: batch.targetIndices }, { clipMaxNorm: this.setup.optim.clipMaxNorm ?? undefined });
    if (r.diverged) {
      this.host.post(errorReport(new KitError({ key: "engine", code: "value", detail: `The loss stopped being finite at step ${this.step + 1}; lower the learning rate.` })));
      this.post();
      return false;
    }
    this.step++;
    this.lastLoss = r.loss;
    this.losses.push(this.step, r.loss);
    return 1;
  }

  private afterSlice(now: number): void {
    if (this.evalEvery.due(now)) this.evaluate();
    if (this.snapshotEvery.due(now)) this.post();
    if (this.checkpointEvery.due(now)) this.host.post({ type: "checkpoint", checkpoint: { step: this.step, params: this.net.params.slice() } });
  }

  snapshot(): SpeechSnapshot {
    const l = this.losses.export(), a = this.accs.export();
    return {
      step: this.step, epoch: this.epoch, loss: this.lastLoss, isTraining: this.loop.isTraining,
      trainAcc: this.trainAcc, testAcc: this.testAcc, confusion: this.confusion.slice(), confusionOf: this.testBatch ? "test" : "train",
      history: { step: l[0], loss: l[1], accStep: a[0], trainAcc: a[1], testAcc: a[2] },
      rate: this.loop.isTraining ? this.loop.rate : 0,
    };
  }

  private post(): void {
    this.host.post({ type: "snapshot", snapshot: this.snapshot() });
  }

  dataInfo(): SpeechDataInfo {
    const voices = (xs: Item[]) => new Set(xs.map((e) => e.voice)).size;
    return {
      words: this.words, train: this.train.length, test: this.test.length, trainVoices: voices(this.train), testVoices: voices(this.test),
      examples: this.items.map((e) => ({ split: e.split, word: e.label, voice: e.voice, frames: e.features.T })),
    };
  }

  /** The example's features, and the top layer's state, gates and the class probabilities after every frame. */
  inspect(index: number): SpeechInspection {
    const item = this.items[index];
    if (!item) throw new KitError({ key: "range", what: "seed", value: index, min: 0, max: this.items.length - 1 });
    const { T, D } = item.features;
    const inputs = Float64Array.from(item.features.data);
    this.allNet.params.set(this.net.params);
    this.allNet.forward({ T, B: 1, inputs });
    const trace = readTrace(this.allNet);
    const top = this.setup.numLayers - 1;
    const O = this.words.length;
    const logits = this.allNet.outputs();
    const probs = new Float64Array(T * O);
    for (let t = 0; t < T; t++) softmaxInto(logits, t * O, O, probs, t * O);
    const gates: Record<string, Float64Array> = {};
    const shown = this.setup.cell === "gru" ? ["z", "r"] : this.setup.cell === "lstm" ? ["i", "f", "o"] : [];
    for (const g of shown) gates[g] = trace.gates[g][top].slice();
    return {
      index, T, D, H: this.setup.hiddenSize, O, features: inputs, h: trace.h[top].slice(), gates, probs,
      samples: item.samples.slice(), step: this.step,
    };
  }

  /** Probabilities of each word for one heard word's features (the last state → softmax). */
  classify(T: number, D: number, features: Float32Array): Float64Array {
    if (!(T >= 1 && D === MEL_BANDS && features.length === T * D)) throw new AudioError("decodeFailed", `A heard word needs ${MEL_BANDS} bands per frame.`);
    this.net.forward({ T, B: 1, inputs: Float64Array.from(features), lengths: Int32Array.of(T) });
    const O = this.words.length;
    const probs = new Float64Array(O);
    softmaxInto(this.net.outputs(), 0, O, probs, 0);
    return probs;
  }

  begin(): void {
    this.host.post({ type: "data", info: this.dataInfo() });
    this.post();
  }

  handle(cmd: SpeechCommand): void {
    try {
      switch (cmd.type) {
        case "init":
          return;
        case "train":
          if (!this.loop.isTraining) this.loop.start();
          this.post();
          return;
        case "pause":
          this.loop.stop();
          this.evaluate();
          this.post();
          this.host.post({ type: "checkpoint", checkpoint: { step: this.step, params: this.net.params.slice() } });
          return;
        case "step":
          if (this.loop.isTraining) return;
          this.loop.stepOnce();
          this.evaluate();
          this.post();
          return;
        case "setOptim":
          this.setup = { ...this.setup, optim: cmd.optim };
          if (cmd.optim.optimizer !== this.opt.kind) this.opt = createOptimizer(this.net, { kind: cmd.optim.optimizer, lr: cmd.optim.learningRate });
          else this.opt.lr = cmd.optim.learningRate;
          return;
        case "reset": {
          this.loop.stop();
          const data = cmd.data ?? this.data;
          this.build(cmd.setup, data);
          this.setup = cmd.setup;
          this.data = data;
          this.begin();
          return;
        }
        case "inspect":
          this.host.post({ type: "inspection", inspection: this.inspect(cmd.index) });
          return;
        case "listen": {
          this.listener ??= new Listener({
            inputRate: SAMPLE_RATE,
            onWord: (word) => {
              const t0 = this.host.now();
              const { T, D, data } = word.features;
              const probs = this.classify(T, D, data);
              this.host.post({ type: "heard", probs, isFinal: word.isFinal, ms: this.host.now() - t0, frames: T });
            },
          });
          this.listener.push(cmd.samples);
          return;
        }
        case "listenEnd":
          this.listener = null;
          return;
        case "ping":
        case "fault":
          return;
        default:
          assertNever(cmd);
      }
    } catch (e) {
      this.host.post(errorReport(e, cmd.type === "reset"));
    }
  }
}
