// src/worker/sine/trainer.ts: the sine playground's trainer on the kit: one network on a series, its example and trace.
//
// No worker globals here: serve() (worker.ts) or a test injects how to post, to schedule the next slice and to tell
// time, so Node tests drive the same loop.
import {
  createNetwork, createOptimizer, freeRun, readTrace, StepGuard,
  type Batch, type Network, type Optimizer,
} from "../../engine";
import { makeSeriesDataset } from "../../data/csv";
import { SeriesBatcher, wholeBatch, type SeriesDataset } from "../../data/series";
import { makeSineDataset } from "../../data/sine";
import { History } from "../kit/history";
import { Every, SliceLoop, type SliceHost } from "../kit/loop";
import { assertNever, errorReport, KitError, type KitReport } from "../kit/protocol";
import { estimateStepMs } from "../kit/cost";
import { answerPytorch, copyBatch } from "../kit/pytorch";
import { ForecastLab, SCORE_WINDOWS_PER_SLICE } from "./forecast";
import type { Checkpoint, Command, DivergenceInfo, LossHistory, OptimSettings, Report, Snapshot, TrainerSetup } from "./protocol";

export type TrainerHost = SliceHost<Report | KitReport>;

export const SNAPSHOT_INTERVAL_MS = 1000 / 30;
export const VALIDATION_INTERVAL_MS = 250;
/** How often a built-in series' test windows are forecast while training (the Baselines table's RNN row). */
export const SCORE_INTERVAL_MS = 1000;

/** Refuses a clipping norm that is not a positive finite number. */
export function checkClip(o: OptimSettings): void {
  if (o.clipMaxNorm !== null && !(Number.isFinite(o.clipMaxNorm) && o.clipMaxNorm > 0)) throw new KitError({ key: "clipNorm", value: o.clipMaxNorm });
}

function makeDataset(setup: TrainerSetup): { data: SeriesDataset; lab: ForecastLab | null } {
  const d = setup.data;
  switch (d.kind) {
    case "sine":
      return { data: makeSineDataset(d.spec), lab: null };
    case "series":
      return { data: makeSeriesDataset(d.values, d.seqLength, d.horizon, d.validationFraction), lab: null };
    case "forecast": {
      const lab = new ForecastLab({ values: d.values, p: d.seqLength, k: d.horizon, period: d.period, validationFraction: d.validationFraction, seed: setup.seed });
      return { data: lab.dataset, lab };
    }
    default:
      return assertNever(d);
  }
}

export class Trainer {
  private setup: TrainerSetup;
  private net!: Network;
  private opt!: Optimizer;
  private guard!: StepGuard;
  private data!: SeriesDataset;
  /** A built-in series' baselines and scores; null on sines and an own CSV. */
  private lab: ForecastLab | null = null;
  /** The step the RNN's test forecasts were scored at (−1: not yet). */
  private scoredStep = -1;
  private batcher!: SeriesBatcher;
  /** Batches drawn ahead (for an export: its first batch is the one trained on next), trained before new ones. */
  private ahead: Batch[] = [];
  private validation!: Batch;
  private stepCount = 0;
  private lastLoss = NaN;
  private lastValLoss = NaN;
  private lastGradNorm = NaN;
  private wasClipped = false;
  private lastGrads!: Float64Array;
  private trainHistory = new History();
  private valHistory = new History();
  private readonly snapshots = new Every(SNAPSHOT_INTERVAL_MS);
  private readonly validations = new Every(VALIDATION_INTERVAL_MS);
  private readonly scores = new Every(SCORE_INTERVAL_MS);
  private readonly loop: SliceLoop<Report>;

  constructor(private readonly host: TrainerHost, setup: TrainerSetup, resume?: Checkpoint) {
    this.setup = setup;
    this.loop = new SliceLoop(host, {
      stepOnce: () => this.stepOnce(),
      afterSlice: (now) => {
        if (this.validations.due(now)) {
          this.lastValLoss = this.validate();
          this.valHistory.push(this.stepCount, this.lastValLoss);
        }
        // A built-in series: the test windows are forecast in slices, from a copy of the weights, once a second.
        const lab = this.lab;
        if (lab) {
          if (lab.isScoring) lab.scoreSlice(SCORE_WINDOWS_PER_SLICE);
          else if (this.scoredStep !== this.stepCount && this.scores.due(now)) {
            lab.beginScore(this.net, this.stepCount);
            this.scoredStep = this.stepCount;
          }
        }
        if (this.snapshots.due(now)) this.snapshot();
      },
    });
    this.build(setup, resume);
  }

