// @vitest-environment jsdom
// test/components/lessons-training.test.tsx: the live experiments of lessons 7 and 8 train with the engine in the page.
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { createNetwork, createOptimizer, trainStep } from "../../src/engine";
import { fmt } from "../../src/lessons/format";
import { LessonLangContext } from "../../src/lessons/LangContext";
import { sineBatch } from "../../src/lessons/tasks";
import Classifier from "../../src/lessons/widgets/Classifier";
import FitLab from "../../src/lessons/widgets/FitLab";
import LossExplorer from "../../src/lessons/widgets/LossExplorer";
import TrainCompare from "../../src/lessons/widgets/TrainCompare";

const inEnglish = (node: ReactNode) => render(<LessonLangContext.Provider value="en">{node}</LessonLangContext.Provider>);

describe("loss explorer", () => {
  it("shows softmax, cross-entropy and p − e_c for the chosen scores and class", async () => {
    const user = userEvent.setup();
    const { container } = inEnglish(<LossExplorer />);
    // Expected values computed here, independently: scores (2, 1, −1).
    const y = [2, 1, -1];
    const z = y.reduce((a, v) => a + Math.exp(v), 0);
    const p = y.map((v) => Math.exp(v) / z);
    const text = () => (container.textContent ?? "").replace(/−/g, "-");
    for (const v of p) expect(text()).toContain(fmt(v));
    expect(text()).toContain(fmt(-Math.log(p[0])));
    await user.click(screen.getByRole("radio", { name: "class 3" }));
    expect(text()).toContain(fmt(-Math.log(p[2])));
    expect(text()).toContain(fmt(p[2] - 1).replace(/−/g, "-"));
  });
});

describe("train-compare", () => {
  it("trains each run to the end; SGD at learning rate 1 diverges, clipping keeps it finite", async () => {
    const user = userEvent.setup();
    inEnglish(<TrainCompare runs="sgd 1; sgd 1 clip 0.25" steps={300} title="Clipping" />);
    await user.click(screen.getByRole("button", { name: "Train" }));
    await screen.findByText("300 optimiser steps / 300", undefined, { timeout: 30_000 });
    expect(screen.getAllByText(/^Diverged at step \d+/)).toHaveLength(1);
    expect(screen.getByText(/^final loss .* · 300 of 300 steps clipped$/)).toBeInTheDocument();
  });

  it("refuses a malformed runs prop with a clear message", () => {
    expect(() => inEnglish(<TrainCompare runs="sgd fast" />)).toThrow(/needs a non-negative number for the learning rate/);
  });
});

describe("fit lab", () => {
  it("reports the validation minimum that early stopping would keep, as the engine measures it", async () => {
    const user = userEvent.setup();
    inEnglish(<FitLab hidden={8} />);
    await user.click(screen.getByRole("button", { name: "Train" }));
    await screen.findByText("1500 optimiser steps / 1500", undefined, { timeout: 60_000 });
    // The same run, done here with the engine: Adam, lr 0.01, six noisy waves, validation every 25 steps.
    const net = createNetwork({ cell: "rnn", inputSize: 1, hiddenSize: 8, numLayers: 1, outputSize: 1, loss: "mse" }, { seed: 2 });
    const opt = createOptimizer(net, { kind: "adam", lr: 0.01 });
    const train = sineBatch(6, 20, 0.25, 5);
    const validation = sineBatch(32, 20, 0.25, 99);
    let best = { step: 0, loss: net.forward(validation) };
    for (let step = 1; step <= 1500; step++) {
      trainStep(net, opt, train);
      if (step % 25 === 0) {
        const loss = net.forward(validation);
        if (loss < best.loss) best = { step, loss };
      }
    }
    expect(screen.getByText(`Best validation loss ${fmt(best.loss)} at step ${best.step}: early stopping would keep these weights.`)).toBeInTheDocument();
    expect(best.step).toBeLessThan(1500);
  });
});

describe("sequence classifier", () => {
  it("learns which of a and b comes first, and classifies a typed sequence", async () => {
    const user = userEvent.setup();
    inEnglish(<Classifier cell="rnn" hidden={8} />);
    await user.click(screen.getByRole("button", { name: "Train" }));
    await waitFor(
      () => {
        expect(screen.getByText(/^Accuracy:/).textContent).toMatch(/, (9\d|100)% on held-out sequences/);
      },
      { timeout: 30_000 },
    );
    const box = screen.getByRole("textbox", { name: "Sequence (letters a, b, c, d)" });
    await user.clear(box);
    await user.type(box, "cbcdcacdcc");
    expect(screen.getAllByRole("status").some((el) => /^The network says: b comes first/.test(el.textContent))).toBe(true);
    await user.clear(box);
    await user.type(box, "abc");
    expect(screen.getAllByRole("status").some((el) => /^Type exactly 10 letters/.test(el.textContent))).toBe(true);
    const table = screen.getByRole("table", { name: "Held-out sequences and the network's answers" });
    expect(within(table).getAllByRole("row")).toHaveLength(7);
  });
});
