// test/engine/optim.test.ts: optimisers follow PyTorch's update formulas; clipping follows clip_grad_norm_.
import { describe, expect, it } from "vitest";
import { clipGradNorm, EngineError, Optimizer } from "../../src/engine";

// Scalar transcriptions of the torch.optim docs' pseudo-code, run for three steps on fixed gradients.
const grads = [
  [0.5, -2, 1e-3],
  [0.25, -1, 3],
  [-0.75, 0.5, -2],
];
const start = [1, -0.5, 0.25];

function run(opt: Optimizer): number[] {
  const theta = Float64Array.from(start);
  for (const g of grads) opt.step(theta, Float64Array.from(g));
  return Array.from(theta);
}

describe("optimisers", () => {
  it("SGD: θ ← θ − lr·g", () => {
    const want = start.map((p, i) => p - 0.1 * (grads[0][i] + grads[1][i] + grads[2][i]));
    run(new Optimizer(3, { kind: "sgd", lr: 0.1 })).forEach((v, i) => { expect(v).toBeCloseTo(want[i], 14); });
  });

  it("momentum: b ← μb + g (b = g at first), θ ← θ − lr·b", () => {
    const want = start.map((p, i) => {
      let b = 0;
      grads.forEach((g, s) => {
        b = s === 0 ? g[i] : 0.9 * b + g[i];
        p -= 0.1 * b;
      });
      return p;
    });
    run(new Optimizer(3, { kind: "momentum", lr: 0.1, momentum: 0.9 })).forEach((v, i) => { expect(v).toBeCloseTo(want[i], 14); });
  });

  it("RMSprop: v ← αv + (1−α)g², θ ← θ − lr·g/(√v + ε)", () => {
    const want = start.map((p, i) => {
      let v = 0;
      for (const g of grads) {
        v = 0.99 * v + 0.01 * g[i] * g[i];
        p -= (0.01 * g[i]) / (Math.sqrt(v) + 1e-8);
      }
      return p;
    });
    run(new Optimizer(3, { kind: "rmsprop", lr: 0.01 })).forEach((v, i) => { expect(v).toBeCloseTo(want[i], 14); });
  });

  it("Adam: bias-corrected moments, ε after the correction", () => {
    const want = start.map((p, i) => {
      let m = 0, v = 0;
      grads.forEach((g, s) => {
        m = 0.9 * m + 0.1 * g[i];
        v = 0.999 * v + 0.001 * g[i] * g[i];
        const mHat = m / (1 - 0.9 ** (s + 1));
        const vHat = v / (1 - 0.999 ** (s + 1));
        p -= (0.01 * mHat) / (Math.sqrt(vHat) + 1e-8);
      });
      return p;
    });
    run(new Optimizer(3, { kind: "adam", lr: 0.01 })).forEach((v, i) => { expect(v).toBeCloseTo(want[i], 12); });
  });

  it("weight decay adds λθ to the gradient", () => {
    const theta = Float64Array.of(2);
    new Optimizer(1, { kind: "sgd", lr: 0.5, weightDecay: 0.1 }).step(theta, Float64Array.of(0));
    expect(theta[0]).toBeCloseTo(2 - 0.5 * 0.1 * 2, 15);
  });

  it("learning rate can change between steps, and absurd values are refused", () => {
    const opt = new Optimizer(1, { kind: "sgd", lr: 0.1 });
    opt.lr = 0.5;
    const theta = Float64Array.of(1);
    opt.step(theta, Float64Array.of(1));
    expect(theta[0]).toBeCloseTo(0.5, 15);
    expect(() => (opt.lr = -1)).toThrow(/learning rate must be a positive number/);
    expect(() => new Optimizer(1, { kind: "adam", lr: Number.NaN })).toThrow(EngineError);
    expect(() => new Optimizer(1, { kind: "adam", lr: 1, beta1: 1 })).toThrow(/beta1 must be in \[0, 1\)/);
  });
});

describe("clipGradNorm", () => {
  it("scales by maxNorm / (‖g‖ + 1e-6) when that is below 1, and returns the norm before", () => {
    const g = Float64Array.of(3, 4);
    expect(clipGradNorm(g, 1)).toBe(5);
    expect(g[0]).toBeCloseTo((3 * 1) / (5 + 1e-6), 15);
    expect(g[1]).toBeCloseTo((4 * 1) / (5 + 1e-6), 15);
  });
  it("leaves small gradients alone", () => {
    const g = Float64Array.of(0.3, 0.4);
    clipGradNorm(g, 1);
    expect(Array.from(g)).toEqual([0.3, 0.4]);
  });
});
