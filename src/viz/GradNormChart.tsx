// src/viz/GradNormChart.tsx: gradient norms per timestep on a log y axis, where vanishing and exploding show.
import { line, scaleLinear, scaleLog } from "d3";
import { useCallback, useId, useMemo } from "react";
import { seriesStyle } from "./colors";
import { useT } from "../i18n";
import { VIZ, type VizT } from "../i18n/viz";
import { DataTableToggle, rowsNoteIn, type TableData } from "./DataTable";
import { XAxis, YAxis } from "./Axis";
import { ChartFigure, EmptyState, LineLegend, NO_DATA_MESSAGE, Readout } from "./Figure";
import { timeSeriesData } from "./chartData";
import { formatCount, formatLogTick, formatValue } from "./format";
import { LINE_MARGIN as M, evenlySpaced, extentWhere, indices, integerTicks, isPositiveFinite, logDomain, logTicks } from "./scales";
import { useElementSize } from "./useElementSize";
import { useStable } from "./useStable";
import { useTimeHover, type TimeHoverProps } from "./useTimeHover";

export interface GradNormSeries {
  /** "layer 1 ‖∂L/∂h_t‖", "layer 1 ‖∂L/∂c_t‖". */
  label: string;
  /** One norm per timestep (length T); zero or non-finite values are gaps on the log axis. */
  values: ArrayLike<number>;
}

export interface GradNormChartProps extends TimeHoverProps {
  series: readonly GradNormSeries[];
  height?: number;
  title?: string;
  emptyMessage?: string;
  /**
   * When set, only the first `scaleBy` series (the measured ones) set the y axis, widened by a decade each way;
   * the others are clipped to the plot and their legend says how far they leave it. So a prediction that runs to
   * 1e30 cannot squash the measured curve into a flat line.
   */
  scaleBy?: number;
}

const TABLE_ROWS = 20;

export function GradNormChart({ series: seriesProp, hoverT, onHoverT, height = 200, title: titleProp, emptyMessage = NO_DATA_MESSAGE, scaleBy }: GradNormChartProps) {
  const tr = useT(VIZ);
  const title = titleProp ?? tr("gradNormTitle");
  const series = useStable(seriesProp, sameSeries);
  const { ref, width } = useElementSize<HTMLElement>();
  const T = series.reduce((m, s) => Math.max(m, s.values.length), 0);
  const x = useMemo(() => scaleLinear([0, Math.max(1, T - 1)], [M.left, Math.max(M.left + 1, width - M.right)]), [T, width]);
  const y = useMemo(() => {
    const scaling = scaleBy === undefined ? series : series.slice(0, scaleBy);
    const extent = extentWhere(scaling.map((s) => s.values), isPositiveFinite);
    const widened: [number, number] | null = scaleBy !== undefined && extent ? [extent[0] / 10, extent[1] * 10] : extent;
    const scale = scaleLog(logDomain(widened), [height - M.bottom, M.top]);
    const [lo, hi] = scale.domain();
    return hi / lo >= 10 ? scale.nice() : scale;
  }, [series, height, scaleBy]);
  const clipId = useId();
  /** Legend labels, with how far a series that does not set the axis leaves the chart. */
  const legendLabels = useMemo(() => {
    const [lo, hi] = y.domain();
    return series.map((s, k) => {
      if (scaleBy === undefined || k < scaleBy) return s.label;
      const ext = extentWhere([s.values], isPositiveFinite);
      if (!ext || (ext[0] >= lo && ext[1] <= hi)) return s.label;
      return tr("offScale", { label: s.label, lo: formatValue(ext[0]), hi: formatValue(ext[1]) });
    });
  }, [series, y, scaleBy, tr]);
  const paths = useMemo(
    () =>
      series.map(({ values }) =>
        line<number>()
          .defined((t) => isPositiveFinite(values[t]))
          .x(x)
          .y((t) => y(values[t]))(indices(values.length)) ?? "",
      ),
    [series, x, y],
  );
  const ariaLabel = useMemo(() => describeNorms(tr, title, series, T), [tr, title, series, T]);
  const hover = useTimeHover(hoverT, onHoverT, T, (px) => x.invert(px));
  const buildTable = useCallback(() => normTable(tr, title, series, T), [tr, title, series, T]);

  const plotBottom = height - M.bottom;
  const staticLayer = useMemo(
    () => (
      <>
        <YAxis ticks={logTicks(y, Math.max(2, Math.floor((plotBottom - M.top) / 28)))} position={y} format={formatLogTick} from={plotBottom} to={M.top} x={M.left} gridTo={width - M.right} label={tr("normAxis")} />
        <XAxis ticks={integerTicks(0, Math.max(0, T - 1), Math.max(2, Math.floor((width - M.left - M.right) / 70)))} position={x} format={formatCount} from={M.left} to={width - M.right} y={plotBottom} label={tr("timestepAxis")} />
        <clipPath id={clipId}>
          <rect x={M.left} y={M.top} width={Math.max(0, width - M.left - M.right)} height={Math.max(0, plotBottom - M.top)} />
        </clipPath>
        <g clipPath={`url(#${clipId})`}>
          {paths.map((d, k) => {
            const style = seriesStyle(k);
            return <path key={k} className="viz-line" d={d} stroke={style.color} strokeDasharray={style.dash || undefined} />;
          })}
        </g>
      </>
    ),
    [x, y, width, plotBottom, T, paths, tr, clipId],
  );

  if (T === 0) {
    return (
      <ChartFigure ref={ref} title={title}>
        <EmptyState message={emptyMessage} />
      </ChartFigure>
    );
  }
  const t = hover.t;
  return (
    <ChartFigure ref={ref} title={title} data={() => timeSeriesData(series)}>
      <LineLegend items={legendLabels.map((label, k) => ({ label, style: seriesStyle(k) }))} />
      <svg role="img" aria-label={ariaLabel} width={width} height={height} className="viz-plot" {...hover.plotProps}>
        <title>{title}</title>
        {staticLayer}
        {t !== null && (
          <g className="viz-hover">
            <line x1={x(t)} x2={x(t)} y1={M.top} y2={plotBottom} />
            {series.map((s, k) =>
              isPositiveFinite(s.values[t]) && s.values[t] >= y.domain()[0] && s.values[t] <= y.domain()[1] ? <circle key={k} cx={x(t)} cy={y(s.values[t])} r={3.5} fill={seriesStyle(k).color} /> : null,
            )}
          </g>
        )}
      </svg>
      <Readout
        isLive={hover.isFocused}
        text={
          t === null
            ? null
            : tr("atT", { t: formatCount(t), values: series.map((s) => `${s.label} ${t < s.values.length ? formatValue(s.values[t]) : "—"}`).join(tr("listSeparator")) })
        }
      />
      <DataTableToggle chartTitle={title} build={buildTable} />
    </ChartFigure>
  );
}

