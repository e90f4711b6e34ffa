// @vitest-environment jsdom
// test/components/export.test.tsx: each chart's Export menu hands over its data as CSV: every value, unrounded,
// in columns a spreadsheet reads. (The pictures, PNG and SVG, need a real browser: test/e2e/export.e2e.ts.)
import { fireEvent, render, screen, within } from "@testing-library/react";
import type { ReactElement } from "react";
import { CharProbBars, CharText, GateHeatmaps, GradNormChart, LossChart, MatrixHeatmap, SeriesChart, StateHeatmap } from "../../src/viz";
import { fileBaseName, toCsv } from "../../src/viz/exportChart";

interface Download {
  fileName: string;
  text: string;
}

/** Catches what a chart hands over: the Blob behind the link it clicks, and the file name on that link. */
function catchDownloads(): Download[] {
  const blobs = new Map<string, Blob>();
  const downloads: Download[] = [];
  let next = 0;
  // jsdom has no object URLs and does not follow a clicked link.
  vi.stubGlobal("URL", Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      const url = `blob:test/${next++}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: () => undefined,
  }));
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (!blob) throw new Error(`no blob behind ${this.href}`);
    downloads.push({ fileName: this.download, text: "" });
    const record = downloads[downloads.length - 1];
    // Bytes, not blob.text(): text() would drop the byte-order mark this test checks for.
    void blob.arrayBuffer().then((bytes) => {
      record.text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    });
  });
  return downloads;
}

/** Renders a chart, opens its Export menu, clicks "Download CSV", and parses the file (BOM dropped, CRLF lines). */
async function csvOf(ui: ReactElement, chartTitle: string): Promise<{ fileName: string; rows: string[][]; raw: string }> {
  const downloads = catchDownloads();
  render(ui);
  fireEvent.click(screen.getByText("Export"));
  fireEvent.click(within(screen.getByRole("group", { name: `Export ${chartTitle}` })).getByRole("button", { name: "Download CSV" }));
  await vi.waitFor(() => {
    expect(downloads[0]?.text).not.toBe("");
  });
  const raw = downloads[0].text;
  expect(raw.startsWith("\uFEFF")).toBe(true);
  const body = raw.slice(1);
  expect(body.endsWith("\r\n")).toBe(true);
  return { fileName: downloads[0].fileName, rows: body.slice(0, -2).split("\r\n").map(splitCsvLine), raw: body };
}

/** One CSV line into fields (quotes as RFC 4180 writes them). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      out.push(field);
      field = "";
    } else {
      field += ch;
    }
  }
  out.push(field);
  return out;
}

beforeEach(() => {
  // jsdom has no canvas; the heatmaps draw nothing but keep their data (and their Export).
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe("CSV export", () => {
  it("LossChart: every logged step, not the table's sample, at full precision, validation merged on the step", async () => {
    // 1,201 steps: the data table shows 20 of them; the CSV must hold all.
    const step = Float64Array.from({ length: 1201 }, (_, k) => k);
    const loss = Float64Array.from({ length: 1201 }, (_, k) => 0.7 / (1 + k / 37));
    const vStep = [0, 600, 1200];
    const vLoss = [0.6, NaN, 0.012345678901234];
    const { fileName, rows } = await csvOf(
      <LossChart train={{ step, loss }} validation={{ step: vStep, loss: vLoss }} title="Training and validation loss" />,
      "Training and validation loss",
    );
    expect(fileName).toBe("training-and-validation-loss.csv");
    expect(rows[0]).toEqual(["step", "training loss", "validation loss"]);
    expect(rows).toHaveLength(1 + 1201);
    expect(rows[1]).toEqual(["0", "0.7", "0.6"]);
    expect(rows[2]).toEqual(["1", String(0.7 / (1 + 1 / 37)), ""]);
    expect(Number(rows[2][1])).toBe(0.7 / (1 + 1 / 37)); // reads back as the same float64
    expect(rows[601]).toEqual(["600", String(loss[600]), "NaN"]);
    expect(rows[1201]).toEqual(["1200", String(loss[1200]), "0.012345678901234"]);
  });

  it("SeriesChart: the teacher-forced window, then the free-running continuation with its target", async () => {
    const { rows } = await csvOf(
      <SeriesChart target={[0, 0.5, 1]} teacherForced={[0.1, 0.45, 0.9]} freeRun={[0.8, 0.3]} futureTarget={[0.75, 0.25]} />,
      "Target vs prediction",
    );
    expect(rows).toEqual([
      ["t", "target", "teacher-forced", "free-running"],
      ["0", "0", "0.1", ""],
      ["1", "0.5", "0.45", ""],
      ["2", "1", "0.9", ""],
      ["3", "0.75", "", "0.8"],
      ["4", "0.25", "", "0.3"],
    ]);
  });

  it("StateHeatmap: one row per timestep and one column per unit, even for more units than the table lists", async () => {
    const T = 3;
    const H = 12; // the table shows min/mean/max above 8 units; the CSV keeps each unit
    const values = Float64Array.from({ length: T * H }, (_, i) => i / 100);
    const { rows } = await csvOf(<StateHeatmap values={values} T={T} H={H} label="Hidden state h, layer 1" />, "Hidden state h, layer 1");
    expect(rows[0]).toEqual(["t", ...Array.from({ length: H }, (_, j) => `unit ${j}`)]);
    expect(rows).toHaveLength(1 + T);
    expect(rows[2][0]).toBe("1");
    expect(rows[2][1 + 5]).toBe(String(values[1 * H + 5]));
  });

  it("GateHeatmaps: a column per gate and unit", async () => {
    const T = 2;
    const H = 2;
    const g = (base: number) => Float64Array.from({ length: T * H }, (_, i) => base + i / 10);
    const { rows } = await csvOf(
      <GateHeatmaps gates={{ r: g(0), z: g(1), n: g(2) }} T={T} H={H} cell="gru" title="Gates" />,
      "Gates",
    );
    expect(rows[0]).toEqual(["t", "r unit 0", "r unit 1", "z unit 0", "z unit 1", "n unit 0", "n unit 1"]);
    expect(rows[2]).toEqual(["1", "0.2", "0.3", "1.2", "1.3", "2.2", "2.3"]);
  });

  it("GradNormChart: one column per series, blank past a shorter series' end", async () => {
    const { rows } = await csvOf(
      <GradNormChart series={[{ label: "‖∂L/∂h_t‖", values: [1e-8, 0.5, 2] }, { label: "‖∂L/∂c_t‖", values: [0.25, 1] }]} title="Norms" />,
      "Norms",
    );
    expect(rows).toEqual([
      ["t", "‖∂L/∂h_t‖", "‖∂L/∂c_t‖"],
      ["0", "1e-8", "0.25"],
      ["1", "0.5", "1"],
      ["2", "2", ""],
    ]);
  });

  it("MatrixHeatmap: rows named by their gate block, one column per column", async () => {
    const data = Float64Array.from({ length: 4 * 3 }, (_, i) => i - 6);
    const { rows } = await csvOf(
      <MatrixHeatmap data={data} rows={4} cols={3} label="W_hh" rowBlocks={[{ name: "r", size: 2 }, { name: "z", size: 2 }]} />,
      "W_hh",
    );
    expect(rows[0]).toEqual(["row", "block", "column 0", "column 1", "column 2"]);
    expect(rows[3]).toEqual(["2", "z 0", "0", "1", "2"]);
  });

  it("CharText: characters that are CSV syntax come back quoted and intact", async () => {
    const chars = ["a", ",", '"', "\n", "中"];
    const { rows, raw } = await csvOf(<CharText chars={chars} values={[0.1, -0.2, 0.3, -0.4, 0.5]} ramp="diverging" title="Unit 3" />, "Unit 3");
    expect(raw).toContain('1,",",-0.2\r\n2,"""",0.3\r\n3,"\n",-0.4\r\n');
    expect(rows[0]).toEqual(["position", "character", "value"]);
    expect(rows[5]).toEqual(["4", "中", "0.5"]);
  });

  it("CharProbBars: each candidate with its probability and whether it was drawn", async () => {
    const { rows } = await csvOf(
      <CharProbBars candidates={[{ label: "e", p: 0.625, isChosen: false }, { label: "␣ (space)", p: 0.25, isChosen: true }]} title="Candidates" />,
      "Candidates",
    );
    expect(rows).toEqual([
      ["character", "probability", "drawn"],
      ["e", "0.625", "no"],
      ["␣ (space)", "0.25", "yes"],
    ]);
  });

  it("offers no Export while a chart has nothing to show", () => {
    render(<LossChart train={{ step: [], loss: [] }} />);
    expect(screen.queryByText("Export")).toBeNull();
    expect(screen.queryByRole("button", { name: "Download CSV" })).toBeNull();
  });

  it("names the three downloads in a group named after the chart", () => {
    render(<LossChart train={{ step: [0, 1], loss: [0.5, 0.4] }} title="Loss" />);
    const group = screen.getByRole("group", { name: "Export Loss" });
    expect(within(group).getAllByRole("button").map((b) => b.textContent)).toEqual(["Download PNG", "Download SVG", "Download CSV"]);
  });
});

describe("toCsv and file names", () => {
  it("writes empty fields for missing values and quotes only where needed", () => {
    expect(toCsv({ headers: ["a", "b,c"], rows: [[1, null], [undefined, "x"]] })).toBe('a,"b,c"\r\n1,\r\n,x\r\n');
  });

  it("makes a file name from any title", () => {
    expect(fileBaseName("‖∂L/∂h_t‖ per timestep")).toBe("l-h-t-per-timestep");
    expect(fileBaseName("隐藏状态 h")).toBe("隐藏状态-h");
    expect(fileBaseName("∂∂")).toBe("chart");
  });
});
