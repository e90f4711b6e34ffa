// src/worker/gradients/trainer.ts: the gradient visualizer's trainer on the kit: a tanh-RNN, an LSTM and a GRU on
// the same batches.
//
// One worker, time-sliced: each step draws one batch of the memory task and trains every cell that has not
// diverged on it, so the three stay in lockstep and differ only in their cell. No worker globals here: serve()
// (worker.ts) or a test injects how to post, schedule and tell time, so Node tests drive the same loop.
import {
  BLOW_UP_FACTOR, createNetwork, createOptimizer, createRawProfile, gateNames, gradNorm, readRawProfile, setUpdateGateBias, spectralRadius, StepGuard,
  type CellType, type InitOptions, type Network, type Optimizer, type RawProfile,
} from "../../engine";
import { accuracyOf, MemoryTask } from "../../data/memoryTask";
import { History } from "../kit/history";
import { Every, SliceLoop, type SliceHost } from "../kit/loop";
import { assertNever, errorReport, KitError, type KitReport } from "../kit/protocol";
import { estimateStepMs } from "../kit/cost";
import { answerPytorch } from "../kit/pytorch";
import { checkClip } from "../sine/trainer";
import {
  GRAD_CELLS,
  type GradCellView, type GradCheckpoint, type GradCommand, type GradDivergence, type GradHistory, type GradNormRows,
  type GradProfile, type GradReport, type GradSetup, type GradSnapshot, type OptimSettings,
} from "./protocol";

export type GradTrainerHost = SliceHost<GradReport | KitReport>;

export { BLOW_UP_FACTOR };
/** Snapshots carry three heatmaps: ten a second keeps the page smooth without flooding it. */
export const SNAPSHOT_INTERVAL_MS = 100;
export const CHECKPOINT_INTERVAL_MS = 1000;
/** Held-out accuracy at most this often while training (more rarely when evaluating is slow; see evaluate()). */
export const ACCURACY_INTERVAL_MS = 500;
/** Spectral radii of the gated cells' W_hh blocks are refreshed at most this often while training. */
const RADIUS_INTERVAL_MS = 500;
export const HELD_OUT_SIZE = 128;
const MAX_HISTORY = 1000;
/** Rows of the ‖∂L/∂h_t‖-over-training heatmap; when full, every other row is dropped. */
export const MAX_ROWS = 96;

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
  /** Starts from saved rows (ignored unless they fit this T and are in increasing step order). */
  load(rows: GradNormRows): void {
    if (rows.T !== this.T || rows.rows > MAX_ROWS || rows.steps.length !== rows.rows || rows.log10.length !== rows.rows * this.T) return;
    for (let r = 1; r < rows.rows; r++) if (!(rows.steps[r] > rows.steps[r - 1])) return;
    this.steps.set(rows.steps);
    this.values.set(rows.log10);
    this.rows = rows.rows;
    this.every = 1;
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
  gradNorm = NaN;
  clippedNorm = NaN;
  clipped = false;
  accuracy = NaN;
  accuracyStep = 0;
  divergence: GradDivergence | null = null;
  /** Keeps θ before the last update: the weights the shown gradient was taken at, and the ones kept on divergence. */
  readonly guard: StepGuard;
  readonly raw: RawProfile;
  readonly history = new History(3, MAX_HISTORY);
  readonly accuracyHistory = new History(1, MAX_HISTORY);
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
    // The GRU's counterpart of the LSTM's forget bias.
    if (cell === "gru") setUpdateGateBias(this.net, init.updateBias);
    this.opt = createOptimizer(this.net, { kind: optim.optimizer, lr: optim.learningRate });
    this.guard = new StepGuard(this.net);
    this.raw = createRawProfile(cell, task.seqLength);
    this.rows = new NormRows(task.seqLength);
  }

  get isRunning(): boolean {
    return this.divergence === null;
  }
}

export class GradTrainer {
  private setup!: GradSetup;
  private task!: MemoryTask;
  private runs: CellRun[] = [];
  private stepCount = 0;
  private readonly snapshots = new Every(SNAPSHOT_INTERVAL_MS);
  private readonly checkpoints = new Every(CHECKPOINT_INTERVAL_MS);
  private readonly accuracies = new Every(ACCURACY_INTERVAL_MS);
  private readonly loop: SliceLoop<GradReport>;