  private get isTraining(): boolean {
    return this.loop.isTraining;
  }

  /** The first reports after "ready". */
  begin(): void {
    this.snapshot();
  }

  /** Handles one command; errors are reported, never thrown to the caller. */
  handle(cmd: Command): void {
    try {
      switch (cmd.type) {
        case "init":
          this.loop.stop();
          this.build(cmd.setup, cmd.resume);
          this.host.post({ type: "ready", version: cmd.version });
          this.snapshot();
          return;
        case "train":
          this.loop.start();
          return;
        case "pause":
          this.loop.stop();
          this.snapshot();
          return;
        case "step":
          this.loop.stop();
          if (this.loop.stepOnce() !== false) this.snapshot();
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
        case "resume":
          this.applyOptim(cmd.optim);
          this.opt.reset();
          this.guard.rebase(this.stepCount);
          this.loop.start();
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

  private build(setup: TrainerSetup, resume?: Checkpoint): void {
    // Build everything first, so a bad setup leaves the previous run untouched.
    checkClip(setup.optim);
    const { data, lab } = makeDataset(setup);
    const net = createNetwork(
      { cell: setup.model.cell, inputSize: 1, hiddenSize: setup.model.hiddenSize, numLayers: setup.model.numLayers, outputSize: 1, loss: "mse" },
      { seed: setup.seed, init: { scheme: setup.model.init } },
    );
    const opt = createOptimizer(net, { kind: setup.optim.optimizer, lr: setup.optim.learningRate });
    if (resume) {
      if (resume.params.length !== net.numParams) throw new KitError({ key: "checkpoint", expected: net.numParams, got: resume.params.length });
      net.setParams(resume.params);
    }
    this.setup = setup;
    this.data = data;
    this.lab = lab;
    this.scoredStep = -1;
    this.scores.clear();
    this.net = net;
    this.opt = opt;
    this.batcher = new SeriesBatcher(data, setup.batchSize, setup.seed + 1);
    this.ahead = [];
    this.validation = wholeBatch(data, data.validation.slice(0, 64));
    this.stepCount = resume?.step ?? 0;
    this.guard = new StepGuard(net, this.stepCount);
    this.trainHistory = new History();
    this.valHistory = new History();
    if (resume) {
      this.trainHistory.load(resume.history.step, resume.history.train);
      this.valHistory.load(resume.history.valStep, resume.history.val);
      this.trainHistory.truncateAfter(this.stepCount);
      this.valHistory.truncateAfter(this.stepCount);
    }
    this.lastLoss = this.trainHistory.last();
    this.lastGradNorm = NaN;
    this.wasClipped = false;
    this.lastGrads = new Float64Array(net.numParams);
    this.loop.expectStepMs(estimateStepMs(net.numParams, (setup.data.kind === "sine" ? setup.data.spec.seqLength : setup.data.seqLength), setup.batchSize));
    this.lastValLoss = this.validate();
    this.valHistory.push(this.stepCount, this.lastValLoss);
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

  private validate(): number {
    return this.net.forward(this.validation);
  }

  /** One optimiser step: the values it trained on, or false (reported) when the run diverged. */
  private stepOnce(): number | false {
    const batch = this.ahead.shift() ?? this.batcher.next();
    const r = this.guard.step(this.opt, batch, this.stepCount, { clipMaxNorm: this.setup.optim.clipMaxNorm });
    this.stepCount++;
    if (r.failed) {
      this.diverge(r.failed.cause, r.failed.what);
      return false;
    }
    this.lastLoss = r.loss;
    this.lastGradNorm = r.gradNorm;
    this.wasClipped = r.clipped;
    this.lastGrads.set(this.net.grads);
    this.trainHistory.push(this.stepCount, r.loss);
    this.lab?.denseStep();
    return batch.T * batch.B;
  }

  private diverge(cause: DivergenceInfo["cause"], what: DivergenceInfo["what"]): void {
    this.loop.stop();
    const divergence: DivergenceInfo = {
      step: this.stepCount,
      cause,
      what,
      lastGoodStep: this.guard.goodStep,
      lastGoodLoss: this.guard.goodLoss,
      learningRate: this.setup.optim.learningRate,
      clipMaxNorm: this.setup.optim.clipMaxNorm,
    };
    this.stepCount = this.guard.goodStep;
    // The history must not show steps the rollback undid (they would appear twice once training resumes).
    this.trainHistory.truncateAfter(this.stepCount);
    this.valHistory.truncateAfter(this.stepCount);
    this.host.post({ type: "diverged", divergence });
    this.snapshot();
  }

  /** The run as a Python file: the weights and optimiser now, the next batch this page would train on, then random windows. */
  private exportPytorch(requestId: number): Report {
    const { data, setup } = this;
    const name = setup.data.kind === "sine" ? "sine" : "series";
    return answerPytorch(requestId, `${name}-${setup.model.cell}-step${this.stepCount}.py`, () => {
      if (this.ahead.length === 0) this.ahead.push(copyBatch(this.batcher.next()));
      return {
        net: this.net,
        optimizer: this.opt,
        clipMaxNorm: setup.optim.clipMaxNorm,
        data: { kind: "batches", batches: this.ahead.slice(), continueWith: { kind: "seriesWindows", pool: data.train, T: data.T, horizon: data.horizon, B: setup.batchSize } },
        stepsDone: this.stepCount,
        title: name === "sine" ? "RNN Notebook: sine playground" : "RNN Notebook: own series",
      };
    });
  }

  /** Trains `steps` steps outside the loop, with no report in between (scripts and tests); false if it diverged. */
  advance(steps: number): boolean {
    for (let i = 0; i < steps; i++) if (this.stepOnce() === false) return false;
    return true;
  }

  checkpoint(): Checkpoint {
    return { step: this.stepCount, params: this.net.params.slice(), history: this.history() };
  }

  private history(): LossHistory {
    const [step, train] = this.trainHistory.export();
    const [valStep, val] = this.valHistory.export();
    return { step, train, valStep, val };
  }

  /** Builds and posts a snapshot: the loss so far, the shown example's predictions and its trace, the weights. */
  snapshot(): void {
    const now = this.host.now();
    this.snapshots.mark(now);
    // Stopped (Step, Pause, Reset), the test windows are forecast at once; while training, in slices (afterSlice).
    if (this.lab && !this.isTraining && (this.scoredStep !== this.stepCount || this.lab.isScoring)) this.scoreTest();
    this.host.post({ type: "snapshot", snapshot: this.buildSnapshot() });
  }
  /** Forecasts the test windows with the network as it is now (the Baselines table's RNN row). */
  scoreTest(): void {
    if (!this.lab) return;
    this.lab.scoreRnn(this.net, this.stepCount);
    this.scoredStep = this.stepCount;
  }

  buildSnapshot(): Snapshot {
    const { data, net } = this;
    const { T, horizon } = data;
    // A built-in series shows the window just before its test range, then free-runs into it.
    const seq = this.lab ? this.lab.example : data.validation[0];
    const offset = this.lab ? this.lab.exampleOffset : 0;
    const unscale = (a: Float64Array): Float64Array => a.map((v) => (v + offset) * data.std + data.mean);
    const inputs = seq.slice(0, T);
    const targets = seq.slice(horizon, T + horizon);
    // Weights and the gradient of the last training step, taken before the example pass overwrites ∂L/∂θ.
    const params = net.layout.specs.map((s) => ({
      name: s.name,
      shape: [...s.shape],
      value: net.param(s.name).slice(),
      grad: this.lastGrads.slice(s.offset, s.offset + s.size),
    }));
    net.forwardBackward({ T, B: 1, inputs, targets });
    const trace = readTrace(net);
    const teacherForced = unscale(trace.outputs);
    let freeRunValues: Float64Array | null = null;
    let futureTarget: Float64Array | null = null;
    const F = seq.length - (T + 1);
    if (horizon === 1 && F > 0) {
      const run = freeRun(net, inputs, F);
      freeRunValues = unscale(run.continuation);
      futureTarget = unscale(seq.slice(T + 1, T + 1 + F));
    }
    const c = net.config;
    return {
      step: this.stepCount,
      isTraining: this.isTraining,
      loss: this.lastLoss,
      valLoss: this.lastValLoss,
      tokensPerSec: this.isTraining ? this.loop.rate : 0,
      gradNorm: this.lastGradNorm,
      clipped: this.wasClipped,
      history: this.history(),
      example: { target: unscale(targets), teacherForced, freeRun: freeRunValues, futureTarget, horizon },
      trace: {
        T,
        H: c.hiddenSize,
        numLayers: c.numLayers,
        cell: c.cell,
        h: trace.h,
        c: trace.c,
        gates: trace.gates,
        dhNorm: trace.dhNorm ?? [],
        dcNorm: trace.dcNorm,
      },
      params,
      kernels: net.kernels.name,
      dataStats: { mean: data.mean, std: data.std, trainWindows: data.train.length, validationWindows: data.validation.length },
      forecast: this.lab ? this.lab.view() : null,
    };
  }
}
