// src/viz/StateHeatmap.tsx: a state (h or c) over time as a heatmap: units down, timesteps across, 0 at white.
import { useCallback, useMemo } from "react";
import { DIVERGING, symmetricDomain } from "./colors";
import { useT } from "../i18n";
import { VIZ, type VizT } from "../i18n/viz";
import { DataTableToggle, rowsNoteIn, type TableData } from "./DataTable";
import { ChartFigure, EmptyState, NO_DATA_MESSAGE, Readout } from "./Figure";
import { timeGridData } from "./chartData";
import { formatCount, formatValue } from "./format";
import { HeatmapPlot, gridStats, heatmapGeometry, rangeTextIn, sliceStats } from "./Heatmap";
import { evenlySpaced } from "./scales";
import { useElementSize } from "./useElementSize";
import { useTimeHover, type TimeHoverProps } from "./useTimeHover";

export interface StateHeatmapProps extends TimeHoverProps {
  /** [T][H] row-major, t major: values[t * H + j] is unit j at timestep t. */
  values: Float64Array;
  T: number;
  H: number;
  /** What the values are: "Hidden state h, layer 1". Also the chart's title. */
  label: string;
  /** Colour domain; defaults to symmetric about 0 from the largest |value| (or [−1, 1] when all are 0). */
  domain?: [number, number];
  /** Height of the cells alone, in pixels; defaults to about 12 per unit within 60 … 240. */
  plotHeight?: number;
  emptyMessage?: string;
}

/** Units listed one by one in readouts and tables up to this many; above it, min, mean and max. */
const UNITS_LISTED_MAX = 8;
const TABLE_ROWS = 16;

export function StateHeatmap({ values, T, H, label, domain, plotHeight, hoverT, onHoverT, emptyMessage = NO_DATA_MESSAGE }: StateHeatmapProps) {
  checkShape("StateHeatmap", label, values, T, H);
  const t = useT(VIZ);
  const { ref, width } = useElementSize<HTMLElement>();
  const geometry = useMemo(
    () => heatmapGeometry(width, plotHeight ?? Math.max(60, Math.min(240, H * 12)), H, T),
    [width, plotHeight, H, T],
  );
  // Displayed units down and time across, so the canvas wants [H][T]: transpose once per snapshot.
  const grid = useMemo(() => transpose(values, T, H), [values, T, H]);
  const stats = useMemo(() => gridStats(values), [values]);
  const lo = domain?.[0];
  const hi = domain?.[1];
  const colorDomain = useMemo<[number, number]>(
    () => (lo !== undefined && hi !== undefined ? [lo, hi] : symmetricDomain(values)),
    [lo, hi, values],
  );
  const ariaLabel = useMemo(() => describeState(t, label, values, T, H, colorDomain), [t, label, values, T, H, colorDomain]);
  const hover = useTimeHover(hoverT, onHoverT, T, (px) => Math.floor(geometry.x.invert(px)));
  const buildTable = useCallback(() => stateTable(t, label, values, T, H), [t, label, values, T, H]);

  if (T === 0 || H === 0) {
    return (
      <ChartFigure ref={ref} title={label}>
        <EmptyState message={emptyMessage} />
      </ChartFigure>
    );
  }
  return (
    <ChartFigure ref={ref} title={label} data={() => timeGridData(values, T, H)}>
      <HeatmapPlot
        grid={grid}
        rows={H}
        cols={T}
        geometry={geometry}
        ramp={DIVERGING}
        domain={colorDomain}
        nonFinite={stats.nonFinite}
        ariaLabel={ariaLabel}
        title={label}
        xLabel={t("timestepAxis")}
        yLabel={t("unitAxis")}
        highlightColumn={hover.t}
        plotProps={hover.plotProps}
      />
      <Readout isLive={hover.isFocused} text={hover.t === null ? null : columnText(t, values, hover.t, H)} />
      <DataTableToggle chartTitle={label} build={buildTable} />
    </ChartFigure>
  );
}

