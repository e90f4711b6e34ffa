// @vitest-environment jsdom
// test/components/viz.test.tsx: the charts as a learner meets them: names that state the gist, data tables,
// gaps for diverged values, empty states, keyboard hover, and heatmap pixels through a stand-in canvas.
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import type { ReactElement } from "react";
import { GateHeatmaps, GradNormChart, LossChart, MatrixHeatmap, SeriesChart, StateHeatmap } from "../../src/viz";

/** What a stand-in 2D context was last asked to draw, per canvas. */
interface Painted {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * jsdom has no canvas: getContext returns null (and logs "Not implemented"). By default every test gets that
 * null silently; tests about pixels swap in a context that records putImageData per canvas.
 */
function stubCanvas(withContext: boolean): { painted: Map<HTMLCanvasElement, Painted[]> } {
  const painted = new Map<HTMLCanvasElement, Painted[]>();
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(function (this: HTMLCanvasElement) {
    if (!withContext) return null;
    const ctx = {
      createImageData: (width: number, height: number): Painted => ({ width, height, data: new Uint8ClampedArray(width * height * 4) }),
      putImageData: (image: Painted) => {
        painted.set(this, [...(painted.get(this) ?? []), image]);
      },
    };
    return ctx as unknown as CanvasRenderingContext2D;
  } as never);
  return { painted };
}

/** RGBA of pixel (col, row) of the last image put on `canvas`. */
function pixel(painted: Map<HTMLCanvasElement, Painted[]>, canvas: HTMLCanvasElement, col: number, row: number): number[] {
  const images = painted.get(canvas);
  if (!images) throw new Error("nothing was painted on this canvas");
  const img = images[images.length - 1];
  const o = (row * img.width + col) * 4;
  return Array.from(img.data.slice(o, o + 4));
}

function canvasIn(el: HTMLElement): HTMLCanvasElement {
  const canvas = el.querySelector("canvas");
  if (!canvas) throw new Error("no canvas in this chart");
  return canvas;
}

/** The `d` of every drawn path inside an element. */
function pathsIn(el: Element): string[] {
  return Array.from(el.querySelectorAll("path"), (p) => p.getAttribute("d") ?? "").filter((d) => d !== "");
}

const moveCount = (d: string) => (d.match(/M/g) ?? []).length;

/** Opens the chart's data table and returns its rows as arrays of cell texts (header row first). */
function openTable(): { caption: string; rows: string[][] } {
  fireEvent.click(screen.getByRole("button", { name: /show data/i }));
  const table = screen.getByRole("table");
  const rows = within(table)
    .getAllByRole("row")
    .map((r) => Array.from(r.querySelectorAll("th, td"), (c) => c.textContent));
  return { caption: table.querySelector("caption")?.textContent ?? "", rows };
}

/** Renders a chart whose props are wrong and returns what it threw (React reports it on console.error). */
function renderError(ui: ReactElement): string {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    render(ui);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error("the chart rendered without complaint");
}

beforeEach(() => {
  stubCanvas(false);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe("LossChart", () => {
  // 13 logged steps, 0 … 1200, the loss falling geometrically from 0.51 to 0.0042.
  const step = Float64Array.from({ length: 13 }, (_, k) => k * 100);
  const loss = Float64Array.from({ length: 13 }, (_, k) => (k === 12 ? 0.0042 : 0.51 * (0.0042 / 0.51) ** (k / 12)));

  it("names the chart with the loss's gist and tabulates it", () => {
    render(<LossChart train={{ step, loss }} />);
    const plot = screen.getByRole("img", { name: "Training loss fell from 0.51 to 0.0042 over 1,200 steps" });
    expect(plot.querySelector("title")?.textContent).toBe("Loss");
    // One continuous line: a single move.
    expect(pathsIn(plot).map(moveCount)).toContain(1);

    const { caption, rows } = openTable();
    expect(caption).toBe("Loss: all 13 logged steps");
    expect(rows[0]).toEqual(["step", "training loss"]);
    expect(rows[1]).toEqual(["0", "0.51"]);
    expect(rows[13]).toEqual(["1,200", "0.0042"]);
  });

  it("describes and tabulates validation beside training", () => {
    const vStep = [0, 600, 1200];
    const vLoss = [0.6, 0.05, 0.0061];
    render(<LossChart train={{ step, loss }} validation={{ step: vStep, loss: vLoss }} />);
    screen.getByRole("img", {
      name: "Training loss fell from 0.51 to 0.0042 over 1,200 steps; validation loss fell from 0.6 to 0.0061 over 1,200 steps",
    });
    const legend = within(screen.getByRole("list")).getAllByRole("listitem");
    expect(legend.map((item) => item.textContent)).toEqual(["training", "validation"]);
    const { rows } = openTable();
    expect(rows[0]).toEqual(["step", "training loss", "validation loss"]);
    expect(rows[2]).toEqual(["100", expect.stringMatching(/^0\.\d+$/), "—"]);
    expect(rows[7]).toEqual(["600", expect.stringMatching(/^0\.\d+$/), "0.05"]);
  });

  it("breaks the line where the loss is NaN and says so", () => {
    render(<LossChart train={{ step: [0, 1, 2, 3, 4], loss: [0.5, 0.4, NaN, 0.3, 0.2] }} />);
    const plot = screen.getByRole("img", {
      name: "Training loss fell from 0.5 to 0.2 over 4 steps (1 logged step in between not finite)",
    });
    expect(pathsIn(plot).map(moveCount)).toEqual([2]);
  });

  it("reports a diverged tail", () => {
    render(<LossChart train={{ step: [0, 1, 2, 3], loss: [0.5, 0.3, NaN, Infinity] }} />);
    screen.getByRole("img", { name: "Training loss fell from 0.5 to 0.3 over 1 step, then NaN from step 2" });
  });

  it("shows an honest empty state before training", () => {
    render(<LossChart train={{ step: [], loss: [] }} />);
    expect(screen.getByText("No data yet — press Train")).toBeInTheDocument();
    expect(screen.queryByRole("img")).toBeNull();
  });

  it("reads the hovered step out loud when stepped with the keyboard", () => {
    render(<LossChart train={{ step, loss }} />);
    const plot = screen.getByRole("img", { name: /loss fell/i });
    act(() => {
      plot.focus();
    });
    fireEvent.keyDown(plot, { key: "ArrowRight" });
    expect(screen.getByText("step 0: training 0.51")).toBeInTheDocument();
    fireEvent.keyDown(plot, { key: "End" });
    expect(screen.getByText("step 1,200: training 0.0042")).toBeInTheDocument();
  });

  it("takes its width from the container's ResizeObserver", () => {
    class FixedWidthObserver {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe(target: Element) {
        this.callback([{ target, contentRect: { width: 400.7 } } as unknown as ResizeObserverEntry], this);
      }
      disconnect() {}
      unobserve() {}
    }
    vi.stubGlobal("ResizeObserver", FixedWidthObserver);
    render(<LossChart train={{ step, loss }} />);
    expect(screen.getByRole("img", { name: /loss fell/i })).toHaveAttribute("width", "400");
  });

  it("rejects steps and losses of different lengths", () => {
    expect(renderError(<LossChart train={{ step: [0, 1, 2], loss: [1, 2] }} />)).toMatch(/train\.step has 3 entries but train\.loss has 2/);
  });
});

describe("SeriesChart", () => {
  const T = 40;
  const F = 20;
  const wave = (t: number) => Math.sin((2 * Math.PI * t) / 20);
  const target = Float64Array.from({ length: T }, (_, t) => wave(t));
  const teacherForced = target.map((v) => v + 0.01);
  const futureTarget = Float64Array.from({ length: F }, (_, k) => wave(T + k));
  // The free run strays by 0.03 more each step: past a tenth of the range (0.2) at k = 7, t = 47.
  const freeRun = futureTarget.map((v, k) => v + 0.03 * k);

  it("says how well each phase follows the target and where free-running drifts", () => {
    render(<SeriesChart target={target} teacherForced={teacherForced} freeRun={freeRun} futureTarget={futureTarget} />);
    // RMS of 0.03·k over k = 0 … 19 is 0.03·√(2470/20) = 0.3334.
    screen.getByRole("img", {
      name:
        "Teacher-forced prediction over 40 timesteps: RMS error 0.01; " +
        "free-running for 20 timesteps: RMS error 0.333, drifting beyond 10% of the target's range from t = 47",
    });
    expect(screen.getByText("free-running →")).toBeInTheDocument();
    expect(screen.getByText("free-running prediction")).toBeInTheDocument();

    const { caption, rows } = openTable();
    expect(caption).toBe(
      "Target vs prediction: 12 of 40 teacher-forced timesteps, evenly spaced and 12 of 20 free-running timesteps, evenly spaced",
    );
    expect(rows[0]).toEqual(["t", "target", "teacher-forced", "free-running"]);
    expect(rows[1]).toEqual(["0", "0", "0.01", "—"]);
    // t = 59: sin(5.9π) = −0.309, the free run 0.57 above it.
    expect(rows[rows.length - 1]).toEqual(["59", "−0.309", "—", "0.261"]);
  });

  it("breaks the free run at NaN and counts it as drift", () => {
    const broken = Float64Array.from(freeRun);
    broken[5] = NaN;
    render(<SeriesChart target={target} teacherForced={teacherForced} freeRun={broken} futureTarget={futureTarget} />);
    const plot = screen.getByRole("img", { name: /from t = 45 \(1 value not finite\)$/ });
    expect(pathsIn(plot).map(moveCount)).toContain(2);
  });

  it("moves the shared hover with the arrow keys", () => {
    const onHoverT = vi.fn();
    const { rerender } = render(
      <SeriesChart target={target} teacherForced={teacherForced} freeRun={freeRun} futureTarget={futureTarget} hoverT={3} onHoverT={onHoverT} />,
    );
    const plot = screen.getByRole("img", { name: /teacher-forced prediction/i });
    act(() => {
      plot.focus();
    });
    fireEvent.keyDown(plot, { key: "ArrowRight" });
    expect(onHoverT).toHaveBeenLastCalledWith(4);
    expect(screen.getByText("t = 3 (teacher-forced): target 0.809, prediction 0.819")).toBeInTheDocument();

    rerender(
      <SeriesChart target={target} teacherForced={teacherForced} freeRun={freeRun} futureTarget={futureTarget} hoverT={null} onHoverT={onHoverT} />,
    );
    fireEvent.keyDown(plot, { key: "ArrowLeft" });
    expect(onHoverT).toHaveBeenLastCalledWith(T + F - 1);
    fireEvent.keyDown(plot, { key: "Escape" });
    expect(onHoverT).toHaveBeenCalledTimes(2); // Escape with nothing hovered changes nothing
  });

  it("maps the pointer to the nearest timestep and clears on leave", () => {
    const onHoverT = vi.fn();
    render(<SeriesChart target={target} teacherForced={teacherForced} hoverT={null} onHoverT={onHoverT} />);
    const plot = screen.getByRole("img", { name: /teacher-forced prediction/i });
    // Fallback width 640, margins 58 and 16: t = 10 of 0 … 39 sits at 58 + 10/39 · 566 = 203.1 px.
    fireEvent.pointerMove(plot, { clientX: 203 });
    expect(onHoverT).toHaveBeenLastCalledWith(10);
    fireEvent.pointerLeave(plot);
    expect(onHoverT).toHaveBeenCalledTimes(1); // hoverT is still null, so leaving reports nothing new
  });

  it("shows an empty state and rejects misaligned predictions", () => {
    render(<SeriesChart target={[]} teacherForced={[]} />);
    expect(screen.getByText("No data yet — press Train")).toBeInTheDocument();
    expect(renderError(<SeriesChart target={[1, 2, 3, 4]} teacherForced={[1, 2, 3]} />)).toMatch(
      /teacherForced has 3 values but target has 4/,
    );
  });
});

describe("StateHeatmap", () => {
  // [T = 5][H = 3], t major; unit 2 is the busiest, one NaN at t = 3, unit 0.
  const values = Float64Array.from([0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, -0.8, 0.9, NaN, 0, 0.5, -0.9, 0.2, 0.8]);
  const name =
    "Hidden state h, layer 1: 3 units × 5 timesteps, values from −0.9 to 0.9 (colours from −0.9 to 0.9); " +
    "most active unit 2 (mean |value| 0.62); 1 value not finite";

  it("paints one pixel per value, units down and time across, NaN in magenta", () => {
    const { painted } = stubCanvas(true);
    render(<StateHeatmap values={values} T={5} H={3} label="Hidden state h, layer 1" />);
    const canvas = canvasIn(screen.getByRole("img", { name }));
    expect(canvas).toHaveAttribute("width", "5");
    expect(canvas).toHaveAttribute("height", "3");
    expect(pixel(painted, canvas, 3, 0)).toEqual([255, 0, 255, 255]); // NaN
    expect(pixel(painted, canvas, 2, 2)).toEqual([103, 0, 31, 255]); // 0.9, the top of the domain: RdBu's darkest red
    expect(pixel(painted, canvas, 4, 0)).toEqual([5, 48, 97, 255]); // −0.9: RdBu's darkest blue
    expect(pixel(painted, canvas, 3, 1)).toEqual([247, 247, 247, 255]); // 0: the scheme's neutral middle
    expect(screen.getByText("not finite (1)")).toBeInTheDocument();
  });

  it("repaints the canvas when the values change, not when the hover moves", () => {
    const { painted } = stubCanvas(true);
    const { rerender } = render(<StateHeatmap values={values} T={5} H={3} label="h" hoverT={null} domain={[-1, 1]} />);
    const canvas = canvasIn(screen.getByRole("img", { name: /^h:/ }));
    rerender(<StateHeatmap values={values} T={5} H={3} label="h" hoverT={2} domain={[-1, 1]} />);
    rerender(<StateHeatmap values={values} T={5} H={3} label="h" hoverT={3} domain={[-1, 1]} />);
    expect(painted.get(canvas)).toHaveLength(1);
    rerender(<StateHeatmap values={values.map((v) => -v)} T={5} H={3} label="h" hoverT={3} domain={[-1, 1]} />);
    expect(painted.get(canvas)).toHaveLength(2);
  });

  it("still names, reads out and tabulates without a canvas context", () => {
    render(<StateHeatmap values={values} T={5} H={3} label="Hidden state h, layer 1" hoverT={2} />);
    expect(screen.getByRole("img", { name })).toBeInTheDocument();
    expect(screen.getByText("t = 2: unit 0 0.7, unit 1 −0.8, unit 2 0.9")).toBeInTheDocument();
    const { caption, rows } = openTable();
    expect(caption).toBe("Hidden state h, layer 1: all 5 timesteps");
    expect(rows[0]).toEqual(["t", "unit 0", "unit 1", "unit 2"]);
    expect(rows[4]).toEqual(["3", "NaN", "0", "0.5"]);
  });

  it("summarises many units as min, mean and max", () => {
    const H = 10;
    const wide = Float64Array.from({ length: 2 * H }, (_, i) => (i % H) / 10 - 0.2); // each t: −0.2 … 0.7
    render(<StateHeatmap values={wide} T={2} H={H} label="Cell state c" hoverT={1} />);
    expect(screen.getByText("t = 1: from −0.2 (unit 0) to 0.7 (unit 9), mean 0.25")).toBeInTheDocument();
    const { rows } = openTable();
    expect(rows[0]).toEqual(["t", "min", "mean", "max"]);
    expect(rows[1]).toEqual(["0", "−0.2", "0.25", "0.7"]);
  });

  it("steps the shared hover with the keyboard", () => {
    const onHoverT = vi.fn();
    const { rerender } = render(<StateHeatmap values={values} T={5} H={3} label="h" hoverT={null} onHoverT={onHoverT} />);
    const plot = screen.getByRole("img", { name: /^h:/ });
    act(() => {
      plot.focus();
    });
    fireEvent.keyDown(plot, { key: "ArrowRight" });
    expect(onHoverT).toHaveBeenLastCalledWith(0);
    rerender(<StateHeatmap values={values} T={5} H={3} label="h" hoverT={4} onHoverT={onHoverT} />);
    fireEvent.keyDown(plot, { key: "ArrowLeft" });
    expect(onHoverT).toHaveBeenLastCalledWith(3);
  });

  it("shows an empty state and rejects a shape that does not match", () => {
    render(<StateHeatmap values={new Float64Array(0)} T={0} H={3} label="h" />);
    expect(screen.getByText("No data yet — press Train")).toBeInTheDocument();
    expect(renderError(<StateHeatmap values={values} T={4} H={3} label="h" />)).toMatch(
      /values has 15 numbers, but T × H = 4 × 3 = 12/,
    );
  });
});

describe("GateHeatmaps", () => {
  const T = 4;
  const H = 2;
  const fill = (f: (t: number, j: number) => number) => Float64Array.from({ length: T * H }, (_, i) => f(Math.floor(i / H), i % H));
  const lstm = {
    i: fill(() => 0.5),
    f: fill(() => 0.9),
    g: fill((t, j) => (t === 0 && j === 0 ? -1 : 0.25)),
    o: fill((t) => t / 4),
  };

  it("labels one panel per gate with its meaning and range", () => {
    render(<GateHeatmaps gates={lstm} T={T} H={H} cell="lstm" />);
    const panels = screen.getAllByRole("img");
    expect(panels.map((p) => p.getAttribute("aria-label"))).toEqual([
      "i, input gate (sigmoid, 0 to 1): mean 0.5, values from 0.5 to 0.5 over 4 timesteps × 2 units",
      "f, forget gate (sigmoid, 0 to 1): mean 0.9, values from 0.9 to 0.9 over 4 timesteps × 2 units",
      "g, candidate (tanh, −1 to 1): mean 0.0938, values from −1 to 0.25 over 4 timesteps × 2 units",
      "o, output gate (sigmoid, 0 to 1): mean 0.375, values from 0 to 0.75 over 4 timesteps × 2 units",
    ]);
    expect(screen.getByText(/how much of c_\{t−1\} is kept/)).toBeInTheDocument();
    const { rows } = openTable();
    expect(rows[0]).toEqual(["t", "i (input gate)", "f (forget gate)", "g (candidate)", "o (output gate)"]);
    expect(rows[1]).toEqual(["0", "0.5", "0.9", "−0.375", "0"]);
  });

  it("colours sigmoid gates 0…1 sequentially and the candidate −1…1 diverging", () => {
    const { painted } = stubCanvas(true);
    render(<GateHeatmaps gates={lstm} T={T} H={H} cell="lstm" />);
    const output = canvasIn(screen.getByRole("img", { name: /^o, output gate/ }));
    const candidate = canvasIn(screen.getByRole("img", { name: /^g, candidate/ }));
    expect(pixel(painted, output, 0, 0)).toEqual([68, 1, 84, 255]); // o = 0: viridis' dark purple
    expect(pixel(painted, candidate, 0, 0)).toEqual([5, 48, 97, 255]); // g = −1: RdBu's darkest blue
  });

  it("shares one hover across the panels", () => {
    const onHoverT = vi.fn();
    render(<GateHeatmaps gates={lstm} T={T} H={H} cell="lstm" hoverT={1} onHoverT={onHoverT} />);
    const forget = screen.getByRole("img", { name: /^f, forget gate/ });
    act(() => {
      forget.focus();
    });
    fireEvent.keyDown(forget, { key: "ArrowRight" });
    expect(onHoverT).toHaveBeenLastCalledWith(2);
    expect(screen.getByText("t = 1, mean over units: i 0.5, f 0.9, g 0.25, o 0.25")).toBeInTheDocument();
  });

  it("shows GRU gates r z n and rejects gates of another cell", () => {
    render(<GateHeatmaps gates={{ r: lstm.i, z: lstm.f, n: lstm.g }} T={T} H={H} cell="gru" />);
    expect(screen.getAllByRole("img").map((p) => p.getAttribute("aria-label")?.split(":")[0])).toEqual([
      "r, reset gate (sigmoid, 0 to 1)",
      "z, update gate (sigmoid, 0 to 1)",
      "n, candidate (tanh, −1 to 1)",
    ]);
    expect(renderError(<GateHeatmaps gates={lstm} T={T} H={H} cell="gru" />)).toMatch(/a GRU has gates r, z, n, but got i, f, g, o/);
  });

  it("shows an empty state before there are gates", () => {
    render(<GateHeatmaps gates={{}} T={0} H={0} cell="lstm" />);
    expect(screen.getByText("No data yet — press Train")).toBeInTheDocument();
  });
});

describe("GradNormChart", () => {
  const dh = [1e-5, 1e-4, 0, 1e-2, NaN, 0.42];
  const dc = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
  const series = [
    { label: "layer 1 ‖∂L/∂h_t‖", values: dh },
    { label: "layer 1 ‖∂L/∂c_t‖", values: dc },
  ];

  it("gives each series' first and last norm, gaps at zero and NaN", () => {
    render(<GradNormChart series={series} />);
    const plot = screen.getByRole("img", {
      name:
        "‖∂L/∂h_t‖ per timestep over 6 timesteps: layer 1 ‖∂L/∂h_t‖ 1e−5 at t = 0, 0.42 at t = 5 " +
        "(2 timesteps zero or not finite); layer 1 ‖∂L/∂c_t‖ 0.1 at t = 0, 0.1 at t = 5",
    });
    // dh is drawn as t = 0–1, then 3 alone, then 5 alone: three moves. dc is one unbroken line.
    expect(pathsIn(plot).map(moveCount)).toEqual([3, 1]);
    const { rows } = openTable();
    expect(rows[0]).toEqual(["t", "layer 1 ‖∂L/∂h_t‖", "layer 1 ‖∂L/∂c_t‖"]);
    expect(rows[3]).toEqual(["2", "0", "0.1"]);
    expect(rows[5]).toEqual(["4", "NaN", "0.1"]);
  });

  it("reports the hovered timestep of every series", () => {
    const onHoverT = vi.fn();
    render(<GradNormChart series={series} hoverT={5} onHoverT={onHoverT} />);
    expect(screen.getByText("t = 5: layer 1 ‖∂L/∂h_t‖ 0.42, layer 1 ‖∂L/∂c_t‖ 0.1")).toBeInTheDocument();
    const plot = screen.getByRole("img", { name: /per timestep/ });
    act(() => {
      plot.focus();
    });
    fireEvent.keyDown(plot, { key: "Home" });
    expect(onHoverT).toHaveBeenLastCalledWith(0);
  });

  it("shows an empty state when there are no timesteps", () => {
    render(<GradNormChart series={[]} />);
    expect(screen.getByText("No data yet — press Train")).toBeInTheDocument();
  });
});

describe("MatrixHeatmap", () => {
  // 8 × 2, an LSTM-like [4H][H] with H = 2: value (r − 4)/10 + c/20.
  const data = Float64Array.from({ length: 16 }, (_, i) => (Math.floor(i / 2) - 4) * 0.1 + (i % 2) * 0.05);
  const blocks = ["i", "f", "g", "o"].map((name) => ({ name, size: 2 }));

  it("names the matrix with its shape, blocks and range, and marks the blocks", () => {
    const { painted } = stubCanvas(true);
    render(<MatrixHeatmap data={data} rows={8} cols={2} label="W_hh, layer 1" rowBlocks={blocks} />);
    const plot = screen.getByRole("img", {
      name: "W_hh, layer 1: 8 × 2 matrix (row blocks i of 2, f of 2, g of 2, o of 2), values from −0.4 to 0.35, mean |value| 0.2",
    });
    for (const b of ["i", "f", "g", "o"]) expect(within(plot).getByText(b)).toBeInTheDocument();
    expect(screen.getByText("min −0.4, max 0.35")).toBeInTheDocument();
    expect(pixel(painted, canvasIn(plot), 0, 0)).toEqual([5, 48, 97, 255]); // −0.4 = −max|v|: darkest blue
  });

  it("tabulates rows by gate block and unit", () => {
    render(<MatrixHeatmap data={data} rows={8} cols={2} label="W_hh" rowBlocks={blocks} />);
    const { caption, rows } = openTable();
    expect(caption).toBe("W_hh: all 8 rows");
    expect(rows[0]).toEqual(["row", "column 0", "column 1"]);
    expect(rows[4]).toEqual(["row 3 (f, unit 1)", "−0.1", "−0.05"]);
  });

  it("reads out the cell chosen with the arrow keys", () => {
    render(<MatrixHeatmap data={data} rows={8} cols={2} label="W_hh" rowBlocks={blocks} />);
    const plot = screen.getByRole("img", { name: /^W_hh:/ });
    act(() => {
      plot.focus();
    });
    fireEvent.keyDown(plot, { key: "ArrowDown" });
    expect(screen.getByText("row 0 (i, unit 0), column 0: −0.4")).toBeInTheDocument();
    fireEvent.keyDown(plot, { key: "ArrowDown" });
    fireEvent.keyDown(plot, { key: "ArrowRight" });
    expect(screen.getByText("row 1 (i, unit 1), column 1: −0.25")).toBeInTheDocument();
  });

  it("counts non-finite weights and rejects blocks that do not add up", () => {
    const diverged = Float64Array.from(data);
    diverged[3] = Infinity;
    render(<MatrixHeatmap data={diverged} rows={8} cols={2} label="∂L/∂W_hh" />);
    screen.getByRole("img", { name: /; 1 value not finite$/ });
    expect(screen.getByText("not finite (1)")).toBeInTheDocument();
    expect(renderError(<MatrixHeatmap data={data} rows={8} cols={2} label="W" rowBlocks={blocks.slice(1)} />)).toMatch(
      /rowBlocks add up to 6 rows \(f 2, g 2, o 2\), but the matrix has 8/,
    );
  });
});
