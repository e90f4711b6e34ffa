// src/viz/SplitChart.tsx: a whole series with its chronological split shaded: training, validation and test ranges.
import { line, scaleLinear } from "d3";
import { useMemo } from "react";
import { XAxis, YAxis } from "./Axis";
import { timeSeriesData } from "./chartData";
import { ChartFigure, EmptyState, NO_DATA_MESSAGE } from "./Figure";
import { formatCount, formatValue } from "./format";
import { LINE_MARGIN as M, decimateMinMax, extentWhere, integerTicks, isFiniteNumber, linearDomain } from "./scales";
import { useElementSize } from "./useElementSize";

export interface SplitRange {
  /** Name of the range, shown in it ("training", "validation", "test"). */
  label: string;
  /** Indices [from, to). */
  from: number;
  to: number;
}

export interface SplitChartProps {
  values: ArrayLike<number>;
  /** Consecutive ranges of the series, shaded in turn. */
  ranges: readonly SplitRange[];
  title: string;
  /** The value axis's label (the unit). */
  valueLabel: string;
  /** The time axis's label (what one step is). */
  stepLabel: string;
  /** What the chart shows, for screen readers (the ranges and their sizes). */
  description: string;
  height?: number;
}

const BAND_CLASSES = ["viz-split-train", "viz-split-validation", "viz-split-test"];

export function SplitChart({ values, ranges, title, valueLabel, stepLabel, description, height = 200 }: SplitChartProps) {
  const { ref, width } = useElementSize<HTMLElement>();
  const n = values.length;
  const plotBottom = height - M.bottom;
  const x = useMemo(() => scaleLinear().domain([0, Math.max(1, n - 1)]).range([M.left, width - M.right]), [n, width]);
  const y = useMemo(() => scaleLinear().domain(linearDomain(extentWhere([values], isFiniteNumber))).range([plotBottom, M.top]).nice(), [values, plotBottom]);
  const path = useMemo(() => {
    const keep = decimateMinMax(values, n, Math.max(50, Math.floor(width / 2)), isFiniteNumber);
    return line<number>().x((i) => x(i)).y((i) => y(values[i])).defined((i) => isFiniteNumber(values[i]))(keep) ?? "";
  }, [values, n, width, x, y]);
  if (n === 0) {
    return (
      <ChartFigure ref={ref} title={title}>
        <EmptyState message={NO_DATA_MESSAGE} />
      </ChartFigure>
    );
  }
  return (
    <ChartFigure ref={ref} title={title} data={() => timeSeriesData([{ label: valueLabel, values }])}>
      <svg role="img" aria-label={description} width={width} height={height} className="viz-plot">
        <title>{title}</title>
        {ranges.map((r, i) => (
          <g key={r.label} className={`viz-split ${BAND_CLASSES[i % BAND_CLASSES.length]}`}>
            <rect x={x(r.from)} y={M.top} width={Math.max(0, x(Math.max(r.from, r.to - 1)) - x(r.from))} height={Math.max(0, plotBottom - M.top)} />
            <text x={x(r.from) + 4} y={M.top + 11}>
              {r.label}
            </text>
          </g>
        ))}
        <YAxis ticks={y.ticks(Math.max(2, Math.floor((plotBottom - M.top) / 32)))} position={y} format={formatValue} from={plotBottom} to={M.top} x={M.left} gridTo={width - M.right} label={valueLabel} />
        <XAxis ticks={integerTicks(0, Math.max(0, n - 1), Math.max(2, Math.floor((width - M.left - M.right) / 80)))} position={x} format={formatCount} from={M.left} to={width - M.right} y={plotBottom} label={stepLabel} />
        <path className="viz-line viz-line-target" d={path} stroke="var(--viz-target)" />
      </svg>
    </ChartFigure>
  );
}