function sameSeries(a: readonly GradNormSeries[], b: readonly GradNormSeries[]): boolean {
  return a.length === b.length && a.every((s, k) => s.label === b[k].label && s.values === b[k].values);
}

/**
 * Each series' norm at the first and last timestep it has, so "vanishing" reads as a number:
 * "layer 1 ‖∂L/∂h_t‖ 3.1e−5 at t = 0, 0.42 at t = 49".
 */
function describeNorms(tr: VizT, title: string, series: readonly GradNormSeries[], T: number): string {
  const parts = series.map(({ label, values }) => {
    let first = -1;
    let last = -1;
    let gaps = 0;
    for (let t = 0; t < values.length; t++) {
      if (isPositiveFinite(values[t])) {
        if (first < 0) first = t;
        last = t;
      } else {
        gaps++;
      }
    }
    if (first < 0) return tr("noPositiveValues", { label });
    let text = tr("normAt", { label, value: formatValue(values[first]), t: formatCount(first) });
    if (first !== last) text += tr("normAtAlso", { value: formatValue(values[last]), t: formatCount(last) });
    if (gaps > 0) text += tr("zeroOrNotFinite", { count: tr("countTimesteps", { n: gaps }) });
    return text;
  });
  return tr("normsGist", { title, count: tr("countTimesteps", { n: T }), parts: parts.join(tr("partSeparator")) });
}

function normTable(tr: VizT, title: string, series: readonly GradNormSeries[], T: number): TableData {
  const picked = evenlySpaced(T, TABLE_ROWS);
  return {
    caption: tr("captionOf", { title, rows: rowsNoteIn(tr, picked.length, T, "countTimesteps") }),
    headers: ["t", ...series.map((s) => s.label)],
    rows: picked.map((t) => [formatCount(t), ...series.map((s) => (t < s.values.length ? formatValue(s.values[t]) : "—"))]),
  };
}
