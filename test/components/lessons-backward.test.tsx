// @vitest-environment jsdom
// test/components/lessons-backward.test.tsx: the LSTM and GRU backward rows derive every number they use (gate
// deltas δ, and δ_{t+1} as the step before sent it), an exercise's answer is hidden on the page until answered,
// and answers are read the way learners type them.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { createNetwork, readTrace, type CellType } from "../../src/engine";
import { equationRows } from "../../src/lessons/equations";
import { fmt, parseShown } from "../../src/lessons/format";
import type { Lang } from "../../src/lessons/i18n";
import { LessonLangContext } from "../../src/lessons/LangContext";
import { buildTinyNet, runTinyNet, tinyBatch } from "../../src/lessons/tinyNet";
import Predict, { decimalsFor } from "../../src/lessons/widgets/Predict";
import StepThrough from "../../src/lessons/widgets/StepThrough";

function inLang(lang: Lang, node: ReactNode) {
  return render(<LessonLangContext.Provider value={lang}>{node}</LessonLangContext.Provider>);
}

/** The engine's own trace for the widget's network (a fresh network with the widget's weights). */
function engineTrace(cell: CellType, seed: number) {
  const spec = { cell, hidden: 2, steps: 4, seed, outputs: "all" as const };
  const net = createNetwork({ cell, inputSize: 1, hiddenSize: 2, numLayers: 1, outputSize: 1, loss: "mse", outputMode: "all" });
  net.setParams(buildTinyNet(spec).params.slice());
  net.forwardBackward(tinyBatch(spec));
  return readTrace(net);
}

function shownValues(t: number): Record<string, number[]> {
  const table = screen.getByRole("table", { name: `Values at timestep ${t}` });
  const out: Record<string, number[]> = {};
  for (const r of within(table).getAllByRole("row").slice(1)) {
    out[within(r).getByRole("rowheader").textContent] = within(r).getByRole("cell").textContent.replace(/[[\]]/g, "").split(",").map(parseShown);
  }
  return out;
}

function expectShown(shown: number[] | undefined, want: number[], what: string) {
  expect(shown, what).toBeDefined();
  expect(shown!.length, what).toBe(want.length);
  want.forEach((w, i) => {
    expect(Math.abs(shown![i] - w), `${what}[${i}]: shown ${shown![i]}, want ${w}`).toBeLessThanOrEqual(0.005 * Math.abs(w) + 1e-12);
  });
}

const at = (a: Float64Array, t: number) => [a[(t - 1) * 2], a[(t - 1) * 2 + 1]];
const sig = (v: number[]) => v.map((x) => x * (1 - x));

describe("LSTM backward: the gate deltas are derived, and δ_{t+1} is the one derived a step earlier", () => {
  it("δo, δf, δi, δg follow from ∂L/∂h_t, ∂L/∂c_t and the gates, at every step", async () => {
    const user = userEvent.setup();
    inLang("en", <StepThrough cell="lstm" hidden={2} steps={4} seed={5} backward start="backward" />);
    const tr = engineTrace("lstm", 5);
    const g = (name: string, t: number) => at(tr.gates[name][0], t);
    let before: Record<string, number[]> | null = null;
    for (let t = 4; t >= 1; t--) {
      const v = shownValues(t);
      const dh = at(tr.dh![0], t);
      const dc = at(tr.dc![0], t);
      const c = at(tr.c![0], t);
      const cPrev = t > 1 ? at(tr.c![0], t - 1) : [0, 0];
      const o = g("o", t);
      const i = g("i", t);
      const gg = g("g", t);
      const f = g("f", t);
      const dO = dh.map((x, j) => x * Math.tanh(c[j]) * sig(o)[j]);
      const dF = dc.map((x, j) => x * cPrev[j] * sig(f)[j]);
      const dI = dc.map((x, j) => x * gg[j] * sig(i)[j]);
      const dG = dc.map((x, j) => x * i[j] * (1 - gg[j] * gg[j]));
      expectShown(v[`δo_${t}`], dO, `δo_${t}`);
      expectShown(v[`δf_${t}`], dF, `δf_${t}`);
      expectShown(v[`δi_${t}`], dI, `δi_${t}`);
      expectShown(v[`δg_${t}`], dG, `δg_${t}`);
      if (before) {
        // The δ_{t+1} this step uses is the gate deltas shown at step t + 1, stacked i, f, g, o.
        const next = v[`δ_${t + 1} (i, f, g, o)`];
        expect(next).toEqual([...before[`δi_${t + 1}`], ...before[`δf_${t + 1}`], ...before[`δg_${t + 1}`], ...before[`δo_${t + 1}`]]);
      } else {
        expect(v[`δ_${t + 1} (i, f, g, o)`]).toBeUndefined();
      }
      before = v;
      if (t > 1) await user.click(screen.getByRole("button", { name: "Previous timestep" }));
    }
  });

  it("hovering δ_{t+1} in the ∂L/∂h_t equation shows its value (the symbol exists at that step)", async () => {
    const user = userEvent.setup();
    const { container } = inLang("en", <StepThrough cell="lstm" hidden={2} steps={4} seed={5} backward start="backward" />);
    await user.click(screen.getByRole("button", { name: "Previous timestep" }));
    const term = container.querySelector<HTMLElement>('.eq-general [data-sym="daNext"]');
    expect(term).not.toBeNull();
    await user.hover(term!);
    expect(container.querySelector(".symbol-readout")!.textContent).toMatch(/δ/);
    expect(screen.getByRole("button", { name: /^δ_4 \(i, f, g, o\) = / })).toHaveAttribute("data-hot", "true");
  });
});

