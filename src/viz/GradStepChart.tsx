// src/viz/GradStepChart.tsx: values per training step (gradient norms, accuracy), log or linear y, with a reference line.
import { bisectCenter, line, scaleLinear, scaleLog } from "d3";
import { useCallback, useMemo } from "react";
import { seriesStyle } from "./colors";
import { useT, type Translate } from "../i18n";
import { GRADS } from "../i18n/gradients";
import { VIZ, type VizT } from "../i18n/viz";
import { DataTableToggle, rowsNoteIn, type TableData } from "./DataTable";
import { XAxis, YAxis } from "./Axis";
import { ChartFigure, EmptyState, LineLegend, NO_DATA_MESSAGE, Readout } from "./Figure";
import { stepSeriesData } from "./chartData";
import { formatCount, formatLogTick, formatValue } from "./format";
import {
  LINE_MARGIN as M, decimateMinMax, evenlySpaced, extentWhere, integerTicks, isFiniteNumber, isPositiveFinite,
  linearDomain, logDomain, logTicks,
} from "./scales";
import { useElementSize } from "./useElementSize";
import { useTimeHover } from "./useTimeHover";

export interface GradStepSeries {
  label: string;
  /** Training step of each value, ascending (all series share these steps). */
  step: Float64Array;
  values: Float64Array;
}

export interface GradStepChartProps {
  series: readonly GradStepSeries[];
  title: string;
  yLabel: string;
  yScale?: "log" | "linear";
  /** A fixed y domain (e.g. [0, 1] for accuracy); by default the data's. */
  yDomain?: [number, number];
  /** A dashed horizontal line: the clipping threshold, or chance accuracy. */
  reference?: { value: number; label: string } | null;
  /** Formats values in the readout, table and description (percentages for accuracy). */
  format?: (v: number) => string;
  height?: number;
  emptyMessage?: string;
}

const TABLE_ROWS = 16;
const NO_STEPS = new Float64Array(0);