  constructor(private readonly host: GradTrainerHost, setup: GradSetup, resume?: GradCheckpoint) {
    this.loop = new SliceLoop(host, {
      stepOnce: () => {
        if (this.stepOnce()) return 1;
        // No cell left running: the final picture.
        this.loop.stop();
        this.evaluate();
        this.snapshot();
        this.postCheckpoint();
        return false;
      },
      afterSlice: (now) => {
        if (this.accuracies.due(now)) this.evaluate();
        if (this.snapshots.due(now)) this.snapshot();
        if (this.checkpoints.due(now)) this.postCheckpoint();
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
  handle(cmd: GradCommand): void {
    try {
      switch (cmd.type) {
        case "init":
          this.build(cmd.setup, cmd.resume);
          this.host.post({ type: "ready", version: cmd.version });
          this.snapshot();
          return;
        case "train":
          if (!this.runs.some((r) => r.isRunning)) {
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
          this.evaluate();
          this.snapshot();
          this.postCheckpoint(); // the store keeps the weights after a step, as after a pause
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
        case "exportPytorch":
          this.host.post(this.exportPytorch(cmd.requestId, cmd.cell));
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
      if (resume.params.length !== runs.length) throw new KitError({ key: "checkpoint", expected: runs.length, got: resume.params.length });
      runs.forEach((r, k) => {
        if (resume.params[k].length !== r.net.numParams) throw new KitError({ key: "checkpoint", expected: r.net.numParams, got: resume.params[k].length });
        r.net.setParams(resume.params[k]);
        r.step = resume.divergence[k]?.step ?? resume.step;
        r.divergence = resume.divergence[k] ?? null;
        r.guard.rebase(r.step);
        const h = resume.history?.[k];
        if (h) {
          r.history.load(h.step, h.loss, h.gradNorm, h.clippedNorm);
          r.accuracyHistory.load(h.accStep, h.accuracy);
          r.history.truncateAfter(r.step);
          r.accuracyHistory.truncateAfter(r.step);
        }
        const rows = resume.rows?.[k];
        if (rows) r.rows.load(rows);
      });
    }
    this.setup = setup;
    this.task = task;
    this.runs = runs;
    this.stepCount = resume?.step ?? 0;
    this.accuracies.intervalMs = ACCURACY_INTERVAL_MS;
    this.loop.expectStepMs(runs.reduce((ms, r) => ms + estimateStepMs(r.net.numParams, setup.task.seqLength, setup.task.batchSize), 0));
    // The picture before any update: the gradient of the batch the next step will use, at the current weights.
    const batch = task.batchAt(this.stepCount);
    for (const r of runs) {
      r.loss = r.net.forwardBackward(batch);
      readRawProfile(r.net, r.raw);
      r.gradNorm = gradNorm(r.net.grads);
      r.clippedNorm = clippedOf(r.gradNorm, setup.optim.clipMaxNorm);
      r.clipped = r.clippedNorm < r.gradNorm;
      r.rows.push(this.stepCount, r.raw.dhNorm, true);
    }
    this.evaluate();
    this.snapshots.clear();
  }

  private applyOptim(o: OptimSettings): void {
    checkClip(o);
    for (const r of this.runs) {
      if (o.optimizer !== r.opt.kind) r.opt = createOptimizer(r.net, { kind: o.optimizer, lr: o.learningRate });
      else r.opt.lr = o.learningRate;
    }
    this.setup = { ...this.setup, optim: o };
  }

  /** One cell's run as a Python file: its weights and optimiser now, the next two batches of the task, then fresh ones. */
  private exportPytorch(requestId: number, cell: string | undefined): GradReport {
    const run = this.runs.find((r) => r.cell === cell) ?? this.runs[0];
    return answerPytorch(requestId, `memory-${run.cell}-T${this.setup.task.seqLength}-step${this.stepCount}.py`, () => ({
      net: run.net,
      optimizer: run.opt,
      clipMaxNorm: this.setup.optim.clipMaxNorm,
      data: {
        kind: "batches",
        batches: [this.task.batchAt(this.stepCount), this.task.batchAt(this.stepCount + 1)],
        continueWith: { kind: "memoryTask", ...this.task.spec },
      },
      stepsDone: this.stepCount,
      title: `RNN Notebook: gradient visualizer, ${run.cell.toUpperCase()} on the memory task`,
    }));
  }

  /** One batch for every running cell. Returns false when no cell is left running. */
  private stepOnce(): boolean {
    const running = this.runs.filter((r) => r.isRunning);
    if (running.length === 0) return false;
    const batch = this.task.batchAt(this.stepCount);
    this.stepCount++;
    const clipMaxNorm = this.setup.optim.clipMaxNorm;
    for (const r of running) {
      const result = r.guard.step(r.opt, batch, this.stepCount - 1, { clipMaxNorm, refuseWreckingUpdates: true });
      r.step = this.stepCount;
      // The gradient just taken, even when it is the one that failed: a learner should see it blow up.
      readRawProfile(r.net, r.raw);
      r.gradNorm = result.gradNorm;
      r.clippedNorm = clippedOf(result.gradNorm, clipMaxNorm);
      r.clipped = result.clipped;
      r.rows.push(this.stepCount, r.raw.dhNorm, result.failed !== null);
      if (result.failed) {
        r.divergence = {
          step: this.stepCount,
          cause: result.failed.cause,
          what: result.failed.what,
          gradNorm: result.gradNorm,
          updateNorm: result.failed.updateNorm,
          weightNorm: result.failed.weightNorm,
          lastGoodLoss: r.loss,
          learningRate: this.setup.optim.learningRate,
          clipMaxNorm,
        };
        this.host.post({ type: "diverged", cell: r.cell, divergence: r.divergence });
        continue;
      }
      r.loss = result.loss;
      r.history.push(this.stepCount, result.loss, result.gradNorm, r.clippedNorm);
    }
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
      r.accuracyHistory.push(r.step, r.accuracy);
    }
    const took = this.host.now() - start;
    this.accuracies.intervalMs = Math.max(ACCURACY_INTERVAL_MS, 10 * took);
    this.accuracies.mark(this.host.now());
  }

  checkpoint(): GradCheckpoint {
    return {
      step: this.stepCount,
      params: this.runs.map((r) => r.net.params.slice()),
      divergence: this.runs.map((r) => r.divergence),
      history: this.runs.map((r) => historyOf(r)),
      rows: this.runs.map((r) => r.rows.export()),
    };
  }

  private postCheckpoint(): void {
    this.checkpoints.mark(this.host.now());
    this.host.post({ type: "checkpoint", checkpoint: this.checkpoint() });
  }

  snapshot(): void {
    this.snapshots.mark(this.host.now());
    this.host.post({ type: "snapshot", snapshot: this.buildSnapshot() });
  }

  buildSnapshot(): GradSnapshot {
    const now = this.host.now();
    const { task, hiddenSize: H } = this.setup;
    const cells = this.runs.map((r): GradCellView => {
      const radii = this.radiiOf(r, now);
      const history = historyOf(r);
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
      stepsPerSec: this.isTraining ? this.loop.rate : 0,
      kernels: this.runs[0].net.kernels.name,
    };
  }

  /**
   * ρ of each gate block of W_hh, at the weights the shown gradient was taken at (guard.before). The tanh-RNN's is
   * part of the prediction, so it is fresh in every snapshot; the gated cells' are for reading, refreshed less often.
   */
  private radiiOf(r: CellRun, now: number): Record<string, number> {
    const H = this.setup.hiddenSize;
    const off = r.net.spec("rnn.weight_hh_l0").offset;
    if (r.cell === "rnn") return { W_hh: spectralRadius(r.guard.before, off, H) };
    if (this.isTraining && now - r.radiiAt < RADIUS_INTERVAL_MS) return r.radii;
    const radii: Record<string, number> = {};
    gateNames(r.cell).forEach((name, g) => {
      radii[name] = spectralRadius(r.guard.before, off + g * H * H, H);
    });
    r.radii = radii;
    r.radiiAt = now;
    return radii;
  }
}

function historyOf(r: CellRun): GradHistory {
  const [step, loss, gradNorm, clippedNorm] = r.history.export();
  const [accStep, accuracy] = r.accuracyHistory.export();
  return { step, loss, gradNorm, clippedNorm, accStep, accuracy };
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
