// src/viz/GateHeatmaps.tsx: one heatmap per gate of an LSTM or GRU layer, side by side, sharing the hovered timestep.
import { useCallback, useMemo } from "react";
import { DIVERGING, SEQUENTIAL, type ColorRamp } from "./colors";
import { useT } from "../i18n";
import { VIZ, type VizT } from "../i18n/viz";
import { DataTableToggle, rowsNoteIn, type TableData } from "./DataTable";
import { ChartFigure, EmptyState, NO_DATA_MESSAGE, Readout } from "./Figure";
import { gatesData } from "./chartData";
import { formatCount, formatValue } from "./format";
import { HeatmapPlot, gridStats, heatmapGeometry, rangeTextIn, sliceStats } from "./Heatmap";
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

export function GateHeatmaps({ gates: gatesProp, T, H, cell, hoverT, onHoverT, title: titleProp, emptyMessage = NO_DATA_MESSAGE }: GateHeatmapsProps) {
  const tr = useT(VIZ);
  const title = titleProp ?? tr("gatesTitle");
  const gates = useStable(gatesProp, sameGates);
  const info = useMemo(() => GATES[cell].map((g) => inLanguage(tr, g)), [cell, tr]);
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
            let ariaLabel = tr("gateGist", {
              name: g.name, title: g.title, activation: g.activation, lo: formatValue(domain[0]), hi: formatValue(domain[1]),
              mean: formatValue(meanOf(values)), range: rangeTextIn(tr, stats.min, stats.max),
              timesteps: tr("countTimesteps", { n: T }), units: tr("countUnits", { n: H }),
            });
            if (stats.nonFinite > 0) ariaLabel += tr("notFinite", { count: tr("countValues", { n: stats.nonFinite }) });
            return { info: g, grid: transpose(values, T, H), stats, ramp, domain, ariaLabel };
          }),
    [isEmpty, info, gates, T, H, tr],
  );
  const buildTable = useCallback(() => gateTable(tr, title, info, gates, T, H), [tr, title, info, gates, T, H]);

  if (isEmpty) {
    return (
      <ChartFigure ref={ref} title={title}>
        <EmptyState message={emptyMessage} />
      </ChartFigure>
    );
  }
  const t = hover.t;
  return (
    <ChartFigure ref={ref} title={title} data={() => gatesData(gates, info.map((g) => g.name), T, H)}>
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
              xLabel={tr("timestepAxis")}
              yLabel={tr("unitAxis")}
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
            : tr("gatesReadout", {
                t: formatCount(t),
                values: info.map((g) => `${g.name} ${formatValue(sliceStats(gates[g.name], t * H, 1, H).mean)}`).join(tr("listSeparator")),
              })
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

/** A gate's title and meaning in the chart's language (GATES holds the English). */
function inLanguage(t: VizT, g: GateInfo): GateInfo {
  const name = g.name as "i" | "f" | "g" | "o" | "r" | "z" | "n";
  return { ...g, title: t(`gate_${name}`), meaning: t(`gateMeaning_${name}`) };
}

function gateTable(t: VizT, title: string, info: readonly GateInfo[], gates: Record<string, Float64Array>, T: number, H: number): TableData {
  const picked = evenlySpaced(T, TABLE_ROWS);
  return {
    caption: t("gatesCaption", { title, units: t("countUnits", { n: H }), rows: rowsNoteIn(t, picked.length, T, "countTimesteps") }),
    headers: ["t", ...info.map((g) => `${g.name} (${g.title})`)],
    rows: picked.map((k) => [formatCount(k), ...info.map((g) => formatValue(sliceStats(gates[g.name], k * H, 1, H).mean))]),
  };
}
