// test/engine/optimizers.options.test.ts: which options each optimiser takes, the ranges PyTorch accepts, and
// saving and restoring optimiser state (the numbers themselves: optimizers.pytorch.test.ts).
import { describe, expect, it } from "vitest";
import { EngineError, Optimizer, resolveOptimizerSpec, type OptimizerSpec } from "../../src/engine";

const grads = [Float64Array.of(0.5, -2, 1e-3), Float64Array.of(0.25, -1, 3), Float64Array.of(-0.75, 0.5, -2)];

function stepAll(opt: Optimizer, theta: Float64Array, gs = grads): Float64Array {
  for (const g of gs) opt.step(theta, g);
  return theta;
}

describe("optimiser options", () => {
  it("refuses an option the optimiser does not have, naming it", () => {
    const bad = (spec: Record<string, unknown>) => () => new Optimizer(3, spec as unknown as OptimizerSpec);
    expect(bad({ kind: "adam", lr: 0.1, momentum: 0.9 })).toThrow(/The adam optimizer has no option "momentum"; its options are beta1, beta2, eps, amsgrad, weightDecay/);
    expect(bad({ kind: "sgd", lr: 0.1, alpha: 0.9 })).toThrow(/no option "alpha"/);
    expect(bad({ kind: "rmsprop", lr: 0.1, nesterov: true })).toThrow(/no option "nesterov"/);
    expect(bad({ kind: "adagrad", lr: 0.1, beta1: 0.9 })).toThrow(/no option "beta1"/);
    expect(bad({ kind: "sgd", lr: 0.1, weight_decay: 0.1 })).toThrow(/no option "weight_decay" \(write it as weightDecay\)/);
    expect(bad({ kind: "adam", lr: 0.1, maximize: true })).toThrow(EngineError);
    expect(bad({ kind: "lbfgs", lr: 0.1 })).toThrow(/optimizer must be one of sgd, momentum, rmsprop, adam, adamw, adagrad/);
    // An option left undefined is an option not given.
    expect(() => new Optimizer(3, { kind: "adam", lr: 0.1, momentum: undefined })).not.toThrow();
  });

  it("SGD's momentum is used, not ignored", () => {
    const plain = stepAll(new Optimizer(3, { kind: "sgd", lr: 0.1 }), Float64Array.of(1, 1, 1));
    const heavy = stepAll(new Optimizer(3, { kind: "sgd", lr: 0.1, momentum: 0.9 }), Float64Array.of(1, 1, 1));
    const named = stepAll(new Optimizer(3, { kind: "momentum", lr: 0.1 }), Float64Array.of(1, 1, 1));
    expect(Array.from(heavy)).not.toEqual(Array.from(plain));
    expect(Array.from(named)).toEqual(Array.from(heavy));
  });

  it("accepts the ranges PyTorch accepts and refuses the rest with the reason", () => {
    expect(() => new Optimizer(1, { kind: "sgd", lr: 0.1, weightDecay: 1.5 })).not.toThrow();
    expect(() => new Optimizer(1, { kind: "adamw", lr: 0.1, weightDecay: 2 })).not.toThrow();
    expect(() => new Optimizer(1, { kind: "sgd", lr: 0.1, weightDecay: -0.1 })).toThrow(/weightDecay must be a number ≥ 0/);
    expect(() => new Optimizer(1, { kind: "sgd", lr: 0.1, nesterov: true })).toThrow(/Nesterov momentum requires a momentum > 0 and zero dampening/);
    expect(() => new Optimizer(1, { kind: "sgd", lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true })).toThrow(/zero dampening/);
    expect(() => new Optimizer(1, { kind: "sgd", lr: 0.1, momentum: -1 })).toThrow(/momentum must be a number ≥ 0/);
    expect(() => new Optimizer(1, { kind: "adam", lr: 0.1, beta2: 1 })).toThrow(/beta2 must be in \[0, 1\)/);
    expect(() => new Optimizer(1, { kind: "rmsprop", lr: 0.1, alpha: Number.NaN })).toThrow(/alpha must be a number ≥ 0/);
    expect(() => new Optimizer(1, { kind: "adagrad", lr: 0.1, lrDecay: -1 })).toThrow(/lrDecay/);
    expect(() => new Optimizer(1, { kind: "adam", lr: 0.1, amsgrad: "yes" } as unknown as OptimizerSpec)).toThrow(/amsgrad must be true or false/);
  });

  it("fills PyTorch's defaults", () => {
    expect(resolveOptimizerSpec({ kind: "adamw", lr: 1e-3 })).toMatchObject({ weightDecay: 1e-2, beta1: 0.9, beta2: 0.999, eps: 1e-8, amsgrad: false });
    expect(resolveOptimizerSpec({ kind: "adagrad", lr: 1e-2 })).toMatchObject({ eps: 1e-10, lrDecay: 0, initialAccumulatorValue: 0, weightDecay: 0 });
    expect(resolveOptimizerSpec({ kind: "sgd", lr: 1 })).toMatchObject({ momentum: 0, dampening: 0, nesterov: false });
    expect(resolveOptimizerSpec({ kind: "momentum", lr: 1 }).momentum).toBe(0.9);
    expect(new Optimizer(2, { kind: "rmsprop", lr: 0.5, centered: true }).settings).toMatchObject({ kind: "rmsprop", lr: 0.5, alpha: 0.99, centered: true });
  });
});

