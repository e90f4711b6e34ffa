// src/worker/kit/history.ts: a bounded record of values per training step, for loss curves and the like.

/**
 * Steps and `width` values per step, never more than `max` points: when full, every other point is dropped and
 * only every 2nd (then 4th, …) step is kept from then on, so all of training always fits.
 */
export class History {
  private steps: number[] = [];
  private columns: number[][];
  private every = 1;

  constructor(readonly width = 1, private readonly max = 2000) {
    this.columns = Array.from({ length: width }, () => []);
  }

  get length(): number {
    return this.steps.length;
  }

  /** The last value of column `k`, or NaN when empty. */
  last(k = 0): number {
    return this.columns[k].at(-1) ?? NaN;
  }

  push(step: number, ...values: number[]): void {
    if (step % this.every !== 0) return;
    // A step at or before the last one (a rollback that was not truncated) must not appear twice.
    this.truncateAfter(step - 1);
    this.steps.push(step);
    for (let k = 0; k < this.width; k++) this.columns[k].push(values[k] ?? NaN);
    if (this.steps.length >= this.max) {
      const half = (_: number, i: number): boolean => i % 2 === 0;
      this.steps = this.steps.filter(half);
      this.columns = this.columns.map((c) => c.filter(half));
      this.every *= 2;
    }
  }

  /** Forgets points after `step` (a divergence rolled the run back to it, or a run resumed from it). */
  truncateAfter(step: number): void {
    let keep = this.steps.length;
    while (keep > 0 && this.steps[keep - 1] > step) keep--;
    if (keep === this.steps.length) return;
    this.steps.length = keep;
    for (const c of this.columns) c.length = keep;
  }

  /** Starts from a saved record (steps and one array per column, all the same length; anything else is ignored). */
  load(steps: Float64Array, ...columns: Float64Array[]): void {
    this.steps = [];
    this.columns = this.columns.map(() => []);
    this.every = 1;
    if (columns.length !== this.width || columns.some((c) => c.length !== steps.length)) return;
    const n = Math.min(steps.length, this.max - 1);
    const from = steps.length - n;
    for (let i = from; i < steps.length; i++) {
      // Points must be whole steps in increasing order; a bad tail is cut where it goes wrong.
      const s = steps[i];
      if (!Number.isSafeInteger(s) || s < 0 || (this.steps.length > 0 && s <= this.steps[this.steps.length - 1])) break;
      this.steps.push(s);
      columns.forEach((c, k) => this.columns[k].push(c[i]));
    }
  }

  /** Fresh copies: [steps, column 0, column 1, …]. */
  export(): Float64Array[] {
    return [Float64Array.from(this.steps), ...this.columns.map((c) => Float64Array.from(c))];
  }
}
