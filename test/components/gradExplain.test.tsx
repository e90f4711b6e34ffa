// @vitest-environment jsdom
// test/components/gradExplain.test.tsx: the gradient visualizer's explanation shows its figures as products that
// multiply out (to their displayed rounding) at every step, its chain rule runs in descending order, and the
// norm chart keeps its axis on the measured curves while a runaway prediction leaves the chart, labelled.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setLang } from "../../src/i18n";
import { GRAD_DEFAULTS, type GradSettings } from "../../src/store/gradSettings";
import { GradientVisualizer } from "../../src/widgets/gradients/GradientVisualizer";
import { GradNormChart } from "../../src/viz";
import { fakeGradWorkers } from "./workers";

const SMALL: GradSettings = { ...GRAD_DEFAULTS, hidden: 8, seqLength: 12, batch: 8, classes: 3, distractors: 3 };

const NUM = String.raw`[−-]?\d[\d,]*(?:\.\d+)?(?:e[−-]?\d+)?`;

/** The value of a number as the page writes it ("2.921e−16", "1,234"). */
function valueOf(s: string): number {
  return Number(s.replace(/−/g, "-").replace(/,/g, ""));
}

/** Half a unit in the last written digit, relative to the value: how far rounding may have moved it. */
function roundingOf(s: string): number {
  const m = /^[−-]?([\d,]*)(?:\.(\d+))?(?:e([−-]?\d+))?$/.exec(s);
  if (!m) throw new Error(`not a number: ${s}`);
  const decimals = m[2]?.length ?? 0;
  const exp = m[3] ? valueOf(m[3]) : 0;
  return (0.5 * 10 ** (exp - decimals)) / Math.abs(valueOf(s));
}

/** Every "a × b = c" and "x^n ≈ y" in the text, checked to multiply out; returns how many of each were found. */
function checkFigures(text: string): { products: number; powers: number } {
  let products = 0;
  let powers = 0;
  for (const m of text.matchAll(new RegExp(`(${NUM}) × (${NUM}) = (${NUM})`, "g"))) {
    const [a, b, c] = [m[1], m[2], m[3]];
    const slack = roundingOf(a) + roundingOf(b) + roundingOf(c) + 1e-9;
    expect(Math.abs(Math.log(valueOf(a) * valueOf(b)) - Math.log(valueOf(c))), m[0]).toBeLessThanOrEqual(slack);
    products++;
  }
  for (const m of text.matchAll(new RegExp(`(${NUM})\\^([\\d,]+) ≈ (${NUM})`, "g"))) {
    const [x, n, y] = [m[1], valueOf(m[2]), m[3]];
    const slack = n * roundingOf(x) + roundingOf(y) + 1e-9;
    expect(Math.abs(n * Math.log(valueOf(x)) - Math.log(valueOf(y))), m[0]).toBeLessThanOrEqual(slack);
    powers++;
  }
  return { products, powers };
}

function renderWidget(settings: GradSettings) {
  const workers = fakeGradWorkers();
  render(<GradientVisualizer settings={settings} createWorker={workers.createWorker} onSettingsChange={vi.fn()} storage={null} />);
}

const explanation = () => screen.getByRole("region", { name: "Why the gradient vanishes or explodes" });

/** The region's paragraphs and table cells, one per line (a cell's text must not run into the next one's). */
function textOf(region: HTMLElement): string {
  return Array.from(region.querySelectorAll("p, caption, th, td"), (e) => e.textContent ?? "").join("\n");
}