describe("optimiser state", () => {
  const specs: OptimizerSpec[] = [
    { kind: "sgd", lr: 0.1, momentum: 0.9, nesterov: true },
    { kind: "rmsprop", lr: 0.01, momentum: 0.5, centered: true },
    { kind: "adam", lr: 0.01, amsgrad: true },
    { kind: "adamw", lr: 0.01 },
    { kind: "adagrad", lr: 0.1, initialAccumulatorValue: 0.1, lrDecay: 0.01 },
  ];

  it.each(specs)("$kind: a restored state continues exactly where the saved one stopped", (spec) => {
    const a = new Optimizer(3, spec);
    const theta = stepAll(a, Float64Array.of(1, -0.5, 0.25), grads.slice(0, 2));
    const saved = a.getState();
    const b = new Optimizer(3, spec);
    b.setState(saved);
    const thetaB = theta.slice();
    a.step(theta, grads[2]);
    b.step(thetaB, grads[2]);
    expect(Array.from(thetaB)).toEqual(Array.from(theta));
    expect(b.stepCount).toBe(3);
    // Without the state, the third step differs (the state matters).
    const fresh = theta.slice();
    new Optimizer(3, spec).step(fresh, grads[2]);
    expect(Array.from(fresh)).not.toEqual(Array.from(theta));
  });

  it("names PyTorch's buffers and refuses a state that does not fit, changing nothing", () => {
    const opt = new Optimizer(2, { kind: "adam", lr: 0.1, amsgrad: true });
    expect(Object.keys(opt.getState().buffers)).toEqual(["exp_avg", "exp_avg_sq", "max_exp_avg_sq"]);
    expect(Object.keys(new Optimizer(2, { kind: "sgd", lr: 0.1 }).getState().buffers)).toEqual([]);
    expect(new Optimizer(2, { kind: "adagrad", lr: 0.1, initialAccumulatorValue: 0.5 }).getState().buffers.sum[1]).toBe(0.5);
    opt.step(Float64Array.of(1, 2), Float64Array.of(0.1, 0.2));
    const before = opt.getState();
    const other = new Optimizer(2, { kind: "adam", lr: 0.1 }).getState();
    expect(() => { opt.setState(other); }).toThrow(/keeps exp_avg, exp_avg_sq, max_exp_avg_sq, but the state has exp_avg, exp_avg_sq/);
    expect(() => { opt.setState({ ...before, kind: "adamw" }); }).toThrow(/for adamw, but the optimizer is adam/);
    expect(() => { opt.setState({ ...before, buffers: { ...before.buffers, exp_avg: new Float64Array(3) } }); }).toThrow(/Float64Array of 2 values/);
    expect(() => { opt.setState({ ...before, buffers: { ...before.buffers, exp_avg: Float64Array.of(1, Number.NaN) } }); }).toThrow(/holds NaN/);
    expect(opt.getState()).toEqual(before);
  });
});
