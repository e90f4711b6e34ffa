// src/viz/GateHeatmaps.tsx: one heatmap per gate of an LSTM or GRU layer, side by side, sharing the hovered timestep.
import { useCallback, useMemo } from "react";
import { DIVERGING, SEQUENTIAL, type ColorRamp } from "./colors";
import { DataTableToggle, rowsNote, type TableData } from "./DataTable";
import { ChartFigure, EmptyState, NO_DATA_MESSAGE, Readout } from "./Figure";
import { countOf, formatCount, formatValue } from "./format";
import { HeatmapPlot, gridStats, heatmapGeometry, rangeText, sliceStats } from "./Heatmap";
import { evenlySpaced } from "./scales";
import { checkShape, transpose } from "./StateHeatmap";
import { useElementSize } from "./useElementSize";
import { useStable } from "./useStable";
import { useTimeHover, type TimeHoverProps } from "./useTimeHover";

export interface GateHeatmapsProps extends TimeHoverProps {
  /** Post-activation gates by name (LSTM i f g o, GRU r z n), each [T][H] row-major, t major. */
  gates: Record<string, Float64Array>;
  T: number;
  H: number;
  cell: "lstm" | "gru";
  title?: string;
  emptyMessage?: string;
}

interface GateInfo {
  name: string;
  title: string;
  activation: "sigmoid" | "tanh";
  meaning: string;
}

/** What each gate does, in the lessons' words and PyTorch's equations (GRU: h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}). */
export const GATES: Record<GateHeatmapsProps["cell"], readonly GateInfo[]> = {
  lstm: [
    { name: "i", title: "input gate", activation: "sigmoid", meaning: "how much of the candidate g is written into c" },
    { name: "f", title: "forget gate", activation: "sigmoid", meaning: "how much of c_{t−1} is kept" },
    { name: "g", title: "candidate", activation: "tanh", meaning: "new content proposed for c" },
    { name: "o", title: "output gate", activation: "sigmoid", meaning: "how much of tanh(c_t) shows in h_t" },
  ],
  gru: [
    { name: "r", title: "reset gate", activation: "sigmoid", meaning: "how much of h_{t−1} feeds the candidate n" },
    { name: "z", title: "update gate", activation: "sigmoid", meaning: "how much of h_{t−1} is kept (1 − z of n is taken)" },
    { name: "n", title: "candidate", activation: "tanh", meaning: "new content proposed for h" },
  ],
};

const SIGMOID_DOMAIN: [number, number] = [0, 1];
const TANH_DOMAIN: [number, number] = [-1, 1];
/** Two panels per row from this chart width, one below it. */
const TWO_COLUMNS_FROM = 560;
const PANEL_GAP = 16;
const TABLE_ROWS = 16;

export function GateHeatmaps({ gates: gatesProp, T, H, cell, hoverT, onHoverT, title = "Gate activations", emptyMessage = NO_DATA_MESSAGE }: GateHeatmapsProps) {
  const gates = useStable(gatesProp, sameGates);
  const info = GATES[cell];
  const given = Object.keys(gates);
  const isEmpty = given.length === 0 || T === 0 || H === 0;
  if (!isEmpty) {
    const expected = info.map((g) => g.name);
    if (given.length !== expected.length || !expected.every((n) => n in gates)) {
      throw new Error(
        `GateHeatmaps: a ${cell.toUpperCase()} has gates ${expected.join(", ")}, but got ${given.join(", ")}. ` +
          "Pass the gates of the same cell type as `cell`.",
      );
    }
    for (const g of info) checkShape("GateHeatmaps", `gate ${g.name}`, gates[g.name], T, H);
  }
  const { ref, width } = useElementSize<HTMLElement>();
  const columns = width >= TWO_COLUMNS_FROM ? 2 : 1;
  const panelWidth = Math.floor((width - (columns - 1) * PANEL_GAP) / columns);
  const geometry = useMemo(() => heatmapGeometry(panelWidth, Math.max(48, Math.min(140, H * 8)), H, T), [panelWidth, H, T]);
  const hover = useTimeHover(hoverT, onHoverT, T, (px) => Math.floor(geometry.x.invert(px)));

  const panels = useMemo(
    () =>
      isEmpty
        ? []
        : info.map((g) => {
            const values = gates[g.name];
            const stats = gridStats(values);
            const ramp: ColorRamp = g.activation === "sigmoid" ? SEQUENTIAL : DIVERGING;
            const domain = g.activation === "sigmoid" ? SIGMOID_DOMAIN : TANH_DOMAIN;
            let ariaLabel = `${g.name}, ${g.title} (${g.activation}, ${formatValue(domain[0])} to ${formatValue(domain[1])}): `;
            ariaLabel += `mean ${formatValue(meanOf(values))}, values ${rangeText(stats.min, stats.max)} over ${countOf(T, "timestep")} × ${countOf(H, "unit")}`;
            if (stats.nonFinite > 0) ariaLabel += `; ${countOf(stats.nonFinite, "value")} not finite`;
            return { info: g, grid: transpose(values, T, H), stats, ramp, domain, ariaLabel };
          }),
    [isEmpty, info, gates, T, H],
  );
  const buildTable = useCallback(() => gateTable(title, info, gates, T, H), [title, info, gates, T, H]);

  if (isEmpty) {
    return (
      <ChartFigure ref={ref} title={title}>
        <EmptyState message={emptyMessage} />
      </ChartFigure>
    );
  }
  const t = hover.t;
  return (
    <ChartFigure ref={ref} title={title}>
      <div className="viz-panels" style={{ gridTemplateColumns: `repeat(${columns}, ${panelWidth}px)`, gap: PANEL_GAP }}>
        {panels.map((p) => (
          <div key={p.info.name} className="viz-panel">
            <p className="viz-panel-title">
              <b>{p.info.name}</b> {p.info.title} <span className="viz-muted">({p.info.activation}, {formatValue(p.domain[0])}…{formatValue(p.domain[1])}): {p.info.meaning}</span>
            </p>
            <HeatmapPlot
              grid={p.grid}
              rows={H}
              cols={T}
              geometry={geometry}
              ramp={p.ramp}
              domain={p.domain}
              nonFinite={p.stats.nonFinite}
              ariaLabel={p.ariaLabel}
              title={`${p.info.name}: ${p.info.title}`}
              xLabel="timestep t"
              yLabel="unit"
              highlightColumn={t}
              plotProps={hover.plotProps}
            />
          </div>
        ))}
      </div>
      <Readout
        isLive={hover.isFocused}
        text={
          t === null
            ? null
            : `t = ${formatCount(t)}, mean over units: ` +
              info.map((g) => `${g.name} ${formatValue(sliceStats(gates[g.name], t * H, 1, H).mean)}`).join(", ")
        }
      />
      <DataTableToggle chartTitle={title} build={buildTable} />
    </ChartFigure>
  );
}

function sameGates(a: Record<string, Float64Array>, b: Record<string, Float64Array>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function meanOf(values: ArrayLike<number>): number {
  return sliceStats(values, 0, 1, values.length).mean;
}

function gateTable(title: string, info: readonly GateInfo[], gates: Record<string, Float64Array>, T: number, H: number): TableData {
  const picked = evenlySpaced(T, TABLE_ROWS);
  return {
    caption: `${title}: mean over ${countOf(H, "unit")}, ${rowsNote(picked.length, T, "timestep")}`,
    headers: ["t", ...info.map((g) => `${g.name} (${g.title})`)],
    rows: picked.map((t) => [formatCount(t), ...info.map((g) => formatValue(sliceStats(gates[g.name], t * H, 1, H).mean))]),
  };
}
