// src/worker/gradTrainer.ts: the gradient visualizer's loop: a tanh-RNN, an LSTM and a GRU on the same batches.
//
// One worker, time-sliced: each step draws one batch of the memory task and trains every cell that has not
// diverged on it, so the three stay in lockstep and differ only in their cell. No worker globals here: the entry
// (gradWorker.ts) injects how to post, schedule and tell time, so Node tests drive the same loop.
import {
  createNetwork, createOptimizer, EngineError, gateNames, spectralRadius, trainStep,
  type CellType, type InitOptions, type Network, type Optimizer,
} from "../engine";
import { accuracyOf, MemoryTask } from "../data/memoryTask";
import { createRawProfile, readRawProfile, type RawProfile } from "./gradProfile";
import {
  GRAD_CELLS, GRAD_PROTOCOL_VERSION, assertNever,
  type GradCellView, type GradCheckpoint, type GradCommand, type GradDivergence, type GradHistory, type GradNormRows,
  type GradProfile, type GradReport, type GradSetup, type GradSnapshot, type OptimSettings,
} from "./protocol";

export interface GradTrainerHost {
  post(report: GradReport): void;
  /** Runs `fn` soon, after pending messages (a macrotask). */
  schedule(fn: () => void): void;
  now(): number;
}

/** Work per slice before yielding to messages (at least one step is always taken). */
export const SLICE_BUDGET_MS = 12;
/** Snapshots carry three heatmaps: ten a second keeps the page smooth without flooding it. */
export const SNAPSHOT_INTERVAL_MS = 100;
export const CHECKPOINT_INTERVAL_MS = 1000;
/** Held-out accuracy at most this often while training (more rarely when evaluating is slow; see evaluate()). */
export const ACCURACY_INTERVAL_MS = 500;
/** Spectral radii of the gated cells' W_hh blocks are refreshed at most this often while training. */
const RADIUS_INTERVAL_MS = 500;
/** A loss this many times the first one counts as blown up, even while still finite. */
export const BLOW_UP_FACTOR = 1e4;
export const HELD_OUT_SIZE = 128;
const MAX_HISTORY = 1000;
/** Rows of the ‖∂L/∂h_t‖-over-training heatmap; when full, every other row is dropped. */
export const MAX_ROWS = 96;

/** Steps and `width` values per step, never more than MAX_HISTORY points: when full, every other point is dropped. */
class Series {
  private columns: number[][];
  private every = 1;
  constructor(width: number) {
    this.columns = Array.from({ length: width + 1 }, () => []);
  }
  push(step: number, values: readonly number[]): void {
    if (step % this.every !== 0) return;
    this.columns[0].push(step);
    values.forEach((v, k) => this.columns[k + 1].push(v));
    if (this.columns[0].length >= MAX_HISTORY) {
      this.columns = this.columns.map((c) => c.filter((_, i) => i % 2 === 0));
      this.every *= 2;
    }
  }
  export(): Float64Array[] {
    return this.columns.map((c) => Float64Array.from(c));
  }
}

/** log10 ‖∂L/∂h_t‖ rows over training; halves its resolution in steps when full, so all of training fits. */
class NormRows {
  private readonly values: Float64Array;
  private readonly steps = new Float64Array(MAX_ROWS);
  private rows = 0;
  private every = 1;
  constructor(private readonly T: number) {
    this.values = new Float64Array(MAX_ROWS * T);
  }
  push(step: number, dhNorm: Float64Array, force = false): void {
    if (!force && step % this.every !== 0) return;
    if (this.rows === MAX_ROWS) {
      // Keep rows 0, 2, 4, …: same spacing as before, doubled.
      for (let r = 0; r < MAX_ROWS / 2; r++) {
        this.steps[r] = this.steps[2 * r];
        this.values.copyWithin(r * this.T, 2 * r * this.T, (2 * r + 1) * this.T);
      }
      this.rows = MAX_ROWS / 2;
      this.every *= 2;
      if (!force && step % this.every !== 0) return;
    }
    this.steps[this.rows] = step;
    const off = this.rows * this.T;
    for (let t = 0; t < this.T; t++) this.values[off + t] = Math.log10(dhNorm[t]);
    this.rows++;
  }
  export(): GradNormRows {
    return { steps: this.steps.slice(0, this.rows), log10: this.values.slice(0, this.rows * this.T), rows: this.rows, T: this.T };
  }
}

