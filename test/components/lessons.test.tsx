// @vitest-environment jsdom
// test/components/lessons.test.tsx: the lesson widgets show the engine's numbers, step by keyboard, check answers.
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { createNetwork, readTrace, type CellType, type OutputMode } from "../../src/engine";
import { fmt, parseShown } from "../../src/lessons/format";
import type { Lang } from "../../src/lessons/i18n";
import { LessonLangContext } from "../../src/lessons/LangContext";
import { buildTinyNet, tinyBatch, WAVE } from "../../src/lessons/tinyNet";
import GradCheck from "../../src/lessons/widgets/GradCheck";
import Predict from "../../src/lessons/widgets/Predict";
import StepThrough from "../../src/lessons/widgets/StepThrough";

function inLang(lang: Lang, node: ReactNode) {
  return render(<LessonLangContext.Provider value={lang}>{node}</LessonLangContext.Provider>);
}

interface Spec {
  cell: CellType;
  hidden: number;
  steps: number;
  seed: number;
  outputs: OutputMode;
}

/**
 * What the engine computes for the widget's network, independently of the widget: a fresh network from the engine
 * with the widget's initial weights (the seeded draw, rounded to one decimal) and the lesson's input sequence.
 */
function engineRun(spec: Spec, edit?: (params: Float64Array) => void) {
  const theta = buildTinyNet(spec).params.slice();
  edit?.(theta);
  const net = createNetwork({ cell: spec.cell, inputSize: 1, hiddenSize: spec.hidden, numLayers: 1, outputSize: 1, loss: "mse", outputMode: spec.outputs });
  net.setParams(theta);
  const T = spec.steps;
  const inputs = Float64Array.from(WAVE.slice(0, T));
  const targets = spec.outputs === "all" ? Float64Array.from(WAVE.slice(1, T + 1)) : Float64Array.of(WAVE[T]);
  expect(tinyBatch(spec).inputs).toEqual(inputs);
  const loss = net.forwardBackward({ T, B: 1, inputs, targets });
  return { net, loss, trace: readTrace(net), theta };
}

/** The rows of "Values at timestep t" as { symbol: numbers }. */
function shownValues(t: number, name = `Values at timestep ${t}`): Record<string, number[]> {
  const table = screen.getByRole("table", { name });
  const out: Record<string, number[]> = {};
  for (const row of within(table).getAllByRole("row").slice(1)) {
    const label = within(row).getByRole("rowheader").textContent;
    const text = within(row).getByRole("cell").textContent;
    out[label] = text.replace(/[[\]]/g, "").split(",").map(parseShown);
  }
  return out;
}

/**
 * The lesson prints about three significant digits (fmt), so a shown value is within half a unit of its third
 * digit of the engine's: |shown − v| ≤ 0.005·|v| (plus a hair for values printed as 0).
 */
function expectShown(shown: number[] | undefined, want: ArrayLike<number>, what: string) {
  expect(shown, what).toBeDefined();
  expect(shown!.length, what).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    expect(Math.abs(shown![i] - want[i]), `${what}[${i}]: shown ${shown![i]}, engine ${want[i]}`).toBeLessThanOrEqual(0.005 * Math.abs(want[i]) + 1e-12);
  }
}

const row = (a: Float64Array, t: number, H: number) => a.subarray(t * H, (t + 1) * H);

