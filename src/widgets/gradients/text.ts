// src/widgets/gradients/text.ts: the sentences the gradient visualizer shows: status, per-cell summaries, divergence.
import type { GradStatus } from "../../store/gradStore";
import type { GradSettings } from "../../store/gradSettings";
import { formatCount, formatValue } from "../../viz/format";
import type { CellType } from "../../engine";
import type { GradCellView, GradDivergence, GradSnapshot } from "../../worker/protocol";

export const CELL_NAMES: Record<CellType, string> = { rnn: "tanh-RNN", lstm: "LSTM", gru: "GRU" };

/** float32's largest finite value: a gradient norm beyond it would be ∞ in PyTorch's default precision. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** "Step 120 · loss 1.39 (tanh-RNN), 0.52 (LSTM), 0.31 (GRU) · 40 steps/s": what the status region reads. */
export function statusText(status: GradStatus, snapshot: GradSnapshot | null): string {
  switch (status) {
    case "starting":
      return "Starting the training worker…";
    case "restarting":
      return "Restarting the training worker…";
    case "failed":
      return "Stopped: the training worker is not running (see the message below).";
    default:
      break;
  }
  if (!snapshot) return "Preparing the task and the networks…";
  const losses = snapshot.cells.map((c) => `${formatValue(c.loss)} (${CELL_NAMES[c.cell]}${c.divergence ? ", stopped" : ""})`);
  const parts = [`Step ${formatCount(snapshot.step)}`, `loss ${losses.join(", ")}`];
  if (status === "training") {
    parts.push(snapshot.stepsPerSec > 0 ? `${formatValue(snapshot.stepsPerSec)} steps/s` : "training");
  } else if (snapshot.cells.every((c) => c.divergence)) {
    parts.push("stopped: all three diverged");
  } else {
    parts.push(snapshot.step === 0 ? "press Train or Step to start" : "paused");
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
export function verdict(ratio: number): "vanishes" | "explodes" | "holds" | "is not finite" {
  if (!Number.isFinite(ratio)) return ratio === Infinity ? "explodes" : "is not finite";
  if (ratio < 0.1) return "vanishes";
  if (ratio > 10) return "explodes";
  return "holds";
}

/** One line per cell, for the summary (read by learners, screen readers and the browser tests). */
export function cellSummary(c: GradCellView, T: number): string {
  const ratio = firstOverLast(c.profile.dhNorm);
  let text = `${CELL_NAMES[c.cell]}: ‖∂L/∂h_0‖ / ‖∂L/∂h_${T - 1}‖ = ${formatValue(ratio)} (the gradient ${verdict(ratio)} going back ${formatCount(T - 1)} steps)`;
  if (c.profile.dcNorm) {
    const cRatio = firstOverLast(c.profile.dcNorm);
    text += `; ‖∂L/∂c_0‖ / ‖∂L/∂c_${T - 1}‖ = ${formatValue(cRatio)} (the cell-state gradient ${verdict(cRatio)})`;
  }
  return `${text}.`;
}

export function accuracyText(c: GradCellView, numClasses: number): string {
  if (Number.isNaN(c.accuracy)) return "Accuracy: not measured yet";
  return `Accuracy ${formatPercent(c.accuracy)} at step ${formatCount(c.accuracyStep)} (chance ${formatPercent(1 / numClasses)})`;
}

export function formatPercent(v: number): string {
  return Number.isFinite(v) ? `${Math.round(v * 1000) / 10}%` : formatValue(v);
}

const CAUSES: Record<GradDivergence["cause"], string> = {
  nan: "became NaN (not a number)",
  inf: "became infinite",
  blowUp: "blew up",
};

/** What happened, in numbers: "The tanh-RNN stopped at step 1: one update … blew up. ‖∂L/∂θ‖ was 7.2e5 …". */
export function divergenceText(cell: CellType, d: GradDivergence): string {
  const name = CELL_NAMES[cell];
  let text = `The ${name} stopped at step ${formatCount(d.step)}: ${d.what} ${CAUSES[d.cause]}. `;
  text += `‖∂L/∂θ‖ was ${formatValue(d.gradNorm)}`;
  if (Number.isFinite(d.updateNorm)) {
    text += `, so one update at learning rate ${d.learningRate} moved the weights by ${formatValue(d.updateNorm)}, against ${formatValue(d.weightNorm)} for all the weights together: every tanh unit would sit at ±1, its gradient 0 from then on`;
  }
  text += ". ";
  if (d.gradNorm > FLOAT32_MAX) {
    text += `That gradient norm is beyond float32's largest number (3.4e38): in PyTorch's default precision it would be ∞, and the weights NaN after the update. `;
  }
  text += `The weights from before that step (loss ${formatValue(d.lastGoodLoss)}) are kept.`;
  return text;
}

/** Why it happened and what to change, in terms of the settings in force. */
export function divergenceAdvice(s: GradSettings): string {
  return s.clip
    ? `Gradients are clipped at norm ${s.clipNorm}, yet the step was still too large: lower the learning rate (now ${s.lr}) or the clipping norm.`
    : "The gradient exploded going back through time (see its curve) and nothing limited the update. Gradient clipping rescales " +
        "any gradient longer than the max norm down to it, so one bad batch cannot wreck the weights.";
}
