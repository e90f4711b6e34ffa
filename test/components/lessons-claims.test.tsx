// @vitest-environment jsdom
// test/components/lessons-claims.test.tsx: the numbers the lesson text states are the ones the page computes.
import { render, screen } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createNetwork, createOptimizer, readTrace, trainStep } from "../../src/engine";
import { parseShown } from "../../src/lessons/format";
import { LessonLangContext } from "../../src/lessons/LangContext";
import { sineBatch } from "../../src/lessons/tasks";
import { fitTrainingSet } from "../../src/lessons/widgets/FitLab";
import GradientFlow from "../../src/lessons/widgets/GradientFlow";

const lesson = (lang: string, slug: string) => readFileSync(join(__dirname, "../../lessons", lang, `${slug}.mdx`), "utf8");

/** The ratio ‖∂L/∂h_1‖ / ‖∂L/∂h_T‖ the widget prints for a slider position. */
function printedRatio(radius: number): number {
  const { unmount } = render(
    <LessonLangContext.Provider value="en">
      <GradientFlow cell="rnn" hidden={16} steps={40} radius={radius} />
    </LessonLangContext.Provider>,
  );
  const line = screen.getAllByRole("status").find((el) => /changed by a factor/.test(el.textContent))!.textContent;
  unmount();
  return parseShown(/factor (\S+) on/.exec(line)![1]);
}

describe("lesson 4's figures are what the widget computes", () => {
  it("ρ = 2: the ratio is about 2 × 10³ (not ρ^39 ≈ 5 × 10¹¹), because the state saturates", () => {
    const ratio = printedRatio(2);
    expect(ratio).toBeGreaterThan(1.5e3);
    expect(ratio).toBeLessThan(2.5e3);
    expect(2 ** 39).toBeGreaterThan(5e11);
    expect(2 ** 39).toBeLessThan(6e11);
    // |h| reaches 0.999 in that run.
    const net = createNetwork(
      { cell: "rnn", inputSize: 1, hiddenSize: 16, numLayers: 1, outputSize: 1, loss: "mse", outputMode: "last" },
      { seed: 3, kernels: "ts", init: { scheme: "orthogonal", spectralRadius: 2 } },
    );
    net.forwardBackward({ T: 40, B: 1, inputs: Float64Array.from({ length: 40 }, (_, t) => 0.5 * Math.sin(0.5 * t)), targets: Float64Array.of(1) });
    const maxAbsH = readTrace(net).h[0].reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    expect(maxAbsH).toBeGreaterThan(0.9985);
    for (const lang of ["en", "zh"]) {
      const text = lesson(lang, "vanishing-gradients");
      expect(text).toContain("2 \\times 10^{3}");
      expect(text).toContain("2^{39} \\approx 5 \\times 10^{11}");
      expect(text).toContain("$0.999$");
      expect(text).toContain("10^{-12}");
    }
  });

  it("ρ = 0.5: the first step gets about 10⁻¹² of the last step's gradient", () => {
    const ratio = printedRatio(0.5);
    expect(Math.log10(ratio)).toBeGreaterThan(-12.5);
    expect(Math.log10(ratio)).toBeLessThan(-11.5);
  });
});

describe("lesson 7's optimisers each run at the learning rate a sweep picks", () => {
  it("SGD 0.3, momentum 0.3, Adagrad 0.3, RMSprop 0.01, Adam 0.1: the lowest loss after 300 steps among 0.001 … 3", () => {
    const train = sineBatch(16, 20, 0, 1);
    const lrs = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 2, 3];
    const best: Record<string, number> = {};
    for (const kind of ["sgd", "momentum", "adagrad", "rmsprop", "adam"] as const) {
      let bestLoss = Infinity;
      for (const lr of lrs) {
        const net = createNetwork({ cell: "rnn", inputSize: 1, hiddenSize: 8, numLayers: 1, outputSize: 1, loss: "mse" }, { seed: 2 });
        const opt = createOptimizer(net, { kind, lr });
        let loss = NaN;
        for (let i = 0; i < 300 && !(loss > 1e6); i++) loss = trainStep(net, opt, train, { clipMaxNorm: null }).loss;
        if (Number.isFinite(loss) && loss < bestLoss) {
          bestLoss = loss;
          best[kind] = lr;
        }
      }
    }
    expect(best).toEqual({ sgd: 0.3, momentum: 0.3, adagrad: 0.3, rmsprop: 0.01, adam: 0.1 });
    for (const lang of ["en", "zh"]) expect(lesson(lang, "training")).toContain('runs="sgd 0.3; momentum 0.3; adagrad 0.3; rmsprop 0.01; adam 0.1"');
  });
});

describe("lesson 7's regularisation figures", () => {
  /** Hidden size 24, Adam-family at 0.01, 1,500 steps: the final and the best validation loss. */
  function fit(kind: "adam" | "adamw", weightDecay: number, augment: boolean) {
    const net = createNetwork({ cell: "rnn", inputSize: 1, hiddenSize: 24, numLayers: 1, outputSize: 1, loss: "mse" }, { seed: 2 });
    const opt = createOptimizer(net, { kind, lr: 0.01, weightDecay });
    const train = fitTrainingSet(augment);
    const validation = sineBatch(32, 20, 0.25, 99);
    let best = Infinity;
    for (let step = 1; step <= 1500; step++) {
      trainStep(net, opt, train);
      if (step % 25 === 0) best = Math.min(best, net.forward(validation));
    }
    return { final: net.forward(validation), best };
  }
  const two = (v: number) => Number(v.toFixed(2));

  it("augmentation: final validation loss 0.65 → 0.39, best 0.16 → 0.17; Adam + L2 0.19, AdamW 0.74 at λ = 0.01", () => {
    const plain = fit("adam", 0, false);
    const augmented = fit("adam", 0, true);
    expect([two(plain.final), two(augmented.final)]).toEqual([0.65, 0.39]);
    expect([two(plain.best), two(augmented.best)]).toEqual([0.16, 0.17]);
    expect(two(fit("adam", 0.01, false).final)).toBe(0.19);
    expect(two(fit("adamw", 0.01, false).final)).toBe(0.74);
    for (const lang of ["en", "zh"]) {
      const text = lesson(lang, "training");
      for (const figure of ["0.65", "0.39", "0.16", "0.17", "0.19", "0.74"]) expect(text, `${lang}: ${figure}`).toContain(figure);
    }
  });
});