describe("the gradient explanation", () => {
  it.each([
    ["PyTorch's initialisation", SMALL],
    ["W_hh at spectral radius 3, plain SGD, clipped", { ...SMALL, whh: "radius", whhValue: 3, optimizer: "sgd", lr: 0.1, clip: true, clipNorm: 1 }],
  ])("multiplies out at every step (%s)", async (_, settings) => {
    const user = userEvent.setup();
    renderWidget(settings);
    for (let step = 0; step <= 4; step++) {
      if (step > 0) await user.click(screen.getByRole("button", { name: "Step" }));
      await screen.findByText(new RegExp(`^Step ${step} · loss `));
      const text = textOf(explanation());
      // Prose and table: the tanh-RNN's two products twice each, and every ratio as a power of its per-step factor.
      const { products, powers } = checkFigures(text);
      expect(products).toBeGreaterThanOrEqual(4);
      expect(powers).toBeGreaterThanOrEqual(16);
      const table = within(explanation()).getByRole("table", { name: new RegExp(`at step ${step} `) });
      const rows = within(table).getAllByRole("row");
      expect(rows).toHaveLength(8);
      // The measured row of the tanh-RNN equals the ratio the summary reports for ‖∂L/∂h_0‖ / ‖∂L/∂h_11‖.
      const summary = screen.getByRole("region", { name: /How much gradient reaches the first step/ }).textContent ?? "";
      const measured = new RegExp(`tanh-RNN: ‖∂L/∂h_0‖ / ‖∂L/∂h_11‖ = (${NUM}) `).exec(summary)![1];
      expect(within(rows[1]).getAllByRole("cell")[2].textContent).toMatch(new RegExp(` ≈ ${measured}$`));
    }
  });

  it("writes the chain rule as a descending product", async () => {
    renderWidget(SMALL);
    await screen.findByText(/^Step 0 · loss /);
    const rule = within(explanation()).getByLabelText(/^dL\/dh_t equals dL\/dh_\(T−1\) times diag/);
    expect(rule.textContent).toMatch(/diag\(1 − hT−1²\) Whh · diag\(1 − hT−2²\) Whh ⋯ diag\(1 − ht\+1²\) Whh/);
    expect(rule.textContent).toContain("∏k = T−1, T−2, …, t+1");
  });

  it("says the same, with figures that multiply out, in Chinese", async () => {
    setLang("zh");
    try {
      const workers = fakeGradWorkers();
      render(<GradientVisualizer settings={SMALL} createWorker={workers.createWorker} onSettingsChange={vi.fn()} storage={null} />);
      const region = await screen.findByRole("region", { name: "梯度为什么会消失或爆炸" });
      expect(within(region).getByLabelText(/^dL\/dh_t 等于 dL\/dh_\(T−1\) 依次乘以 k = T−1、T−2、……、t\+1/)).toBeInTheDocument();
      const { products, powers } = checkFigures(textOf(region));
      expect(products).toBeGreaterThanOrEqual(4);
      expect(powers).toBeGreaterThanOrEqual(16);
    } finally {
      setLang("en");
    }
  });
});

describe("GradNormChart scaleBy", () => {
  it("sets the axis by the measured series and says how far a prediction leaves the chart", () => {
    const measured = [1e-3, 1e-2, 1e-1, 1];
    const runaway = [1e20, 1e13, 1e6, 1];
    render(
      <GradNormChart
        series={[
          { label: "measured", values: measured },
          { label: "predicted by ρ(W_hh) alone", values: runaway },
        ]}
        scaleBy={1}
      />,
    );
    expect(screen.getByText("predicted by ρ(W_hh) alone (leaves the chart: 1 to 1e20)")).toBeInTheDocument();
    expect(screen.getByText("measured")).toBeInTheDocument();
    const plot = screen.getByRole("img", { name: /per timestep/ });
    const ticks = Array.from(plot.querySelectorAll("text"))
      .map((t) => t.textContent ?? "")
      .filter((s) => /^1e|^0\.|^\d+$/.test(s) && !/^\d$/.test(s));
    const values = ticks.map((s) => valueOf(s)).filter((v) => v > 0);
    expect(values.length).toBeGreaterThan(0);
    // One decade of room each way around 1e−3 … 1, and no further.
    expect(Math.max(...values)).toBeLessThanOrEqual(10);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(1e-4);
  });
});