/** One cell's network, optimiser and record. */
class CellRun {
  readonly cell: CellType;
  readonly net: Network;
  opt: Optimizer;
  step = 0;
  loss = NaN;
  firstLoss = NaN;
  gradNorm = NaN;
  clippedNorm = NaN;
  clipped = false;
  accuracy = NaN;
  accuracyStep = 0;
  divergence: GradDivergence | null = null;
  /** θ before the last update: the weights the shown gradient was taken at, and the ones kept on divergence. */
  readonly before: Float64Array;
  readonly raw: RawProfile;
  readonly history = new Series(3);
  readonly accuracyHistory = new Series(1);
  readonly rows: NormRows;
  radii: Record<string, number> = {};
  radiiAt = -Infinity;

  constructor(cell: CellType, setup: GradSetup, vocabSize: number) {
    this.cell = cell;
    const { task, hiddenSize, init, optim, seed } = setup;
    const initOptions: InitOptions = { scheme: init.scheme };
    if (init.whh === "radius") initOptions.spectralRadius = init.whhValue;
    else if (init.whh === "scale") initOptions.recurrentScale = init.whhValue;
    if (cell === "lstm") initOptions.forgetBias = init.forgetBias;
    this.net = createNetwork(
      { cell, inputSize: vocabSize, hiddenSize, numLayers: 1, outputSize: task.numClasses, loss: "xent", outputMode: "last", inputKind: "onehot" },
      { seed, init: initOptions },
    );
    if (cell === "gru") {
      // The GRU's counterpart of the LSTM's forget bias, set the way the engine sets that one: b_iz = v, b_hz = 0.
      // (PyTorch stacks the GRU's gates r, z, n, so z is the second block of H rows.)
      const H = hiddenSize;
      this.net.param("rnn.bias_ih_l0").fill(init.updateBias, H, 2 * H);
      this.net.param("rnn.bias_hh_l0").fill(0, H, 2 * H);
    }
    this.opt = createOptimizer(this.net, { kind: optim.optimizer, lr: optim.learningRate });
    this.before = this.net.params.slice();
    this.raw = createRawProfile(cell, task.seqLength);
    this.rows = new NormRows(task.seqLength);
  }

  get isRunning(): boolean {
    return this.divergence === null;
  }
}

function checkClip(o: OptimSettings): void {
  if (o.clipMaxNorm !== null && !(Number.isFinite(o.clipMaxNorm) && o.clipMaxNorm > 0)) {
    throw new EngineError("config", `The clipping norm must be a positive number, but is ${o.clipMaxNorm}.`);
  }
}

export class GradTrainer {
  private setup!: GradSetup;
  private task!: MemoryTask;
  private runs: CellRun[] = [];
  private stepCount = 0;
  private isTraining = false;
  private isScheduled = false;
  private lastSnapshotAt = -Infinity;
  private lastCheckpointAt = -Infinity;
  private lastAccuracyAt = -Infinity;
  private accuracyIntervalMs = ACCURACY_INTERVAL_MS;
  private rateWindowStart = 0;
  private rateWindowSteps = 0;
  private stepsPerSec = 0;

  constructor(private readonly host: GradTrainerHost, setup: GradSetup, resume?: GradCheckpoint) {
    this.build(setup, resume);
  }

