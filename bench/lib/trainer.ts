// bench/lib/trainer.ts: what every library adapter provides, and the timing loop they all share.
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import type { Workload } from "./workloads";

export type LibId = "engine" | "engine-ts" | "tfjs" | "tfjs-stock" | "tfjs-layers" | "brain";

export interface Trainer {
  /**
   * One training step on the next batch (forward, backward, parameter update), finished when it returns:
   * asynchronous backends must sync (e.g. read the loss) inside. Returns the loss.
   */
  step(): number | Promise<number>;
  /** Timesteps trained per step (normally B*T; brain.js counts its own steps). */
  readonly tokensPerStep: number;
  /** Workload differences worth printing next to the number, if any. */
  readonly note?: string;
  dispose(): void;
}

export interface Lib {
  id: LibId;
  /** Human label for the table. */
  label: string;
  /** null if the library can run this workload, else why not (printed as n/a). */
  unsupported(w: Workload): string | null;
  create(w: Workload): Promise<Trainer>;
  /**
   * Implementations of the same maths to try, when none is fastest everywhere: each is measured the same way
   * and the row reports the fastest (the others go in the note). Without it, `create` is the one.
   */
  variants?: readonly { name: string; create(w: Workload): Promise<Trainer> }[];
}

export interface Measurement {
  steps: number;
  seconds: number;
  /** Best of the windows: the least disturbed by other processes on the machine. */
  tokensPerSec: number;
  /** Median and worst window, to show the noise. */
  medianTokensPerSec: number;
  worstTokensPerSec: number;
  firstLoss: number;
  lastLoss: number;
}

/** A full collection between windows, so no window pays for garbage another left behind (when available). */
const collectGarbage: () => void = (() => {
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    if (typeof gc === "function") return () => void (gc as () => unknown)();
  } catch {
    /* fall through: no forced collections */
  }
  return () => undefined;
})();

/** One trainer under measurement: warm-up, then windows, accumulated. */
class Timed {
  private readonly rates: number[] = [];
  private steps = 0;
  private ms = 0;
  private firstLoss = NaN;
  private lastLoss = NaN;
  private isSync = true;

  constructor(readonly tr: Trainer) {}

  /** At least 2 steps and `ms` milliseconds (JIT, tfjs kernel set-up, brain.js equation binding). */
  async warmUp(ms: number): Promise<void> {
    const first = this.tr.step();
    this.isSync = typeof first === "number";
    this.firstLoss = await first;
    const end = performance.now() + ms;
    for (let i = 1; i < 2 || performance.now() < end; i++) await this.tr.step();
  }

  /** Whole steps for `ms` milliseconds (at least one). Synchronous trainers run in a plain loop (no await). */
  async window(ms: number): Promise<void> {
    collectGarbage();
    let n = 0;
    const t0 = performance.now();
    const end = t0 + ms;
    let now = t0;
    if (this.isSync) {
      while (n < 1 || now < end) {
        this.lastLoss = this.tr.step() as number;
        n++;
        now = performance.now();
      }
    } else {
      while (n < 1 || now < end) {
        this.lastLoss = await this.tr.step();
        n++;
        now = performance.now();
      }
    }
    this.rates.push((n * this.tr.tokensPerStep * 1000) / (now - t0));
    this.steps += n;
    this.ms += now - t0;
  }

  result(): Measurement {
    const r = [...this.rates].sort((a, b) => a - b);
    return {
      steps: this.steps,
      seconds: this.ms / 1000,
      tokensPerSec: r[r.length - 1],
      medianTokensPerSec: r[Math.floor(r.length / 2)],
      worstTokensPerSec: r[0],
      firstLoss: this.firstLoss,
      lastLoss: this.lastLoss,
    };
  }
}

/**
 * Measures several trainers on one workload, interleaved: each is warmed up for a quarter of `seconds`, then
 * `windows` rounds give each trainer one window of seconds/windows in turn, so a burst of load from other
 * processes hits every library rather than one. The best window per trainer is reported (as timeit's
 * best-of-N: the others include time stolen by other processes); median and worst are kept to show the noise.
 */
export async function measureInterleaved(trainers: readonly Trainer[], seconds: number, windows = 5): Promise<Measurement[]> {
  const timed = trainers.map((tr) => new Timed(tr));
  for (const t of timed) await t.warmUp(Math.max(250 * seconds, 100));
  const per = (1000 * seconds) / windows;
  for (let k = 0; k < windows; k++) {
    for (const t of timed) await t.window(per);
  }
  return timed.map((t) => t.result());
}