describe("step-through widget: the numbers are the engine's", () => {
  const rnn: Spec = { cell: "rnn", hidden: 2, steps: 4, seed: 3, outputs: "all" };

  it("RNN forward: x_t, h_{t−1}, h_t, y_t at every step", async () => {
    const user = userEvent.setup();
    inLang("en", <StepThrough cell="rnn" hidden={2} steps={4} seed={3} />);
    const { trace, loss } = engineRun(rnn);
    const H = 2;
    for (let t = 1; t <= 4; t++) {
      const v = shownValues(t);
      expectShown(v[`x_${t}`], [WAVE[t - 1]], `x_${t}`);
      expectShown(v[`h_${t - 1}`], t === 1 ? [0, 0] : row(trace.h[0], t - 2, H), `h_${t - 1}`);
      expectShown(v[`h_${t}`], row(trace.h[0], t - 1, H), `h_${t}`);
      expectShown(v[`y_${t}`], [trace.outputs[t - 1]], `y_${t}`);
      expectShown(v[`y*_${t}`], [WAVE[t]], `y*_${t}`);
      // The pre-activation is what tanh was applied to: atanh(h) recovers it from the engine's h.
      expectShown(v[`a_${t}`], Array.from(row(trace.h[0], t - 1, H), Math.atanh), `a_${t}`);
      if (t < 4) await user.click(screen.getByRole("button", { name: "Next timestep" }));
    }
    expect(screen.getByText(`Loss of this sequence: L = ${fmt(loss)}`)).toBeInTheDocument();
  });

  it("RNN backward: ∂L/∂y_t, ∂L/∂h_t and ∂L/∂a_t from t = T down to 1, and ∂L/∂W_hh", async () => {
    const user = userEvent.setup();
    inLang("en", <StepThrough cell="rnn" hidden={2} steps={4} seed={3} backward start="backward" />);
    const { trace, net } = engineRun(rnn);
    const H = 2;
    const dh = trace.dh![0];
    for (let t = 4; t >= 1; t--) {
      const v = shownValues(t);
      const h = row(trace.h[0], t - 1, H);
      // MSE mean over T = 4 steps: ∂L/∂y_t = (2/4)(y_t − y*_t).
      expectShown(v[`∂L/∂y_${t}`], [(2 / 4) * (trace.outputs[t - 1] - WAVE[t])], `∂L/∂y_${t}`);
      expectShown(v[`∂L/∂h_${t}`], row(dh, t - 1, H), `∂L/∂h_${t}`);
      expectShown(v[`∂L/∂a_${t}`], Array.from(row(dh, t - 1, H), (g, j) => g * (1 - h[j] * h[j])), `∂L/∂a_${t}`);
      if (t > 1) await user.click(screen.getByRole("button", { name: "Previous timestep" }));
    }
    // The symbol list names ∂L/∂W_hh with the engine's total (summed over all steps).
    const gW = net.grad("rnn.weight_hh_l0");
    const button = screen.getByRole("button", { name: /^∂L\/∂W_hh = / });
    const shown = button.getAttribute("aria-label")!.split("=")[1].replace(/[[\]]/g, "").split(",").map(parseShown);
    expectShown(shown, gW, "∂L/∂W_hh");
  });

  it("LSTM forward: gates, c_t and h_t", async () => {
    const user = userEvent.setup();
    const spec: Spec = { cell: "lstm", hidden: 2, steps: 4, seed: 5, outputs: "all" };
    inLang("en", <StepThrough cell="lstm" hidden={2} steps={4} seed={5} backward />);
    const { trace } = engineRun(spec);
    for (let t = 1; t <= 4; t++) {
      const v = shownValues(t);
      for (const g of ["i", "f", "g", "o"]) expectShown(v[`${g}_${t}`], row(trace.gates[g][0], t - 1, 2), `${g}_${t}`);
      expectShown(v[`c_${t}`], row(trace.c![0], t - 1, 2), `c_${t}`);
      expectShown(v[`h_${t}`], row(trace.h[0], t - 1, 2), `h_${t}`);
      if (t < 4) await user.click(screen.getByRole("button", { name: "Next timestep" }));
    }
    await user.click(screen.getByRole("button", { name: "Backward pass" }));
    const v = shownValues(4);
    expectShown(v["∂L/∂c_4"], row(trace.dc![0], 3, 2), "∂L/∂c_4");
  });

  it("GRU forward: r, z, n and h_t", async () => {
    const user = userEvent.setup();
    const spec: Spec = { cell: "gru", hidden: 2, steps: 4, seed: 4, outputs: "all" };
    inLang("en", <StepThrough cell="gru" hidden={2} steps={4} seed={4} />);
    const { trace } = engineRun(spec);
    for (let t = 1; t <= 4; t++) {
      const v = shownValues(t);
      for (const g of ["r", "z", "n"]) expectShown(v[`${g}_${t}`], row(trace.gates[g][0], t - 1, 2), `${g}_${t}`);
      expectShown(v[`h_${t}`], row(trace.h[0], t - 1, 2), `h_${t}`);
      if (t < 4) await user.click(screen.getByRole("button", { name: "Next timestep" }));
    }
  });

  it("many-to-one: only the last step has an output", async () => {
    const user = userEvent.setup();
    inLang("en", <StepThrough cell="rnn" hidden={2} steps={4} seed={3} outputs="last" />);
    const { trace } = engineRun({ ...rnn, outputs: "last" });
    expect(shownValues(1).y_1).toBeUndefined();
    await user.click(screen.getByRole("button", { name: "Next timestep" }));
    await user.click(screen.getByRole("button", { name: "Next timestep" }));
    await user.click(screen.getByRole("button", { name: "Next timestep" }));
    expectShown(shownValues(4).y_4, trace.outputs, "y_4");
  });

  it("an edited weight reruns the engine: the shown state follows the new W_hh", async () => {
    const user = userEvent.setup();
    inLang("en", <StepThrough cell="rnn" hidden={2} steps={4} seed={3} editable />);
    const field = screen.getByRole("textbox", { name: "W_hh row 1, column 2" });
    await user.clear(field);
    await user.type(field, "1.5");
    await user.click(screen.getByRole("button", { name: "Next timestep" }));
    // W_hh [H][H] follows W_ih [H][D = 1] in θ: row 1, column 2 is θ[2 + 1].
    const { trace } = engineRun(rnn, (theta) => {
      theta[3] = 1.5;
    });
    const before = engineRun(rnn).trace;
    expectShown(shownValues(2).h_2, row(trace.h[0], 1, 2), "h_2 after the edit");
    expect(Math.abs(trace.h[0][2] - before.h[0][2])).toBeGreaterThan(0.01);

    await user.click(screen.getByRole("button", { name: "Reset weights" }));
    expectShown(shownValues(2).h_2, row(before.h[0], 1, 2), "h_2 after reset");
  });
});

