// src/widgets/gradients/explain.ts: the explanation's figures, each one a product the page writes out in full.
//
// Going back one step in a tanh-RNN, δ_{k−1} = (δ_k ⊙ (1 − h_k²)) W_hh exactly (the loss is at the last step only, so
// nothing else reaches h_{k−1}). Its norm therefore shrinks or grows by two factors, both measured on the batch:
//   tanh′'s share  g_k = ‖δ_k ⊙ (1 − h_k²)‖ / ‖δ_k‖  (at most 1), and
//   W_hh's stretch s_k = ‖(δ_k ⊙ (1 − h_k²)) W_hh‖ / ‖δ_k ⊙ (1 − h_k²)‖  (between W_hh's smallest and largest singular values).
// Over the T − 1 steps from t = T − 1 back to t = 0 the ratio ‖δ_0‖ / ‖δ_{T−1}‖ is ∏ g_k s_k = (ḡ · s̄)^(T−1), with ḡ and s̄
// geometric means. The trainer's prediction puts ρ(W_hh) in place of s̄ (exact when W_hh is ρ times an orthogonal matrix);
// for the gated cells it follows only the direct path, ḡ being the share the forget gate f (LSTM) or update gate z (GRU)
// keeps. Every per-step figure here is a geometric mean and every ratio that mean to the power T − 1, so the figures
// the page shows multiply out (to their rounding).
import type { CellType } from "../../engine";
import type { GradCellView, GradSnapshot } from "../../worker/gradients/protocol";
import { formatValue } from "../../viz/format";

export interface CellFigures {
  cell: CellType;
  /** T − 1: the steps between the answer and the first symbol. */
  steps: number;
  /** ḡ: the local factor's share per step on the gradient's own path: tanh′ (RNN), f (LSTM), z (GRU). */
  share: number;
  /** tanh-RNN only: ρ(W_hh) at the weights the gradient was taken at. */
  rho: number | null;
  /** tanh-RNN only: s̄ = measuredPerStep / ḡ, how much W_hh actually stretched the gradient per step. */
  stretch: number | null;
  /** The prediction's factor per step: ḡ · ρ (RNN) or ḡ (gated cells: the direct path alone). */
  predictedPerStep: number;
  /** predictedPerStep^(T−1). */
  predictedRatio: number;
  /** (‖g_0‖ / ‖g_{T−1}‖)^(1/(T−1)), g being ∂L/∂c for the LSTM and ∂L/∂h otherwise. */
  measuredPerStep: number;
  /** ‖g_0‖ / ‖g_{T−1}‖ as measured: measuredPerStep^(T−1). */
  measuredRatio: number;
  /** tanh-RNN only: ρ^(T−1), the spectral radius alone. */
  radiusOnlyRatio: number | null;
}

/** exp of the mean log of a[1…n−1] (a[0] is unused: there is no step back from t = 0); 0 if any is 0. */
function geometricMeanFrom1(a: Float64Array): number {
  let sum = 0;
  for (let t = 1; t < a.length; t++) sum += Math.log(a[t]);
  return Math.exp(sum / (a.length - 1));
}

export function cellFigures(c: GradCellView, T: number): CellFigures {
  const p = c.profile;
  const steps = T - 1;
  const measured = p.dcNorm ?? p.dhNorm;
  const measuredRatio = measured[0] / measured[steps];
  const measuredPerStep = steps > 0 ? measuredRatio ** (1 / steps) : NaN;
  const predictedPerStep = steps > 0 ? geometricMeanFrom1(p.gain) : NaN;
  if (c.cell === "rnn") {
    const rho = c.spectralRadius.W_hh ?? NaN;
    // The trainer's gain is ρ · g_k; take ρ back out to get tanh′'s share.
    const share = predictedPerStep / rho;
    return {
      cell: c.cell,
      steps,
      share,
      rho,
      stretch: measuredPerStep / share,
      predictedPerStep,
      predictedRatio: predictedPerStep ** steps,
      measuredPerStep,
      measuredRatio,
      radiusOnlyRatio: rho ** steps,
    };
  }
  return {
    cell: c.cell,
    steps,
    share: predictedPerStep,
    rho: null,
    stretch: null,
    predictedPerStep,
    predictedRatio: predictedPerStep ** steps,
    measuredPerStep,
    measuredRatio,
    radiusOnlyRatio: null,
  };
}

export function snapshotFigures(s: GradSnapshot): CellFigures[] {
  return s.cells.map((c) => cellFigures(c, s.T));
}

/**
 * A per-step factor with four significant digits (exponent form outside 0.001…10,000), so that raised to the
 * power T − 1 it still gives the ratio shown beside it to about its three digits.
 */
export function formatFactor(v: number): string {
  if (!Number.isFinite(v) || v === 0) return formatValue(v);
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e5) return formatValue(v);
  // Trailing zeros stay ("1.040"): they say the figure has four digits, so 1.040^49 is read as such.
  const fixed = v.toPrecision(4);
  return fixed.includes("e") ? formatValue(v) : fixed.replace("-", "−");
}

/** σ(b): the share a gate with bias b keeps at the start, before the inputs and h move it. */
export function sigmoid(b: number): number {
  return 1 / (1 + Math.exp(-b));
}
