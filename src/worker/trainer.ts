// src/worker/trainer.ts: the training loop behind one widget: slices of steps, throttled snapshots, divergence.
//
// No worker globals here: the entry (worker.ts) injects how to post, to schedule the next slice and to tell
// time, so Node tests drive the same loop.
import {
  createNetwork, createOptimizer, EngineError, freeRun, readTrace, trainStep,
  type Batch, type Network, type Optimizer,
} from "../engine";
import { makeSeriesDataset } from "../data/csv";
import { SeriesBatcher, wholeBatch, type SeriesDataset } from "../data/series";
import { makeSineDataset } from "../data/sine";
import {
  PROTOCOL_VERSION, assertNever,
  type Checkpoint, type Command, type DivergenceInfo, type LossHistory, type OptimSettings, type Report, type Snapshot, type TrainerSetup,
} from "./protocol";

export interface TrainerHost {
  post(report: Report): void;
  /** Runs `fn` soon, after pending messages (a macrotask). */
  schedule(fn: () => void): void;
  now(): number;
}

/** Work per slice before yielding to messages: short enough that Pause lands at once. */
export const SLICE_BUDGET_MS = 12;
export const SNAPSHOT_INTERVAL_MS = 1000 / 30;
export const VALIDATION_INTERVAL_MS = 250;
/** A loss this many times the first one counts as blown up, even while still finite. */
export const BLOW_UP_FACTOR = 1e4;
const MAX_HISTORY = 2000;

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
  /** Forgets points after `step` (a divergence rolled the run back to it). */
  truncateAfter(step: number): void {
    const keep = this.steps.findIndex((s) => s > step);
    if (keep < 0) return;
    this.steps.length = keep;
    this.values.length = keep;
  }
  load(steps: Float64Array, values: Float64Array): void {
    this.steps = Array.from(steps);
    this.values = Array.from(values);
  }
  export(): [Float64Array, Float64Array] {
    return [Float64Array.from(this.steps), Float64Array.from(this.values)];
  }
}

function makeDataset(setup: TrainerSetup): SeriesDataset {
  const d = setup.data;
  switch (d.kind) {
    case "sine":
      return makeSineDataset(d.spec);
    case "series":
      return makeSeriesDataset(d.values, d.seqLength, d.horizon, d.validationFraction);
    default:
      return assertNever(d);
  }
}

export class Trainer {
  private setup: TrainerSetup;
  private net!: Network;
  private opt!: Optimizer;
  private data!: SeriesDataset;
  private batcher!: SeriesBatcher;
  private validation!: Batch;
  private stepCount = 0;
  private isTraining = false;
  private isScheduled = false;
  private firstLoss = NaN;
  private lastLoss = NaN;
  private lastValLoss = NaN;
  private lastGradNorm = NaN;
  private wasClipped = false;
  private lastGood!: Float64Array;
  private lastGoodStep = 0;
  private lastGoodLoss = NaN;
  private beforeUpdate!: Float64Array;
  private lastGrads!: Float64Array;
  private trainHistory = new History();
  private valHistory = new History();
  private lastSnapshotAt = -Infinity;
  private lastValidationAt = -Infinity;
  private rateWindowStart = 0;
  private rateWindowTokens = 0;
  private tokensPerSec = 0;

  constructor(private readonly host: TrainerHost, setup: TrainerSetup, resume?: Checkpoint) {
    this.setup = setup;
    this.build(setup, resume);
  }

  /** Handles one command; errors are reported, never thrown to the caller. */
  handle(cmd: Command): void {
    try {
      switch (cmd.type) {
        case "init":
          this.build(cmd.setup, cmd.resume);
          this.host.post({ type: "ready", version: PROTOCOL_VERSION });
          this.snapshot();
          return;
        case "train":
          this.isTraining = true;
          this.rateWindowStart = this.host.now();
          this.rateWindowTokens = 0;
          this.scheduleSlice();
          return;
        case "pause":
          this.isTraining = false;
          this.snapshot();
          return;
        case "step":
          this.isTraining = false;
          if (this.stepOnce()) this.snapshot();
          return;
        case "reset":
          this.isTraining = false;
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
          this.isTraining = true;
          this.scheduleSlice();
          return;
        case "simulateCrash":
          return; // handled by the worker entry, which crashes on purpose
        default:
          assertNever(cmd);
      }
    } catch (e) {
      this.isTraining = false;
      const code = e instanceof EngineError ? (cmd.type === "init" || cmd.type === "reset" ? "setup" : "engine") : "internal";
      this.host.post({ type: "error", code, message: (e as Error).message });
    }
  }