export function checkShape(chart: string, label: string, values: ArrayLike<number>, T: number, H: number): void {
  if (!(Number.isInteger(T) && T >= 0 && Number.isInteger(H) && H >= 0) || values.length !== T * H) {
    throw new Error(
      `${chart} "${label}": values has ${values.length} numbers, but T × H = ${T} × ${H} = ${T * H}. ` +
        "Pass one sequence's [T][H] slice (t major), with the T and H it was made with.",
    );
  }
}

/** [T][H] → [H][T]. */
export function transpose(values: ArrayLike<number>, T: number, H: number): Float64Array {
  const out = new Float64Array(T * H);
  for (let t = 0; t < T; t++) {
    for (let j = 0; j < H; j++) out[j * T + t] = values[t * H + j];
  }
  return out;
}

function describeState(t: VizT, label: string, values: Float64Array, T: number, H: number, domain: [number, number]): string {
  const s = gridStats(values);
  let text = t("stateGist", { label, units: t("countUnits", { n: H }), timesteps: t("countTimesteps", { n: T }), range: rangeTextIn(t, s.min, s.max) });
  text += t("colourRange", { a: formatValue(domain[0]), b: formatValue(domain[1]) });
  if (H > 1 && !Number.isNaN(s.min)) {
    // The unit that does the most: a learner's first question about a state heatmap.
    let best = -1;
    let bestMean = -1;
    for (let j = 0; j < H; j++) {
      let sum = 0;
      let n = 0;
      for (let k = 0; k < T; k++) {
        const v = values[k * H + j];
        if (Number.isFinite(v)) {
          sum += Math.abs(v);
          n++;
        }
      }
      if (n > 0 && sum / n > bestMean) {
        bestMean = sum / n;
        best = j;
      }
    }
    text += t("mostActiveUnit", { j: best, m: formatValue(bestMean) });
  }
  if (s.nonFinite > 0) text += t("notFinite", { count: t("countValues", { n: s.nonFinite }) });
  return text;
}

/** The hovered timestep in words: each unit when there are few, else the extremes and the mean. */
function columnText(tr: VizT, values: Float64Array, t: number, H: number): string {
  if (H <= UNITS_LISTED_MAX) {
    const units: string[] = [];
    for (let j = 0; j < H; j++) units.push(tr("unitValue", { j, value: formatValue(values[t * H + j]) }));
    return tr("atT", { t: formatCount(t), values: units.join(tr("listSeparator")) });
  }
  const s = sliceStats(values, t * H, 1, H);
  if (Number.isNaN(s.min)) return tr("atT", { t: formatCount(t), values: tr("noFiniteValues") });
  const range = tr("columnRange", { min: formatValue(s.min), i: s.argMin, max: formatValue(s.max), j: s.argMax, mean: formatValue(s.mean) });
  return tr("atT", { t: formatCount(t), values: range });
}

function stateTable(t: VizT, label: string, values: Float64Array, T: number, H: number): TableData {
  const picked = evenlySpaced(T, TABLE_ROWS);
  const caption = t("captionOf", { title: label, rows: rowsNoteIn(t, picked.length, T, "countTimesteps") });
  if (H <= UNITS_LISTED_MAX) {
    const headers = ["t"];
    for (let j = 0; j < H; j++) headers.push(t("unitN", { j }));
    return {
      caption,
      headers,
      rows: picked.map((k) => {
        const row = [formatCount(k)];
        for (let j = 0; j < H; j++) row.push(formatValue(values[k * H + j]));
        return row;
      }),
    };
  }
  return {
    caption: t("lowMeanHigh", { caption, count: t("countUnits", { n: H }) }),
    headers: ["t", t("min"), t("mean"), t("max")],
    rows: picked.map((k) => {
      const s = sliceStats(values, k * H, 1, H);
      return [formatCount(k), formatValue(s.min), formatValue(s.mean), formatValue(s.max)];
    }),
  };
}