describe("step controls", () => {
  it("walk through time by keyboard only: Tab to the controls, Enter, arrows, Home, End", async () => {
    const user = userEvent.setup();
    inLang("en", <StepThrough cell="rnn" hidden={2} steps={4} seed={3} backward />);
    const status = () => screen.getByRole("status", { name: "" }).textContent;
    expect(screen.getByText("Timestep t = 1 of 4, forward pass.")).toBeInTheDocument();

    await user.tab(); // Forward pass
    await user.tab(); // Backward pass
    await user.tab(); // Previous timestep
    await user.tab(); // Play
    await user.tab(); // Next timestep
    expect(screen.getByRole("button", { name: "Next timestep" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(screen.getByText("Timestep t = 2 of 4, forward pass.")).toBeInTheDocument();
    expect(screen.getByRole("table", { name: "Values at timestep 2" })).toBeInTheDocument();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByText("Timestep t = 3 of 4, forward pass.")).toBeInTheDocument();
    await user.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(screen.getByText("Timestep t = 1 of 4, forward pass.")).toBeInTheDocument();
    await user.keyboard("{End}");
    expect(screen.getByText("Timestep t = 4 of 4, forward pass.")).toBeInTheDocument();
    await user.keyboard("{Home}");
    expect(screen.getByText("Timestep t = 1 of 4, forward pass.")).toBeInTheDocument();

    // The direction switch starts the backward pass at t = T.
    await user.click(screen.getByRole("button", { name: "Backward pass" }));
    expect(screen.getByRole("button", { name: "Backward pass" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByText("Timestep t = 4 of 4, backward pass.")).toBeInTheDocument();
    expect(status()).toContain("backward pass");
  });

  it("Play walks the pass to its end, then offers Play again", () => {
    vi.useFakeTimers();
    try {
      inLang("en", <StepThrough cell="rnn" hidden={2} steps={3} seed={3} />);
      const play = screen.getByRole("button", { name: "Play" });
      act(() => {
        play.click();
      });
      expect(screen.getByRole("button", { name: "Pause" })).toBeInTheDocument();
      act(() => {
        vi.advanceTimersByTime(5000);
      });
      expect(screen.getByText("Timestep t = 3 of 3, forward pass.")).toBeInTheDocument();
      expect(screen.getByRole("button", { name: "Play" })).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it("speaks Chinese in a Chinese lesson", async () => {
    const user = userEvent.setup();
    inLang("zh", <StepThrough cell="rnn" hidden={2} steps={4} seed={3} />);
    await user.click(screen.getByRole("button", { name: "下一个时间步" }));
    expect(screen.getByText("时间步 t = 2（共 4 步），前向传播。")).toBeInTheDocument();
    expect(screen.getByRole("table", { name: "第 2 个时间步的数值" })).toBeInTheDocument();
  });
});

describe("hovering a symbol", () => {
  it("lights up the same symbol in the equations, the diagram and the table, and shows its value", async () => {
    const user = userEvent.setup();
    const { container } = inLang("en", <StepThrough cell="rnn" hidden={2} steps={4} seed={3} />);
    const { trace } = engineRun({ cell: "rnn", hidden: 2, steps: 4, seed: 3, outputs: "all" });
    const inEquation = container.querySelector<HTMLElement>('.live-eq [data-sym="h"]')!;
    await user.hover(inEquation);
    expect(container.querySelector('svg [data-sym="h"]')).toHaveAttribute("data-hot", "true");
    expect(container.querySelector('tr[data-sym="h"]')).toHaveAttribute("data-hot", "true");
    expect(container.querySelector('.live-eq [data-sym="x"]')).not.toHaveAttribute("data-hot");
    // The readout shows h_1's value (KaTeX's MathML carries the numbers as text).
    expect(container.querySelector(".symbol-readout")!.textContent).toContain(fmt(trace.h[0][0]).replace("−", "−"));

    // And the other way: the diagram's x node lights x_t in the equations.
    await user.hover(container.querySelector<SVGElement>('svg [data-sym="x"]')!);
    expect(container.querySelector('.live-eq [data-sym="x"]')).toHaveAttribute("data-hot", "true");
  });

  it("focusing a symbol in the list shows its value (keyboard access)", async () => {
    const user = userEvent.setup();
    inLang("en", <StepThrough cell="rnn" hidden={2} steps={4} seed={3} />);
    const whh = screen.getByRole("button", { name: /^W_hh = / });
    act(() => {
      whh.focus();
    });
    expect(whh).toHaveAttribute("data-hot", "true");
    await user.tab();
    expect(whh).not.toHaveAttribute("data-hot");
  });
});

describe("predict, then reveal", () => {
  const spec: Spec = { cell: "rnn", hidden: 2, steps: 4, seed: 3, outputs: "all" };

  it("accepts the engine's value within the tolerance, rejects a wrong one, and reveals", async () => {
    const user = userEvent.setup();
    inLang("en", <Predict cell="rnn" hidden={2} steps={4} seed={3} quantity="h" step={2} unit={1} />);
    const want = engineRun(spec).trace.h[0][2]; // h_2, entry 1
    const field = screen.getByRole("textbox", { name: "Your answer for entry 1 of h_2" });

    await user.type(field, (want + 0.3).toFixed(2));
    await user.click(screen.getByRole("button", { name: "Check" }));
    expect(screen.getByRole("status")).toHaveTextContent(/^✗ Not quite/);

    await user.clear(field);
    await user.type(field, (want + 0.004).toFixed(3).replace("-", "−"));
    await user.click(screen.getByRole("button", { name: "Check" }));
    expect(screen.getByRole("status")).toHaveTextContent(`Right: the engine computed ${fmt(want)}.`);

    await user.clear(field);
    await user.type(field, "abc{Enter}");
    expect(screen.getByRole("status")).toHaveTextContent("Type a number first");

    await user.click(screen.getByRole("button", { name: "Reveal" }));
    expect(screen.getByRole("status")).toHaveTextContent(`The engine computed ${fmt(want)}.`);
  });

  it("hides the result: the substituted equation ends in “?”", () => {
    const { container } = inLang("en", <Predict cell="rnn" hidden={2} steps={4} seed={3} quantity="h" step={2} unit={1} />);
    const want = engineRun(spec).trace.h[0][2];
    expect(container.querySelector(".eq-substituted")!.textContent).toContain("?");
    expect(container.textContent).not.toContain(fmt(want));
  });

  it("checks a backward quantity: ∂L/∂a_t of the RNN with its own tolerance", async () => {
    const user = userEvent.setup();
    inLang("en", <Predict cell="rnn" hidden={2} steps={4} seed={3} quantity="da" step={3} unit={2} tolerance={0.002} />);
    const { trace } = engineRun(spec);
    const h = trace.h[0][2 * 2 + 1];
    const want = trace.dh![0][2 * 2 + 1] * (1 - h * h);
    const field = screen.getByRole("textbox", { name: /Your answer for entry 2 of ∂L\/∂a_3/ });
    await user.type(field, String(want + 0.005));
    await user.click(screen.getByRole("button", { name: "Check" }));
    expect(screen.getByRole("status")).toHaveTextContent(/Not quite/);
    await user.clear(field);
    await user.type(field, String(want + 0.001));
    await user.click(screen.getByRole("button", { name: "Check" }));
    expect(screen.getByRole("status")).toHaveTextContent(/^✓ Right/);
  });

  it("works in Chinese", async () => {
    const user = userEvent.setup();
    inLang("zh", <Predict cell="lstm" hidden={2} steps={4} seed={5} quantity="c" step={2} unit={1} />);
    const want = engineRun({ cell: "lstm", hidden: 2, steps: 4, seed: 5, outputs: "all" }).trace.c![0][2];
    await user.type(screen.getByRole("textbox", { name: "你对 c_2 的第 1 个分量 的答案" }), want.toFixed(3));
    await user.click(screen.getByRole("button", { name: "检查" }));
    expect(screen.getByRole("status")).toHaveTextContent("正确");
  });
});

describe("gradient check", () => {
  it("checks every weight of the tiny network once by finite differences, and BPTT agrees", async () => {
    const user = userEvent.setup();
    inLang("en", <GradCheck cell="rnn" hidden={2} steps={4} seed={3} />);
    await user.click(screen.getByRole("button", { name: "Run the gradient check" }));
    expect(screen.getByRole("status")).toHaveTextContent(/^They agree/);
    const table = screen.getByRole("table", { name: /BPTT gradients against central finite differences/ });
    // Every weight once: W_ih 2, W_hh 4, b_ih 2, b_hh 2, W_hy 2, b_y 1; no entry twice.
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(13);
    const keys = rows.map((r) => `${within(r).getByRole("rowheader").textContent} ${within(r).getAllByRole("cell")[0].textContent}`);
    expect(new Set(keys).size).toBe(13);
  });

  it("dropping the t + 1 term makes it fail: the recurrent weights disagree, the head's still agree", async () => {
    const user = userEvent.setup();
    inLang("en", <GradCheck cell="rnn" hidden={2} steps={4} seed={3} />);
    await user.click(screen.getByRole("checkbox", { name: "Drop the t + 1 term (a BPTT bug)" }));
    await user.click(screen.getByRole("button", { name: "Run the gradient check" }));
    expect(screen.getByRole("status")).toHaveTextContent(/^They disagree/);
    const table = screen.getByRole("table", { name: /without the t \+ 1 term/ });
    for (const r of within(table).getAllByRole("row").slice(1)) {
      const name = within(r).getByRole("rowheader").textContent;
      const rel = parseShown(within(r).getAllByRole("cell")[3].textContent);
      if (name === "W_hy" || name === "b_y") expect(rel, name).toBeLessThan(1e-5);
      else if (name === "W_hh") expect(rel, name).toBeGreaterThan(1e-3);
    }
    // Switching back reruns the check, and it passes again.
    await user.click(screen.getByRole("checkbox", { name: "Drop the t + 1 term (a BPTT bug)" }));
    expect(screen.getByRole("status")).toHaveTextContent(/^They agree/);
  });
});
