// test/engine/gradients.test.ts: how ‖∂L/∂h_t‖ decays through a tanh-RNN, against the spectral-radius prediction.
//
// With the loss at the last step only, BPTT gives ∂L/∂h_{t−1} = (∂L/∂h_t ⊙ (1 − h_t²)) W_hh. When W_hh is ρ times
// an orthogonal matrix (or ρ·I), ‖u W_hh‖ = ρ‖u‖ for every u, so
//   ‖∂L/∂h_t‖ = ‖∂L/∂h_{T−1}‖ · ρ^(T−1−t) · ∏_{k=t+1}^{T−1} s_k,   s_k = ‖∂L/∂h_k ⊙ (1 − h_k²)‖ / ‖∂L/∂h_k‖,
// and each s_k lies in [min (1 − h_k²), 1]. That bound is exact (up to rounding), so it is tested at 1e-9.
// In the near-linear regime (inputs of 1e-5, zero biases; the test checks every |h| < 2e-3, even at ρ = 1.1, which
// amplifies 1.1^40 ≈ 45 times) each s_k ≥ 1 − 4e-6, so over 40 steps the curve must sit on ρ^(T−1−t) to within
// 40 · 4e-6 = 1.6e-4. We allow 1e-3: far above rounding, far below any wrong term (a missing tanh′ or an extra
// W_hh is off by a factor ρ per step, 1.05^39 ≈ 6.7 at the mildest case here).
import { describe, expect, it } from "vitest";
import { createNetwork, createRng, readTrace, spectralRadius, type InitScheme, type Network } from "../../src/engine";

const H = 16;
const D = 3;
const B = 4;

interface Run {
  net: Network;
  /** ‖∂L/∂h_t‖ over the batch, [T]. */
  dhNorm: Float64Array;
  /** min over batch and units of 1 − h_t², [T]. */
  minDeriv: Float64Array;
  maxAbsH: number;
  loss: number;
}

function run(scheme: InitScheme, rho: number, T: number, inputScale: number, seed = 3): Run {
  const net = createNetwork(
    { cell: "rnn", inputSize: D, hiddenSize: H, numLayers: 1, outputSize: 1, loss: "mse", outputMode: "last" },
    { seed, init: { scheme, spectralRadius: rho }, kernels: "ts" },
  );
  const rng = createRng(seed + 100);
  const inputs = new Float64Array(T * B * D);
  for (let i = 0; i < inputs.length; i++) inputs[i] = inputScale * rng.normal();
  // Targets of 0 against outputs as small as the states: a tiny loss, at the last step only.
  const loss = net.forwardBackward({ T, B, inputs, targets: new Float64Array(B) });
  const trace = readTrace(net);
  const h = trace.h[0];
  const minDeriv = new Float64Array(T);
  let maxAbsH = 0;
  for (let t = 0; t < T; t++) {
    let m = 1;
    for (let i = 0; i < B * H; i++) {
      const v = h[t * B * H + i];
      m = Math.min(m, 1 - v * v);
      maxAbsH = Math.max(maxAbsH, Math.abs(v));
    }
    minDeriv[t] = m;
  }
  return { net, dhNorm: trace.dhNorm![0], minDeriv, maxAbsH, loss };
}

/** ρ^(T−1−t) · ‖∂L/∂h_{T−1}‖: the spectral-radius prediction anchored at the last step. */
function predicted(dhNorm: Float64Array, rho: number): Float64Array {
  const T = dhNorm.length;
  return dhNorm.map((_, t) => dhNorm[T - 1] * rho ** (T - 1 - t));
}

/** e^(slope of ln ‖∂L/∂h_t‖ against T−1−t), least squares: the measured decay factor per step. */
function fittedRate(dhNorm: Float64Array): number {
  const T = dhNorm.length;
  let sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (let t = 0; t < T; t++) {
    const x = T - 1 - t;
    const y = Math.log(dhNorm[t]);
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  return Math.exp((T * sxy - sx * sy) / (T * sxx - sx * sx));
}

describe("‖∂L/∂h_t‖ against the spectral radius of W_hh", () => {
  const cases: [InitScheme, number][] = [
    ["orthogonal", 0.5],
    ["orthogonal", 0.9],
    ["orthogonal", 1.05],
    ["identity", 0.8],
    ["identity", 1.1],
  ];

  it.each(cases)("%s W_hh, ρ = %s: initialised with exactly that spectral radius", (scheme, rho) => {
    const { net } = run(scheme, rho, 10, 1e-5);
    // ρ·Q has every eigenvalue on the circle of radius ρ, so power iteration grows by exactly ρ per step.
    expect(spectralRadius(net.params, net.spec("rnn.weight_hh_l0").offset, H)).toBeCloseTo(rho, 9);
  });

  it.each(cases)("%s W_hh, ρ = %s, near-linear regime: ‖∂L/∂h_t‖ ∝ ρ^(T−1−t) within 1e-3", (scheme, rho) => {
    const T = 40;
    const { dhNorm, minDeriv, maxAbsH, loss } = run(scheme, rho, T, 1e-5);
    // The regime the prediction is about: a tiny loss at the last step, and states far from tanh's bends.
    expect(loss).toBeLessThan(1e-6);
    expect(maxAbsH).toBeLessThan(2e-3);
    const want = predicted(dhNorm, rho);
    let bound = 1;
    for (let t = T - 2; t >= 0; t--) {
      bound *= minDeriv[t + 1];
      const ratio = dhNorm[t] / want[t];
      // Exact: the measured curve lies between the prediction damped by the smallest tanh′ on the way, and it.
      expect(ratio).toBeLessThanOrEqual(1 + 1e-9);
      expect(ratio).toBeGreaterThanOrEqual(bound * (1 - 1e-9));
      // Near-linear: that damping is negligible here (see the header for the 1e-3).
      expect(Math.abs(ratio - 1)).toBeLessThan(1e-3);
    }
    expect(fittedRate(dhNorm)).toBeCloseTo(rho, 4);
    // ρ < 1 vanishes and ρ > 1 explodes, as the ratio of the first to the last norm says.
    const firstOverLast = dhNorm[0] / dhNorm[T - 1];
    expect(Math.log(firstOverLast)).toBeCloseTo((T - 1) * Math.log(rho), 2);
  });

  it("saturated tanh units vanish faster than ρ alone predicts, inside the exact bound", () => {
    const T = 40;
    const rho = 1;
    const { dhNorm, minDeriv } = run("orthogonal", rho, T, 1);
    const want = predicted(dhNorm, rho);
    let bound = 1;
    for (let t = T - 2; t >= 0; t--) {
      bound *= minDeriv[t + 1];
      expect(dhNorm[t] / want[t]).toBeLessThanOrEqual(1 + 1e-9);
      expect(dhNorm[t] / want[t]).toBeGreaterThanOrEqual(bound * (1 - 1e-9));
    }
    // With inputs of size 1 the units sit on tanh's flat parts: even at ρ = 1 the gradient fades
    // by orders of magnitude over 40 steps, the tanh′ factors alone doing it.
    expect(dhNorm[0] / dhNorm[T - 1]).toBeLessThan(1e-3);
  });
});
