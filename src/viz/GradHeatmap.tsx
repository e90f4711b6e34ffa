// src/viz/GradHeatmap.tsx: ‖∂L/∂h_t‖ over training as a heatmap: timesteps across, training steps down, log colour.
import { useCallback, useMemo } from "react";
import { SEQUENTIAL } from "./colors";
import { translator, useT, type Translate } from "../i18n";
import { GRADS } from "../i18n/gradients";
import { VIZ } from "../i18n/viz";
import { DataTableToggle, rowsNoteIn, type TableData } from "./DataTable";
import { ChartFigure, EmptyState, NO_DATA_MESSAGE, Readout } from "./Figure";
import { gradGridData } from "./chartData";
import { formatCount, formatValue } from "./format";
import { HeatmapPlot, gridStats, heatmapGeometry, type RowBlock } from "./Heatmap";
import { evenlySpaced } from "./scales";
import { useElementSize } from "./useElementSize";
import { useTimeHover, type TimeHoverProps } from "./useTimeHover";

export interface GradHeatmapProps extends TimeHoverProps {
  /** log10 ‖∂L/∂h_t‖, [rows][T] row-major: row r is training step steps[r], oldest first. */
  log10: Float64Array;
  steps: Float64Array;
  rows: number;
  T: number;
  /** Also the chart's title: "tanh-RNN: ‖∂L/∂h_t‖ over training". */
  label: string;
  /** Colour domain in log10 units; pass the same one to several heatmaps to compare them. Defaults to the data's. */
  domain?: [number, number];
  plotHeight?: number;
  emptyMessage?: string;
}

/**
 * No row labels: HeatmapPlot would number rows 0, 1, 2…, which are not training steps once rows are thinned out.
 * An empty block list turns them off; the first and last step are named beside the plot instead.
 */
const NO_ROW_LABELS: RowBlock[] = [];
const TABLE_ROWS = 12;
const TABLE_COLUMNS = 6;

export function GradHeatmap({ log10, steps, rows, T, label, domain, plotHeight = 120, hoverT, onHoverT, emptyMessage = NO_DATA_MESSAGE }: GradHeatmapProps) {
  if (log10.length !== rows * T || steps.length !== rows) {
    throw new Error(`GradHeatmap "${label}": log10 has ${log10.length} values and steps ${steps.length}, but rows × T = ${rows} × ${T}.`);
  }
  const tr = useT(GRADS);
  const tv = useT(VIZ);
  const { ref, width } = useElementSize<HTMLElement>();
  const geometry = useMemo(() => heatmapGeometry(width, plotHeight, rows, T), [width, plotHeight, rows, T]);
  const stats = useMemo(() => gridStats(log10), [log10]);
  const lo = domain?.[0];
  const hi = domain?.[1];
  const colorDomain = useMemo<[number, number]>(() => {
    if (lo !== undefined && hi !== undefined) return [lo, hi];
    return Number.isNaN(stats.min) ? [-1, 0] : stats.min === stats.max ? [stats.min - 1, stats.max + 1] : [stats.min, stats.max];
  }, [lo, hi, stats]);
  const ariaLabel = useMemo(() => describe(tr, label, log10, steps, rows, T, colorDomain), [tr, label, log10, steps, rows, T, colorDomain]);
  const hover = useTimeHover(hoverT, onHoverT, T, (px) => Math.floor(geometry.x.invert(px)));
  const buildTable = useCallback(() => table(tr, label, log10, steps, rows, T), [tr, label, log10, steps, rows, T]);

  if (rows === 0 || T === 0) {
    return (
      <ChartFigure ref={ref} title={label}>
        <EmptyState message={emptyMessage} />
      </ChartFigure>
    );
  }
  const t = hover.t;
  return (
    <ChartFigure ref={ref} title={label} data={() => gradGridData(log10, steps, rows, T)}>
      <HeatmapPlot
        grid={log10}
        rows={rows}
        cols={T}
        geometry={geometry}
        ramp={SEQUENTIAL}
        domain={colorDomain}
        nonFinite={stats.nonFinite}
        ariaLabel={ariaLabel}
        title={label}
        xLabel={tv("timestepAxis")}
        yLabel={tr("stepDownAxis")}
        rowBlocks={NO_ROW_LABELS}
        highlightColumn={t}
        plotProps={hover.plotProps}
      />
      <p className="viz-hint">{tr("heatmapRowsHint", { from: formatCount(steps[0]), to: formatCount(steps[rows - 1]) })}</p>
      <Readout
        isLive={hover.isFocused}
        text={
          t === null
            ? null
            : tr("heatmapReadout", {
                t: formatCount(t),
                last: normAt(log10, rows - 1, t, T),
                lastStep: formatCount(steps[rows - 1]),
                first: normAt(log10, 0, t, T),
                firstStep: formatCount(steps[0]),
              })
        }
      />
      <DataTableToggle chartTitle={label} build={buildTable} />
    </ChartFigure>
  );
}

/** The norm a cell stands for, from its log10: "1.2e−7", "0" for −∞, "NaN" for NaN. */
function normAt(log10: Float64Array, row: number, t: number, T: number): string {
  const v = log10[row * T + t];
  return v === -Infinity ? "0" : formatValue(10 ** v);
}

function describe(tr: Translate<typeof GRADS>, label: string, log10: Float64Array, steps: Float64Array, rows: number, T: number, domain: [number, number]): string {
  if (rows === 0) return tr("noDataYet", { label });
  const last = rows - 1;
  const first = normAt(log10, last, 0, T);
  const end = normAt(log10, last, T - 1, T);
  let text = tr("heatmapRows", { label, rows: formatCount(rows), from: formatCount(steps[0]), to: formatCount(steps[last]) });
  text += tr("heatmapAtStep", { step: formatCount(steps[last]), first, end, last: formatCount(T - 1) });
  text += tr("heatmapColours", { lo: formatValue(domain[0]), hi: formatValue(domain[1]) });
  const s = gridStats(log10);
  if (s.nonFinite > 0) text += tr("zeroOrNotFinite", { n: formatCount(s.nonFinite) });
  return text;
}

function table(tr: Translate<typeof GRADS>, label: string, log10: Float64Array, steps: Float64Array, rows: number, T: number): TableData {
  const pickedRows = evenlySpaced(rows, TABLE_ROWS);
  const pickedT = evenlySpaced(T, TABLE_COLUMNS);
  const tv = translator(VIZ, tr.lang);
  return {
    caption: tr("heatmapCaption", {
      label,
      steps: rowsNoteIn(tv, pickedRows.length, rows, "countLoggedSteps"),
      timesteps: rowsNoteIn(tv, pickedT.length, T, "countTimesteps"),
    }),
    headers: [tv("stepHeader"), ...pickedT.map((t) => `t = ${formatCount(t)}`)],
    rows: pickedRows.map((r) => [formatCount(steps[r]), ...pickedT.map((t) => normAt(log10, r, t, T))]),
  };
}
