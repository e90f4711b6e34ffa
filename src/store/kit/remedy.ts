// src/store/kit/remedy.ts: what the training widgets offer when a run goes wrong: a learning rate known to work
// (one click is enough, instead of halving a too-large rate five times), and a check that the run is learning at all.

/**
 * A learning rate known to train each optimiser: measured on the sine playground's defaults (2 sines, LSTM 16 units,
 * batch 32), where each brings the loss from 0.49 to ≤ 0.02 within 400 steps (adam 0.0036, rmsprop 0.0048, momentum
 * 0.010, sgd 0.020). Smaller rates learn too, only more slowly.
 */
export const SAFE_LEARNING_RATE: Readonly<Record<string, number>> = { adam: 0.01, adamw: 0.01, rmsprop: 0.003, momentum: 0.03, sgd: 0.1, adagrad: 0.03 };

export function safeLearningRate(optimizer: string, current: number): number {
  const safe = SAFE_LEARNING_RATE[optimizer] ?? 0.01;
  // Never suggest a larger rate than the one that failed.
  return Math.min(safe, current);
}

/** The run is not learning: after this many steps the recent loss is still at or above where it started. */
export const NOT_LEARNING_MIN_STEPS = 300;
/** "At or above where it started": the recent loss is at least this fraction of the starting loss. */
export const NOT_LEARNING_RATIO = 0.8;

export interface NotLearning {
  startLoss: number;
  recentLoss: number;
  step: number;
}

function median(values: number[]): number {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Whether a run has stopped learning, from its training-loss history (steps and losses, oldest first): at least
 * NOT_LEARNING_MIN_STEPS steps taken, and the median of the last fifth of the losses still at least
 * NOT_LEARNING_RATIO × the median of the first few. A saturated network (a flat prediction, loss several times the
 * start) and one that barely moves (0.45 against 0.47) both count; a run that is learning drops far below.
 */
export function notLearning(step: ArrayLike<number>, loss: ArrayLike<number>): NotLearning | null {
  const n = Math.min(step.length, loss.length);
  if (n < 10) return null;
  const first = step[0];
  const last = step[n - 1];
  if (last - first < NOT_LEARNING_MIN_STEPS) return null;
  const head: number[] = [];
  for (let i = 0; i < Math.min(5, n); i++) head.push(loss[i]);
  const tail: number[] = [];
  for (let i = Math.floor(n * 0.8); i < n; i++) tail.push(loss[i]);
  const startLoss = median(head);
  const recentLoss = median(tail);
  if (!(startLoss > 0) || !Number.isFinite(recentLoss)) return null;
  return recentLoss >= NOT_LEARNING_RATIO * startLoss ? { startLoss, recentLoss, step: last } : null;
}