describe("GRU backward", () => {
  it("δn, δz, δr follow from ∂L/∂h_t and the forward values; δ_{t+1} carries r_{t+1} ⊙ δn_{t+1}", async () => {
    const user = userEvent.setup();
    inLang("en", <StepThrough cell="gru" hidden={2} steps={4} seed={4} backward start="backward" />);
    const tr = engineTrace("gru", 4);
    const g = (name: string, t: number) => at(tr.gates[name][0], t);
    let before: Record<string, number[]> | null = null;
    let dNBefore: number[] = [];
    for (let t = 4; t >= 1; t--) {
      const v = shownValues(t);
      const dh = at(tr.dh![0], t);
      const [r, z, n] = [g("r", t), g("z", t), g("n", t)];
      const hPrev = t > 1 ? at(tr.h[0], t - 1) : [0, 0];
      const hn = v[`W_hn h_${t - 1} + b_hn`];
      const dN = dh.map((x, j) => x * (1 - z[j]) * (1 - n[j] * n[j]));
      expectShown(v[`δn_${t}`], dN, `δn_${t}`);
      expectShown(v[`δz_${t}`], dh.map((x, j) => x * (hPrev[j] - n[j]) * sig(z)[j]), `δz_${t}`);
      expectShown(v[`δr_${t}`], dN.map((x, j) => x * hn[j] * sig(r)[j]), `δr_${t}`);
      if (before) {
        const rNext = g("r", t + 1);
        const next = v[`δ_${t + 1} (r, z, n)`];
        expectShown(next.slice(0, 4), [...before[`δr_${t + 1}`], ...before[`δz_${t + 1}`]], `δ_${t + 1} r, z`);
        expectShown(next.slice(4), dNBefore.map((x, j) => x * rNext[j]), `r ⊙ δn_${t + 1}`);
      }
      before = v;
      dNBefore = dN;
      if (t > 1) await user.click(screen.getByRole("button", { name: "Previous timestep" }));
    }
  });
});

describe("the ∂L/∂W_hh row", () => {
  it("writes the sum with this step's term marked, never a bare Σ = matrix", () => {
    const spec = { cell: "rnn" as const, hidden: 2, steps: 4, seed: 3, outputs: "all" as const };
    const data = runTinyNet(buildTinyNet(spec), spec);
    for (let t = 1; t <= 4; t++) {
      const row = equationRows(data, t, "backward").find((r) => r.id === "gWhh")!;
      expect(row.substituted).not.toMatch(/\\sum_\{t=1\}\^\{4\}\s*$/);
      expect(row.substituted).toContain(`_{t = ${t}}`);
      expect(row.substituted.startsWith("\\frac{\\partial L}{\\partial W_{hh}} = \\sum")).toBe(true);
    }
  });
});

describe("an exercise's answer is hidden on the page until it is answered", () => {
  it("the step-through widget above shows ? for ∂L/∂a_3 entry 2 until Reveal, then the engine's value", async () => {
    const user = userEvent.setup();
    inLang(
      "en",
      <>
        <StepThrough cell="rnn" hidden={2} steps={4} seed={3} backward start="backward" />
        <Predict cell="rnn" hidden={2} steps={4} seed={3} quantity="da" step={3} unit={2} tolerance={0.002} />
      </>,
    );
    const tr = engineTrace("rnn", 3);
    const h = at(tr.h[0], 3);
    const want = tr.dh![0][5] * (1 - h[1] * h[1]);
    await user.click(screen.getByRole("button", { name: "Previous timestep" }));
    const table = screen.getByRole("table", { name: "Values at timestep 3" });
    const cell = within(within(table).getByRole("rowheader", { name: "∂L/∂a_3" }).closest("tr")!).getByRole("cell");
    expect(cell.textContent).toMatch(/\?\]$/);
    expect(document.body.textContent).not.toContain(fmt(want));
    expect(screen.getByText(/A value marked \? is the answer to the exercise below/)).toBeInTheDocument();
    // At step 2, the same number appears as ∂L/∂a_{t+1}: hidden there too.
    await user.click(screen.getByRole("button", { name: "Previous timestep" }));
    expect(screen.getByRole("button", { name: /^∂L\/∂a_3 = / }).getAttribute("aria-label")).toMatch(/\?\]$/);
    await user.click(screen.getByRole("button", { name: "Reveal" }));
    expect(screen.getByRole("button", { name: /^∂L\/∂a_3 = / }).getAttribute("aria-label")).toContain(fmt(want));
    expect(screen.queryByText(/A value marked \?/)).toBeNull();
  });

  it("a right answer also releases it (LSTM c_2)", async () => {
    const user = userEvent.setup();
    inLang(
      "en",
      <>
        <StepThrough cell="lstm" hidden={2} steps={4} seed={5} />
        <Predict cell="lstm" hidden={2} steps={4} seed={5} quantity="c" step={2} unit={1} />
      </>,
    );
    const c2 = engineTrace("lstm", 5).c![0][2];
    await user.click(screen.getByRole("button", { name: "Next timestep" }));
    expect(shownValues(2).c_2[0]).toBeNaN();
    await user.type(screen.getByRole("textbox", { name: /Your answer for entry 1 of c_2/ }), c2.toFixed(2).replace(".", ","));
    await user.click(screen.getByRole("button", { name: "Check" }));
    expect(screen.getAllByRole("status").some((s) => /Right/.test(s.textContent))).toBe(true);
    expect(Math.abs(shownValues(2).c_2[0] - c2)).toBeLessThan(0.005);
  });
});

