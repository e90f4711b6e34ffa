// src/widgets/gradients/text.ts: the sentences the gradient visualizer shows: status, per-cell summaries, divergence.
// Each takes the translate function of the current language (src/i18n/gradients.ts holds the words).
import type { Translate } from "../../i18n";
import type { GRADS, Verdict } from "../../i18n/gradients";
import type { GradStatus } from "../../store/gradStore";
import type { GradSettings } from "../../store/gradSettings";
import { formatCount, formatValue } from "../../viz/format";
import { BLOW_UP_FACTOR, type CellType } from "../../engine";
import type { GradCellView, GradDivergence, GradSnapshot } from "../../worker/gradients/protocol";

export const CELL_NAMES: Record<CellType, string> = { rnn: "tanh-RNN", lstm: "LSTM", gru: "GRU" };

type T = Translate<typeof GRADS>;

/** float32's largest finite value: a gradient norm beyond it would be ∞ in PyTorch's default precision. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** "Step 120 · loss 1.39 (tanh-RNN), 0.52 (LSTM), 0.31 (GRU) · 40 steps/s": what the status region reads. */
export function statusText(t: T, status: GradStatus, snapshot: GradSnapshot | null): string {
  switch (status) {
    case "starting":
      return t("starting");
    case "restarting":
      return t("restarting");
    case "failed":
      return t("failedStatus");
    default:
      break;
  }
  if (!snapshot) return t("preparing");
  const losses = snapshot.cells.map((c) => t("cellLoss", { loss: formatValue(c.loss), name: CELL_NAMES[c.cell], isStopped: c.divergence !== null }));
  const parts = [t("stepN", { step: formatCount(snapshot.step) }), t("lossList", { list: losses.join(t("listSeparator")) })];
  if (status === "training") {
    parts.push(snapshot.stepsPerSec > 0 ? t("stepsPerSec", { rate: formatValue(snapshot.stepsPerSec) }) : t("training"));
  } else if (snapshot.cells.every((c) => c.divergence)) {
    parts.push(t("allDiverged"));
  } else {
    parts.push(snapshot.step === 0 ? t("pressTrain") : t("paused"));
  }
  return parts.join(" · ");
}

/** ‖g_0‖ / ‖g_{T−1}‖: how much of the gradient at the answer reaches the first symbol. */
export function firstOverLast(norms: Float64Array): number {
  return norms[0] / norms[norms.length - 1];
}

/** The per-step factor that ratio amounts to: (‖g_0‖ / ‖g_{T−1}‖)^(1/(T−1)). */
export function perStep(ratio: number, T: number): number {
  return T > 1 ? ratio ** (1 / (T - 1)) : NaN;
}

/** "vanishes", "explodes" or "holds", by the ratio between the first and the last timestep. */
export function verdict(ratio: number): Verdict {
  if (!Number.isFinite(ratio)) return ratio === Infinity ? "explodes" : "is not finite";
  if (ratio < 0.1) return "vanishes";
  if (ratio > 10) return "explodes";
  return "holds";
}

/** One line per cell, for the summary (read by learners, screen readers and the browser tests). */
export function cellSummary(t: T, c: GradCellView, T: number): string {
  const ratio = firstOverLast(c.profile.dhNorm);
  const cRatio = c.profile.dcNorm ? firstOverLast(c.profile.dcNorm) : null;
  return t("cellSummary", {
    name: CELL_NAMES[c.cell],
    last: String(T - 1),
    ratio: formatValue(ratio),
    verdict: verdict(ratio),
    steps: formatCount(T - 1),
    cRatio: cRatio === null ? null : formatValue(cRatio),
    cVerdict: cRatio === null ? null : verdict(cRatio),
  });
}

export function accuracyText(t: T, c: GradCellView, numClasses: number): string {
  if (Number.isNaN(c.accuracy)) return t("notMeasured");
  return t("accuracyAt", { accuracy: formatPercent(c.accuracy), step: formatCount(c.accuracyStep), chance: formatPercent(1 / numClasses) });
}

export function formatPercent(v: number): string {
  return Number.isFinite(v) ? `${Math.round(v * 1000) / 10}%` : formatValue(v);
}

/** What went wrong, from the worker's English description ("the loss", "the gradient norm ‖∂L/∂θ‖"…); the worker names no code. */
function whatText(t: T, what: GradDivergence["what"]): string {
  switch (what) {
    case "lossBlowUp":
      return t("whatLossTimes", { n: BLOW_UP_FACTOR.toLocaleString("en") });
    case "loss":
      return t("whatLoss");
    case "gradNorm":
      return t("whatGradNorm");
    case "weights":
      return t("whatWeights");
    case "update":
      return t("whatUpdate");
  }
}

/** What happened, in numbers: "The tanh-RNN stopped at step 1: one update … blew up. ‖∂L/∂θ‖ was 7.2e5 …". */
export function divergenceText(t: T, cell: CellType, d: GradDivergence): string {
  return t("diverged", {
    name: CELL_NAMES[cell],
    step: formatCount(d.step),
    what: whatText(t, d.what),
    cause: d.cause,
    gradNorm: formatValue(d.gradNorm),
    update: Number.isFinite(d.updateNorm) ? { lr: String(d.learningRate), norm: formatValue(d.updateNorm), weights: formatValue(d.weightNorm) } : null,
    isBeyondFloat32: d.gradNorm > FLOAT32_MAX,
    lastGoodLoss: formatValue(d.lastGoodLoss),
  });
}

/** Why it happened and what to change, in terms of the settings in force. */
export function divergenceAdvice(t: T, s: GradSettings): string {
  return s.clip ? t("adviceClipped", { norm: String(s.clipNorm), lr: String(s.lr) }) : t("adviceUnclipped");
}