  /** Handles one command; errors are reported, never thrown to the caller. */
  handle(cmd: GradCommand): void {
    try {
      switch (cmd.type) {
        case "init":
          this.build(cmd.setup, cmd.resume);
          this.host.post({ type: "ready", version: GRAD_PROTOCOL_VERSION });
          this.snapshot();
          return;
        case "train":
          if (!this.runs.some((r) => r.isRunning)) {
            this.snapshot();
            return;
          }
          this.isTraining = true;
          this.rateWindowStart = this.host.now();
          this.rateWindowSteps = 0;
          this.scheduleSlice();
          return;
        case "pause":
          this.isTraining = false;
          this.evaluate();
          this.snapshot();
          this.postCheckpoint();
          return;
        case "step":
          this.isTraining = false;
          this.stepOnce();
          this.evaluate();
          this.snapshot();
          this.postCheckpoint(); // the store keeps the weights after a step, as after a pause
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
        case "simulateCrash":
          return; // handled by the worker entry, which crashes on purpose
        default:
          assertNever(cmd);
      }
    } catch (e) {
      this.isTraining = false;
      const code = e instanceof EngineError || e instanceof RangeError ? (cmd.type === "init" || cmd.type === "reset" ? "setup" : "engine") : "internal";
      this.host.post({ type: "error", code, message: (e as Error).message });
    }
  }

  private build(setup: GradSetup, resume?: GradCheckpoint): void {
    // Build everything first, so a bad setup leaves the previous run untouched.
    checkClip(setup.optim);
    const task = new MemoryTask(
      { seqLength: setup.task.seqLength, numClasses: setup.task.numClasses, numDistractors: setup.task.numDistractors, batchSize: setup.task.batchSize },
      setup.seed,
      HELD_OUT_SIZE,
    );
    const runs = GRAD_CELLS.map((cell) => new CellRun(cell, setup, task.vocabSize));
    if (resume) {
      if (resume.params.length !== runs.length) throw new EngineError("state", `A checkpoint of ${resume.params.length} networks cannot resume ${runs.length}.`);
      runs.forEach((r, k) => {
        r.net.setParams(resume.params[k]);
        r.step = resume.divergence[k]?.step ?? resume.step;
        r.divergence = resume.divergence[k];
      });
    }
    this.setup = setup;
    this.task = task;
    this.runs = runs;
    this.stepCount = resume?.step ?? 0;
    this.accuracyIntervalMs = ACCURACY_INTERVAL_MS;
    // The picture before any update: the gradient of the batch the next step will use, at the current weights.
    const batch = task.batchAt(this.stepCount);
    for (const r of runs) {
      r.loss = r.net.forwardBackward(batch);
      r.before.set(r.net.params);
      readRawProfile(r.net, r.raw);
      r.gradNorm = normOf(r.net.grads);
      r.clippedNorm = clippedOf(r.gradNorm, setup.optim.clipMaxNorm);
      r.clipped = r.clippedNorm < r.gradNorm;
      r.rows.push(this.stepCount, r.raw.dhNorm, true);
    }
    this.evaluate();
    this.lastSnapshotAt = -Infinity;
  }

  private applyOptim(o: OptimSettings): void {
    checkClip(o);
    for (const r of this.runs) {
      if (o.optimizer !== r.opt.kind) r.opt = createOptimizer(r.net, { kind: o.optimizer, lr: o.learningRate });
      else r.opt.lr = o.learningRate;
    }
    this.setup = { ...this.setup, optim: o };
  }