export function GradStepChart(props: GradStepChartProps) {
  const { series, title, yLabel, yScale = "log", yDomain, reference = null, format = formatValue, height = 170, emptyMessage = NO_DATA_MESSAGE } = props;
  const tg = useT(GRADS);
  const tv = useT(VIZ);
  const { ref, width } = useElementSize<HTMLElement>();
  const steps = series[0]?.step ?? NO_STEPS;
  const n = steps.length;
  const keep = yScale === "log" ? isPositiveFinite : isFiniteNumber;
  const refValue = reference?.value;
  const x = useMemo(() => {
    const lo = n > 0 ? steps[0] : 0;
    const hi = n > 0 ? steps[n - 1] : 1;
    return scaleLinear(lo === hi ? [lo - 1, hi + 1] : [lo, hi], [M.left, Math.max(M.left + 1, width - M.right)]);
  }, [steps, n, width]);
  const y = useMemo(() => {
    const arrays = series.map((s) => s.values);
    const ext = extentWhere(refValue !== undefined ? [...arrays, [refValue]] : arrays, keep);
    if (yScale === "linear") return scaleLinear(yDomain ?? linearDomain(ext), [height - M.bottom, M.top]);
    const scale = scaleLog(yDomain ?? logDomain(ext), [height - M.bottom, M.top]);
    const [lo, hi] = scale.domain();
    return hi / lo >= 10 ? scale.nice() : scale;
  }, [series, refValue, keep, yScale, yDomain, height]);
  const plotWidth = Math.max(1, width - M.left - M.right);
  const paths = useMemo(
    () =>
      series.map(({ step, values }) => {
        const drawn = decimateMinMax(values, values.length, Math.ceil(plotWidth), keep);
        return line<number>().defined((i) => keep(values[i])).x((i) => x(step[i])).y((i) => y(values[i]))(drawn) ?? "";
      }),
    [series, x, y, plotWidth, keep],
  );
  const hover = useTimeHover(undefined, undefined, n, (px) => (n > 0 ? bisectCenter(steps, x.invert(px)) : NaN));
  const ariaLabel = useMemo(() => describe(tg, tv, title, series, format, reference), [tg, tv, title, series, format, reference]);
  const buildTable = useCallback(() => table(tv, title, series, format), [tv, title, series, format]);

  if (n === 0) {
    return (
      <ChartFigure ref={ref} title={title}>
        <EmptyState message={emptyMessage} />
      </ChartFigure>
    );
  }
  const plotBottom = height - M.bottom;
  const yTicks = yScale === "log" ? logTicks(y, Math.max(2, Math.floor((plotBottom - M.top) / 28))) : y.ticks(Math.max(2, Math.floor((plotBottom - M.top) / 30)));
  const i = hover.t;
  return (
    <ChartFigure ref={ref} title={title} data={() => stepSeriesData(series)}>
      <LineLegend items={series.map((s, k) => ({ label: s.label, style: seriesStyle(k) }))} />
      <svg role="img" aria-label={ariaLabel} width={width} height={height} className="viz-plot" {...hover.plotProps}>
        <title>{title}</title>
        <YAxis ticks={yTicks} position={y} format={yScale === "log" ? formatLogTick : format} from={plotBottom} to={M.top} x={M.left} gridTo={width - M.right} label={yLabel} />
        <XAxis ticks={integerTicks(x.domain()[0], x.domain()[1], Math.max(2, Math.floor(plotWidth / 90)))} position={x} format={formatCount} from={M.left} to={width - M.right} y={plotBottom} label={tg("trainingStepAxis")} />
        {reference && keep(reference.value) && (
          <g className="viz-boundary">
            <line x1={M.left} x2={width - M.right} y1={y(reference.value)} y2={y(reference.value)} strokeDasharray="4 4" />
            <text x={width - M.right - 4} y={y(reference.value) - 4} textAnchor="end">
              {reference.label}
            </text>
          </g>
        )}
        {paths.map((d, k) => {
          const style = seriesStyle(k);
          return <path key={k} className="viz-line" d={d} stroke={style.color} strokeDasharray={style.dash || undefined} />;
        })}
        {i !== null && (
          <g className="viz-hover">
            <line x1={x(steps[i])} x2={x(steps[i])} y1={M.top} y2={plotBottom} />
            {series.map((s, k) => (keep(s.values[i]) ? <circle key={k} cx={x(s.step[i])} cy={y(s.values[i])} r={3.5} fill={seriesStyle(k).color} /> : null))}
          </g>
        )}
      </svg>
      <Readout
        isLive={hover.isFocused}
        hint={tv("lossHint")}
        text={
          i === null
            ? null
            : tg("stepReadout", { step: formatCount(steps[i]), values: series.map((s) => `${s.label} ${format(s.values[i])}`).join(tv("listSeparator")) })
        }
      />
      <DataTableToggle chartTitle={title} build={buildTable} />
    </ChartFigure>
  );
}

function describe(
  tg: Translate<typeof GRADS>,
  tv: VizT,
  title: string,
  series: readonly GradStepSeries[],
  format: (v: number) => string,
  reference: GradStepChartProps["reference"],
): string {
  const parts = series.map(({ label, step, values }) => {
    const n = values.length;
    if (n === 0) return tv("noValuesYet", { name: label });
    return tg("seriesAtSteps", { label, first: format(values[0]), firstStep: formatCount(step[0]), last: format(values[n - 1]), lastStep: formatCount(step[n - 1]) });
  });
  if (reference) parts.push(reference.label);
  return tv("captionOf", { title, rows: parts.join(tv("partSeparator")) });
}

function table(tv: VizT, title: string, series: readonly GradStepSeries[], format: (v: number) => string): TableData {
  const steps = series[0]?.step ?? NO_STEPS;
  const picked = evenlySpaced(steps.length, TABLE_ROWS);
  return {
    caption: tv("captionOf", { title, rows: rowsNoteIn(tv, picked.length, steps.length, "countLoggedSteps") }),
    headers: [tv("stepHeader"), ...series.map((s) => s.label)],
    rows: picked.map((i) => [formatCount(steps[i]), ...series.map((s) => format(s.values[i]))]),
  };
}