  private build(setup: TrainerSetup, resume?: Checkpoint): void {
    // Build everything first, so a bad setup leaves the previous run untouched.
    const data = makeDataset(setup);
    const net = createNetwork(
      { cell: setup.model.cell, inputSize: 1, hiddenSize: setup.model.hiddenSize, numLayers: setup.model.numLayers, outputSize: 1, loss: "mse" },
      { seed: setup.seed, init: { scheme: setup.model.init } },
    );
    const opt = createOptimizer(net, { kind: setup.optim.optimizer, lr: setup.optim.learningRate });
    if (setup.optim.clipMaxNorm !== null && !(setup.optim.clipMaxNorm > 0)) {
      throw new EngineError("config", `The clipping norm must be positive, but is ${setup.optim.clipMaxNorm}.`);
    }
    if (resume) net.setParams(resume.params);
    this.setup = setup;
    this.data = data;
    this.net = net;
    this.opt = opt;
    this.batcher = new SeriesBatcher(data, setup.batchSize, setup.seed + 1);
    this.validation = wholeBatch(data, data.validation.slice(0, 64));
    this.stepCount = resume?.step ?? 0;
    this.trainHistory = new History();
    this.valHistory = new History();
    if (resume) {
      this.trainHistory.load(resume.history.step, resume.history.train);
      this.valHistory.load(resume.history.valStep, resume.history.val);
    }
    this.firstLoss = NaN;
    this.lastLoss = NaN;
    this.lastGradNorm = NaN;
    this.wasClipped = false;
    this.lastGood = net.params.slice();
    this.beforeUpdate = new Float64Array(net.numParams);
    this.lastGrads = new Float64Array(net.numParams);
    this.lastGoodStep = this.stepCount;
    this.lastGoodLoss = NaN;
    this.lastValLoss = this.validate();
    this.valHistory.push(this.stepCount, this.lastValLoss);
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

  private validate(): number {
    return this.net.forward(this.validation);
  }

  /** One optimiser step. Returns false (and reports) when the run diverged. */
  private stepOnce(): boolean {
    const batch = this.batcher.next();
    this.beforeUpdate.set(this.net.params);
    const r = trainStep(this.net, this.opt, batch, { clipMaxNorm: this.setup.optim.clipMaxNorm });
    this.stepCount++;
    if (Number.isNaN(this.firstLoss)) this.firstLoss = r.loss;
    const blownUp = Number.isFinite(r.loss) && r.loss > BLOW_UP_FACTOR * Math.max(this.firstLoss, 1e-6);
    if (r.diverged || blownUp) {
      this.diverge(r.diverged ?? "blowUp");
      return false;
    }
    // θ before this update gave a finite, sane loss: it is the newest weights known to be good.
    this.lastGood.set(this.beforeUpdate);
    this.lastGoodStep = this.stepCount - 1;
    this.lastGoodLoss = r.loss;
    this.lastLoss = r.loss;
    this.lastGradNorm = r.gradNorm;
    this.wasClipped = r.clipped;
    this.lastGrads.set(this.net.grads);
    this.trainHistory.push(this.stepCount, r.loss);
    this.rateWindowTokens += batch.T * batch.B;
    return true;
  }

  private diverge(cause: DivergenceInfo["cause"]): void {
    this.isTraining = false;
    this.net.setParams(this.lastGood);
    const divergence: DivergenceInfo = {
      step: this.stepCount,
      cause,
      lastGoodStep: this.lastGoodStep,
      lastGoodLoss: this.lastGoodLoss,
      learningRate: this.setup.optim.learningRate,
      clipMaxNorm: this.setup.optim.clipMaxNorm,
    };
    this.stepCount = this.lastGoodStep;
    // The history must not show steps the rollback undid (they would appear twice once training resumes).
    this.trainHistory.truncateAfter(this.stepCount);
    this.valHistory.truncateAfter(this.stepCount);
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
        this.lastValLoss = this.validate();
        this.valHistory.push(this.stepCount, this.lastValLoss);
      }
      if (now - this.lastSnapshotAt >= SNAPSHOT_INTERVAL_MS) this.snapshot();
    } catch (e) {
      this.isTraining = false;
      this.host.post({ type: "error", code: e instanceof EngineError ? "engine" : "internal", message: (e as Error).message });
      return;
    }
    if (this.isTraining) this.scheduleSlice();
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
    this.lastSnapshotAt = this.host.now();
    this.host.post({ type: "snapshot", snapshot: this.buildSnapshot() });
  }

  buildSnapshot(): Snapshot {
    const { data, net } = this;
    const { T, horizon } = data;
    const seq = data.validation[0];
    const unscale = (a: Float64Array): Float64Array => a.map((v) => v * data.std + data.mean);
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
      tokensPerSec: this.isTraining ? this.tokensPerSec : 0,
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
    };
  }
}