  /** One batch for every running cell. Returns false when no cell is left running. */
  private stepOnce(): boolean {
    const running = this.runs.filter((r) => r.isRunning);
    if (running.length === 0) return false;
    const batch = this.task.batchAt(this.stepCount);
    this.stepCount++;
    const clipMaxNorm = this.setup.optim.clipMaxNorm;
    for (const r of running) {
      r.before.set(r.net.params);
      const result = trainStep(r.net, r.opt, batch, { clipMaxNorm });
      r.step = this.stepCount;
      // The gradient just taken, even when it is the one that failed: a learner should see it blow up.
      readRawProfile(r.net, r.raw);
      r.gradNorm = result.gradNorm;
      r.clippedNorm = clippedOf(result.gradNorm, clipMaxNorm);
      r.clipped = result.clipped;
      r.rows.push(this.stepCount, r.raw.dhNorm, result.diverged !== null);
      if (Number.isNaN(r.firstLoss)) r.firstLoss = result.loss;
      const isBlownUp = Number.isFinite(result.loss) && result.loss > BLOW_UP_FACTOR * Math.max(r.firstLoss, 1e-6);
      const weightNorm = normOf(r.before);
      const updateNorm = result.diverged ? NaN : distance(r.net.params, r.before);
      // In float64 a tanh-RNN's exploding gradient rarely overflows: tanh saturates first. What it does is take
      // one update bigger than all the weights together, which leaves every unit stuck at ±1. That is a divergence.
      const isWrecked = updateNorm > Math.max(weightNorm, 1);
      if (result.diverged || isBlownUp || isWrecked) {
        r.net.setParams(r.before);
        r.divergence = {
          step: this.stepCount,
          cause: result.diverged ?? "blowUp",
          what: !Number.isFinite(result.loss)
            ? "the loss"
            : !Number.isFinite(result.gradNorm)
              ? "the gradient norm ‖∂L/∂θ‖"
              : result.diverged
                ? "the weights after the update"
                : isBlownUp
                  ? `the loss (${BLOW_UP_FACTOR.toLocaleString("en")} times its first value)`
                  : "one update, larger than all the weights together",
          gradNorm: result.gradNorm,
          updateNorm,
          weightNorm,
          lastGoodLoss: r.loss,
          learningRate: this.setup.optim.learningRate,
          clipMaxNorm,
        };
        this.host.post({ type: "diverged", cell: r.cell, divergence: r.divergence });
        continue;
      }
      r.loss = result.loss;
      r.history.push(this.stepCount, [result.loss, result.gradNorm, r.clippedNorm]);
    }
    this.rateWindowSteps++;
    return this.runs.some((r) => r.isRunning);
  }

  /** Held-out accuracy of every cell; spaces itself out when it is slow, so it never eats much of training. */
  private evaluate(): void {
    const start = this.host.now();
    const heldOut = this.task.heldOut;
    for (const r of this.runs) {
      r.net.forward(heldOut);
      r.accuracy = accuracyOf(r.net.outputs(), heldOut.targetIndices, this.setup.task.numClasses);
      r.accuracyStep = r.step;
      r.accuracyHistory.push(r.step, [r.accuracy]);
    }
    const took = this.host.now() - start;
    this.accuracyIntervalMs = Math.max(ACCURACY_INTERVAL_MS, 10 * took);
    this.lastAccuracyAt = this.host.now();
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
      do {
        if (!this.stepOnce()) {
          this.isTraining = false;
          break;
        }
      } while (this.host.now() - start < SLICE_BUDGET_MS);
      const now = this.host.now();
      if (now - this.rateWindowStart >= 500) {
        this.stepsPerSec = (this.rateWindowSteps * 1000) / (now - this.rateWindowStart);
        this.rateWindowStart = now;
        this.rateWindowSteps = 0;
      }
      if (!this.isTraining || now - this.lastAccuracyAt >= this.accuracyIntervalMs) this.evaluate();
      if (!this.isTraining || now - this.lastSnapshotAt >= SNAPSHOT_INTERVAL_MS) this.snapshot();
      if (!this.isTraining || now - this.lastCheckpointAt >= CHECKPOINT_INTERVAL_MS) this.postCheckpoint();
    } catch (e) {
      this.isTraining = false;
      this.host.post({ type: "error", code: e instanceof EngineError ? "engine" : "internal", message: (e as Error).message });
      return;
    }
    if (this.isTraining) this.scheduleSlice();
  }

  checkpoint(): GradCheckpoint {
    return { step: this.stepCount, params: this.runs.map((r) => r.net.params.slice()), divergence: this.runs.map((r) => r.divergence) };
  }

  private postCheckpoint(): void {
    this.lastCheckpointAt = this.host.now();
    this.host.post({ type: "checkpoint", checkpoint: this.checkpoint() });
  }

  snapshot(): void {
    this.lastSnapshotAt = this.host.now();
    this.host.post({ type: "snapshot", snapshot: this.buildSnapshot() });
  }

  buildSnapshot(): GradSnapshot {
    const now = this.host.now();
    const { task, hiddenSize: H } = this.setup;
    const cells = this.runs.map((r): GradCellView => {
      const radii = this.radiiOf(r, now);
      const [step, loss, gradNorm, clippedNorm] = r.history.export();
      const [accStep, accuracy] = r.accuracyHistory.export();
      const history: GradHistory = { step, loss, gradNorm, clippedNorm, accStep, accuracy };
      return {
        cell: r.cell,
        step: r.step,
        loss: r.loss,
        accuracy: r.accuracy,
        accuracyStep: r.accuracyStep,
        gradNorm: r.gradNorm,
        clippedNorm: r.clippedNorm,
        clipped: r.clipped,
        profile: profileOf(r, radii.W_hh ?? NaN),
        spectralRadius: radii,
        history,
        rows: r.rows.export(),
        divergence: r.divergence,
      };
    });
    return {
      step: this.stepCount,
      isTraining: this.isTraining,
      T: task.seqLength,
      H,
      numClasses: task.numClasses,
      cells,
      stepsPerSec: this.isTraining ? this.stepsPerSec : 0,
      kernels: this.runs[0].net.kernels.name,
    };
  }

  /**
   * ρ of each gate block of W_hh, at the weights the shown gradient was taken at (r.before). The tanh-RNN's is
   * part of the prediction, so it is fresh in every snapshot; the gated cells' are for reading, refreshed less often.
   */
  private radiiOf(r: CellRun, now: number): Record<string, number> {
    const H = this.setup.hiddenSize;
    const off = r.net.spec("rnn.weight_hh_l0").offset;
    if (r.cell === "rnn") return { W_hh: spectralRadius(r.before, off, H) };
    if (this.isTraining && now - r.radiiAt < RADIUS_INTERVAL_MS) return r.radii;
    const radii: Record<string, number> = {};
    gateNames(r.cell).forEach((name, g) => {
      radii[name] = spectralRadius(r.before, off + g * H * H, H);
    });
    r.radii = radii;
    r.radiiAt = now;
    return radii;
  }
}

