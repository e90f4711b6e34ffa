// @vitest-environment jsdom
// test/components/lessons-demos.test.tsx: lesson 1's payoff (a trained RNN continues a wave) and activation-function
// demo show the numbers the engine and the functions give, and the lesson text states the same figures.
import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ReactNode } from "react";
import { createNetwork, createOptimizer, trainStep } from "../../src/engine";
import { fmt } from "../../src/lessons/format";
import { LessonLangContext } from "../../src/lessons/LangContext";
import { orderBatch } from "../../src/lessons/tasks";
import Activations, { saturationEdge } from "../../src/lessons/widgets/Activations";
import Classifier, { accuracyByDistance } from "../../src/lessons/widgets/Classifier";
import WaveContinue, { continuationError, continueWave, CONTINUE_STEPS, makeWaveRun, PROMPT_STEPS, waveAt } from "../../src/lessons/widgets/WaveContinue";

const inEnglish = (node: ReactNode) => render(<LessonLangContext.Provider value="en">{node}</LessonLangContext.Provider>);
const lesson = (lang: string) => readFileSync(join(__dirname, "../../lessons", lang, "sequences-and-state.mdx"), "utf8");

describe("lesson 1 opens with a network continuing a wave", () => {
  it("after 1000 steps of training the free-running continuation follows the wave; the page shows the engine's error", async () => {
    const user = userEvent.setup();
    inEnglish(<WaveContinue />);
    // Untrained, the continuation is far off.
    const untrained = makeWaveRun();
    const prompt = Array.from({ length: PROMPT_STEPS }, (_, t) => waveAt(t));
    const before = continuationError(continueWave(untrained.net, prompt, CONTINUE_STEPS));
    expect(screen.getByText(`After 0 training steps, the continuation is off by ${fmt(before)} on average (the wave's amplitude is 1).`)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Train" }));
    await screen.findByText("1000 optimiser steps / 1000", undefined, { timeout: 60_000 });
    // The same run with the engine: Adam 0.01, 16 waves of 40 steps, 1000 steps.
    const run = makeWaveRun();
    for (let i = 0; i < 1000; i++) trainStep(run.net, run.opt, run.train);
    const after = continuationError(continueWave(run.net, prompt, CONTINUE_STEPS));
    expect(after).toBeLessThan(0.2);
    expect(after).toBeLessThan(before / 2);
    expect(screen.getByText(`After 1000 training steps, the continuation is off by ${fmt(after)} on average (the wave's amplitude is 1).`)).toBeInTheDocument();
  });
});

describe("activation functions", () => {
  it("saturation starts where the slope falls below a tenth of its peak: tanh 1.82, σ 3.64, as the lesson says", () => {
    expect(saturationEdge("tanh")).toBeCloseTo(1.818, 3);
    expect(1 - Math.tanh(saturationEdge("tanh")) ** 2).toBeCloseTo(0.1, 9);
    expect(saturationEdge("sigmoid")).toBeCloseTo(3.637, 3);
    for (const lang of ["en", "zh"]) {
      expect(lesson(lang)).toContain("|a| \\approx 1.82");
      expect(lesson(lang)).toContain("|a| \\approx 3.64");
    }
  });

  it("reads off the function and its slope at a, and says when the unit is saturated", async () => {
    const user = userEvent.setup();
    inEnglish(<Activations />);
    const status = () => screen.getAllByRole("status").map((el) => el.textContent).join(" ");
    expect(status()).toContain(`tanh(a) = ${fmt(Math.tanh(2.5))}, slope tanh′(a) = ${fmt(1 - Math.tanh(2.5) ** 2)}`);
    expect(status()).toMatch(/Saturated/);
    await user.click(screen.getByRole("radio", { name: "σ (sigmoid)" }));
    const sg = 1 / (1 + Math.exp(-2.5));
    expect(status()).toContain(`σ(a) = ${fmt(sg)}, slope σ′(a) = ${fmt(sg * (1 - sg))}`);
    expect(status()).toMatch(/Not saturated/);
    await user.click(screen.getByRole("radio", { name: "ReLU" }));
    expect(status()).toMatch(/slope ReLU′\(a\) = 1/);
    const slider = screen.getByRole("slider", { name: "pre-activation a" });
    fireEvent.change(slider, { target: { value: "-6" } });
    expect(status()).toMatch(/At a = −6: ReLU\(a\) = 0, slope ReLU′\(a\) = 0\. ReLU passes no gradient back/);
  });
});

describe("error analysis on the classifier", () => {
  it("splits held-out accuracy by the distance between a and b, as the engine measures it", async () => {
    const user = userEvent.setup();
    inEnglish(<Classifier cell="rnn" hidden={8} />);
    await user.click(screen.getByRole("button", { name: "Train" }));
    await screen.findByText("300 optimiser steps / 300", undefined, { timeout: 60_000 });
    // The same run with the engine: Adam 0.02, 256 training sequences, 300 steps.
    const net = createNetwork(
      { cell: "rnn", inputSize: 4, hiddenSize: 8, numLayers: 1, outputSize: 2, loss: "xent", outputMode: "last", inputKind: "onehot" },
      { seed: 1 },
    );
    const opt = createOptimizer(net, { kind: "adam", lr: 0.02 });
    const train = orderBatch(256, 10, 1);
    for (let i = 0; i < 300; i++) trainStep(net, opt, train);
    const bands = accuracyByDistance(net, orderBatch(200, 10, 2));
    expect(bands.reduce((n, b) => n + b.count, 0)).toBe(200);
    const table = screen.getByRole("table", { name: /Error analysis/ });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    rows.forEach((r, k) => {
      const cells = within(r).getAllByRole("cell").map((c) => c.textContent);
      expect(within(r).getByRole("rowheader").textContent).toBe(`${bands[k].from}–${bands[k].to}`);
      expect(cells).toEqual([String(bands[k].count), `${Math.round((100 * bands[k].right) / bands[k].count)}%`]);
    });
  });
});
