// src/worker/kit/loop.ts: the slice loop every trainer runs: steps in short slices, a rate, periodic work, and a
// "busy" word to the page before a step expected to take long, so the watchdog never mistakes slow work for a hang.
import { errorReport, type KitReport } from "./protocol";

/** What a trainer needs of its host: post a report, run a slice soon (after pending messages), tell time. */
export interface SliceHost<Rep> {
  post(report: Rep): void;
  schedule(fn: () => void): void;
  now(): number;
}

/** Work per slice before yielding to messages: short enough that Pause lands at once. */
export const SLICE_BUDGET_MS = 12;
/** A step expected to take longer than this is announced ("busy") before it starts. */
export const BUSY_NOTICE_MS = 1000;

/** Something done at most every `intervalMs` (a snapshot, a validation, a checkpoint). */
export class Every {
  private at = -Infinity;
  constructor(public intervalMs: number) {}
  /** True (and marks it done) when it is due at `now`, or when `force`. */
  due(now: number, force = false): boolean {
    if (!force && now - this.at < this.intervalMs) return false;
    this.at = now;
    return true;
  }
  mark(now: number): void {
    this.at = now;
  }
  /** Due again at once. */
  clear(): void {
    this.at = -Infinity;
  }
}

export interface LoopTrainer {
  /**
   * One optimiser step. Returns the work done (tokens, sequences: what the rate counts), or false when training
   * must stop (the trainer has already reported why: a divergence, nothing left to train).
   */
  stepOnce(): number | false;
  /** After each slice that leaves training on: validation, snapshots, checkpoints as they fall due. */
  afterSlice(now: number): void;
}

/** Runs a trainer's steps in slices. The trainer owns what a step is; the loop owns when steps run. */
export class SliceLoop<Rep> {
  isTraining = false;
  /** Work units per second over the last half second or so (0 when not training). */
  rate = 0;
  private isScheduled = false;
  private windowStart = 0;
  private windowUnits = 0;
  /** The longest recent step, measured (ms). */
  private stepMs = 0;

  constructor(
    private readonly host: SliceHost<Rep | KitReport>,
    private readonly trainer: LoopTrainer,
    private readonly budgetMs = SLICE_BUDGET_MS,
  ) {}

  /** A first guess at one step's duration (before any was measured), e.g. from the model's size. */
  expectStepMs(ms: number): void {
    this.stepMs = Math.max(this.stepMs, ms);
  }

  start(): void {
    this.isTraining = true;
    this.windowStart = this.host.now();
    this.windowUnits = 0;
    this.schedule();
  }

  stop(): void {
    this.isTraining = false;
  }

  /** One step outside training (the Step button), measured and announced like any other. */
  stepOnce(): number | false {
    this.announce();
    const t0 = this.host.now();
    const units = this.trainer.stepOnce();
    this.measure(this.host.now() - t0);
    return units;
  }

  private announce(): void {
    if (this.stepMs > BUSY_NOTICE_MS) this.host.post({ type: "busy", expectedMs: Math.ceil(2 * this.stepMs) + 1000 });
  }

  private measure(ms: number): void {
    // Slow steps count at once; a fast one lowers the estimate gradually (a hiccup is not forgotten at once).
    this.stepMs = ms > this.stepMs ? ms : 0.8 * this.stepMs + 0.2 * ms;
  }

  private schedule(): void {
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
        const units = this.stepOnce();
        if (units === false) {
          this.isTraining = false;
          return;
        }
        this.windowUnits += units;
      } while (this.isTraining && this.host.now() - start < this.budgetMs);
      const now = this.host.now();
      if (now - this.windowStart >= 500) {
        this.rate = (this.windowUnits * 1000) / (now - this.windowStart);
        this.windowStart = now;
        this.windowUnits = 0;
      }
      this.trainer.afterSlice(now);
    } catch (e) {
      this.isTraining = false;
      this.host.post(errorReport(e));
      return;
    }
    if (this.isTraining) this.schedule();
  }
}