/** ‖a − b‖₂. */
function distance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
  return Math.sqrt(s);
}

function normOf(g: Float64Array): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  return Math.sqrt(s);
}

/** ‖g‖ after torch-style clipping: scaled to maxNorm when maxNorm / (‖g‖ + 1e-6) < 1. */
function clippedOf(norm: number, clipMaxNorm: number | null): number {
  if (clipMaxNorm === null || !Number.isFinite(norm)) return norm;
  const coef = clipMaxNorm / (norm + 1e-6);
  return coef < 1 ? norm * coef : norm;
}

/**
 * The prediction, anchored at the last step: predicted[T−1] is the measured norm there (of c for the LSTM, of h
 * otherwise), and each step back multiplies by that step's gain. For the tanh-RNN the gain is ρ(W_hh) times the
 * measured tanh′ factor; ρ alone gives `radiusOnly`.
 */
function profileOf(r: CellRun, rho: number): GradProfile {
  const { dhNorm, dcNorm, localGain, meanLocal } = r.raw;
  const T = dhNorm.length;
  const gain = r.cell === "rnn" ? localGain.map((g) => rho * g) : localGain.slice();
  const anchor = (dcNorm ?? dhNorm)[T - 1];
  const predicted = new Float64Array(T);
  predicted[T - 1] = anchor;
  for (let t = T - 1; t > 0; t--) predicted[t - 1] = predicted[t] * gain[t];
  let radiusOnly: Float64Array | null = null;
  if (r.cell === "rnn") {
    radiusOnly = new Float64Array(T);
    for (let t = 0; t < T; t++) radiusOnly[t] = dhNorm[T - 1] * rho ** (T - 1 - t);
  }
  return { dhNorm: dhNorm.slice(), dcNorm: dcNorm?.slice() ?? null, gain, predicted, radiusOnly, meanLocal };
}