describe("reading answers", () => {
  it("accepts a decimal comma and the minus sign; refuses two separators", () => {
    expect(parseShown("0,052")).toBe(0.052);
    expect(parseShown("−0,5")).toBe(-0.5);
    expect(parseShown(" -1.25 ")).toBe(-1.25);
    expect(parseShown("1,000.5")).toBeNaN();
    expect(parseShown("0,1,2")).toBeNaN();
  });

  it("asks for as many decimals as the tolerance needs: ±0.01 → 2, ±0.002 → 3", () => {
    expect(decimalsFor(0.01)).toBe(2);
    expect(decimalsFor(0.005)).toBe(2);
    expect(decimalsFor(0.002)).toBe(3);
    expect(decimalsFor(0.05)).toBe(1);
  });

  it("the BPTT exercise: its hint asks for three decimals, and a three-decimal answer with a comma is right", async () => {
    const user = userEvent.setup();
    inLang("en", <Predict cell="rnn" hidden={2} steps={4} seed={3} quantity="da" step={3} unit={2} tolerance={0.002} />);
    const tr = engineTrace("rnn", 3);
    const h = at(tr.h[0], 3);
    const want = tr.dh![0][5] * (1 - h[1] * h[1]);
    expect(screen.getByText(/rounded to 3 decimals/)).toBeInTheDocument();
    await user.type(screen.getByRole("textbox", { name: /∂L\/∂a_3/ }), want.toFixed(3).replace(".", ","));
    await user.click(screen.getByRole("button", { name: "Check" }));
    expect(screen.getByRole("status")).toHaveTextContent(/^✓ Right/);
  });
});

describe("cell diagrams", () => {
  it("LSTM: the diagram writes the current step's c_{t−1}, c_t, h_t and every gate's value, and follows the step", async () => {
    const user = userEvent.setup();
    const { container } = inLang("en", <StepThrough cell="lstm" hidden={2} steps={4} seed={5} />);
    const tr = engineTrace("lstm", 5);
    const vec = (a: number[]) => `[${a.map(fmt).join(", ")}]`;
    for (let t = 1; t <= 2; t++) {
      const svg = screen.getByRole("img", { name: `Inside the LSTM cell at timestep ${t}: the state's path along the top, each gate's value on its wire` });
      const text = svg.textContent;
      const sub = (n: number) => "₀₁₂₃₄₅₆₇₈₉"[n];
      expect(text).toContain(`c${sub(t)} = ${vec(at(tr.c![0], t))}`);
      expect(text).toContain(`h${sub(t)} = ${vec(at(tr.h[0], t))}`);
      for (const g of ["i", "f", "g", "o"]) expect(text).toContain(`${g}${sub(t)} = ${vec(at(tr.gates[g][0], t))}`);
      if (t === 1) await user.click(screen.getByRole("button", { name: "Next timestep" }));
    }
    expect(container.querySelectorAll(".cell-diagram .cell-gate")).toHaveLength(5);
  });

  it("GRU: r, z, n on their wires and h_t on the state path", () => {
    inLang("en", <StepThrough cell="gru" hidden={2} steps={4} seed={4} />);
    const tr = engineTrace("gru", 4);
    const text = screen.getByRole("img", { name: /Inside the GRU cell at timestep 1/ }).textContent;
    const vec = (a: number[]) => `[${a.map(fmt).join(", ")}]`;
    for (const g of ["r", "z", "n"]) expect(text).toContain(`${g}₁ = ${vec(at(tr.gates[g][0], 1))}`);
    expect(text).toContain(`h₁ = ${vec(at(tr.h[0], 1))}`);
  });
});
