// src/viz/Heatmap.tsx: the canvas-plus-SVG plot the heatmap charts share, its colour legend and its geometry.
import { scaleLinear, type ScaleLinear } from "d3";
import { useEffect, useRef, type HTMLAttributes, type ReactNode } from "react";
import { useT } from "../i18n";
import { VIZ, type VizT } from "../i18n/viz";
import { NON_FINITE_COLOR, paintGrid, rampPosition, type ColorRamp } from "./colors";
import { formatCount, formatValue } from "./format";
import { integerTicks, type Margin } from "./scales";
import { XAxis } from "./Axis";

/** Room around the cells: unit or row labels on the left, the x axis below, then the colour legend. */
export const HEATMAP_MARGIN: Margin = { top: 8, right: 16, bottom: 36, left: 56 };
const LEGEND_HEIGHT = 38;
const LEGEND_STEPS = 64;
const LEGEND_WIDTH_MAX = 220;

export interface HeatmapGeometry {
  width: number;
  height: number;
  /** Column c spans x(c) … x(c + 1); row r spans y(r) … y(r + 1). */
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  plotWidth: number;
  plotHeight: number;
}

/**
 * Where the cells go. `plotWidth` defaults to all the width the margins leave; `plotHeight` is the height of
 * the cells alone (axes and legend are added around them).
 */
export function heatmapGeometry(width: number, plotHeight: number, rows: number, cols: number, plotWidth?: number): HeatmapGeometry {
  const M = HEATMAP_MARGIN;
  const w = Math.max(1, plotWidth ?? width - M.left - M.right);
  const h = Math.max(1, plotHeight);
  return {
    width,
    height: M.top + h + M.bottom + LEGEND_HEIGHT,
    x: scaleLinear([0, Math.max(1, cols)], [M.left, M.left + w]),
    y: scaleLinear([0, Math.max(1, rows)], [M.top, M.top + h]),
    plotWidth: w,
    plotHeight: h,
  };
}

export interface RowBlock {
  name: string;
  size: number;
}

export interface HeatmapPlotProps {
  /** The values as displayed: row-major [rows][cols] (row 0 at the top). */
  grid: ArrayLike<number>;
  rows: number;
  cols: number;
  geometry: HeatmapGeometry;
  ramp: ColorRamp;
  domain: readonly [number, number];
  /** Count of non-finite values in grid; the legend names their colour only when there are any. */
  nonFinite: number;
  ariaLabel: string;
  title: string;
  xLabel: string;
  yLabel: string;
  rowBlocks?: readonly RowBlock[];
  /** Outlined column (the hovered timestep), or null. */
  highlightColumn?: number | null;
  /** Outlined cell, or null. */
  highlightCell?: { row: number; col: number } | null;
  /** Focus, keyboard and pointer handlers for the plot element. */
  plotProps?: HTMLAttributes<HTMLDivElement>;
}

/**
 * Cells on a canvas at data resolution (one pixel per value, scaled up by CSS with pixelated rendering),
 * axes and highlights on an SVG on top. The canvas repaints only when the values, shape or colours change;
 * a moving highlight touches only the SVG.
 */
export function HeatmapPlot(props: HeatmapPlotProps) {
  const { grid, rows, cols, geometry: g, ramp, domain, nonFinite, ariaLabel, title, xLabel, yLabel } = props;
  const { rowBlocks, highlightColumn = null, highlightCell = null, plotProps } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [lo, hi] = domain;

  useEffect(() => {
    const canvas = canvasRef.current;
    // No 2D context (jsdom, or a browser that refuses one): the cells are missing but the name, axes,
    // legend and data table still tell the story.
    const ctx = canvas?.getContext("2d");
    if (!ctx) return;
    const image = ctx.createImageData(cols, rows);
    paintGrid(image.data, grid, ramp, [lo, hi]);
    ctx.putImageData(image, 0, 0);
  }, [grid, rows, cols, ramp, lo, hi]);

  const M = HEATMAP_MARGIN;
  const plotBottom = M.top + g.plotHeight;
  const plotRight = M.left + g.plotWidth;
  const xTicks = integerTicks(0, cols - 1, Math.max(2, Math.floor(g.plotWidth / 60)));
  const yTicks = rowBlocks ? [] : integerTicks(0, rows - 1, Math.max(1, Math.floor(g.plotHeight / 18)));

  let blockStart = 0;
  const blocks: ReactNode[] = [];
  for (const [k, block] of (rowBlocks ?? []).entries()) {
    const top = g.y(blockStart);
    const bottom = g.y(blockStart + block.size);
    blocks.push(
      <g key={block.name}>
        {k > 0 && <line className="viz-block-rule" x1={M.left - 4} x2={plotRight} y1={top} y2={top} />}
        <text x={M.left - 8} y={(top + bottom) / 2} dy="0.32em" textAnchor="end" className="viz-block-label">
          {block.name}
        </text>
      </g>,
    );
    blockStart += block.size;
  }

  return (
    <div role="img" aria-label={ariaLabel} className="viz-heatmap" style={{ width: g.width, height: g.height }} {...plotProps}>
      <canvas
        ref={canvasRef}
        aria-hidden="true"
        width={cols}
        height={rows}
        style={{ left: M.left, top: M.top, width: g.plotWidth, height: g.plotHeight }}
      />
      {/* Hidden from assistive technology: the container is the image and carries the name; without this,
          Chromium exposes the SVG as a second, nameless-but-for-its-title image inside the first. */}
      <svg width={g.width} height={g.height} aria-hidden="true">
        <title>{title}</title>
        <rect className="viz-frame" x={M.left} y={M.top} width={g.plotWidth} height={g.plotHeight} />
        {blocks}
        <g className="viz-axis">
          {yTicks.map((r) => (
            <g key={r} transform={`translate(${M.left},${g.y(r + 0.5)})`}>
              <line x2={-4} />
              <text x={-7} dy="0.32em" textAnchor="end">
                {r}
              </text>
            </g>
          ))}
          <text className="viz-axis-label" transform={`translate(12,${(M.top + plotBottom) / 2}) rotate(-90)`} textAnchor="middle">
            {yLabel}
          </text>
        </g>
        <XAxis
          ticks={xTicks}
          position={(c) => g.x(c + 0.5)}
          format={formatCount}
          from={M.left}
          to={plotRight}
          y={plotBottom}
          label={xLabel}
        />
        {highlightColumn !== null && highlightColumn >= 0 && highlightColumn < cols && (
          <Outline
            x={g.x(highlightColumn)}
            y={M.top}
            width={Math.max(2, g.x(highlightColumn + 1) - g.x(highlightColumn))}
            height={g.plotHeight}
          />
        )}
        {highlightCell !== null && (
          <Outline
            x={g.x(highlightCell.col)}
            y={g.y(highlightCell.row)}
            width={Math.max(2, g.x(highlightCell.col + 1) - g.x(highlightCell.col))}
            height={Math.max(2, g.y(highlightCell.row + 1) - g.y(highlightCell.row))}
          />
        )}
        <ColorLegend x={M.left} y={plotBottom + M.bottom + 4} width={Math.min(LEGEND_WIDTH_MAX, g.width - M.left - 120)} ramp={ramp} domain={domain} nonFinite={nonFinite} />
      </svg>
    </div>
  );
}

/** A dark outline on a light halo, visible on the darkest and the palest cells alike. */
function Outline(box: { x: number; y: number; width: number; height: number }) {
  return (
    <g className="viz-highlight">
      <rect className="viz-highlight-halo" {...box} />
      <rect {...box} />
    </g>
  );
}

/** A colour bar with numbers under it; diverging ramps label their middle 0. Magenta swatch when values are not finite. */
function ColorLegend({ x, y, width, ramp, domain, nonFinite }: { x: number; y: number; width: number; ramp: ColorRamp; domain: readonly [number, number]; nonFinite: number }) {
  const t = useT(VIZ);
  const w = Math.max(60, width);
  const [lo, hi] = domain;
  const ticks = ramp.kind === "diverging" && lo < 0 && hi > 0 ? [lo, 0, hi] : [lo, (lo + hi) / 2, hi];
  const step = w / LEGEND_STEPS;
  const stripes: ReactNode[] = [];
  for (let k = 0; k < LEGEND_STEPS; k++) {
    stripes.push(<rect key={k} x={k * step} width={step + 0.5} height={10} fill={ramp.at((k + 0.5) / LEGEND_STEPS)} />);
  }
  return (
    <g className="viz-color-legend" transform={`translate(${x},${y})`}>
      {stripes}
      <rect className="viz-frame" width={w} height={10} />
      {ticks.map((v) => {
        const px = rampPosition(v, domain, ramp.kind) * w;
        return (
          <g key={v} transform={`translate(${px},10)`}>
            <line y2={4} />
            <text y={7} dy="0.71em" textAnchor="middle">
              {formatValue(v)}
            </text>
          </g>
        );
      })}
      {nonFinite > 0 && (
        <g transform={`translate(${w + 14},0)`}>
          <rect width={10} height={10} fill={NON_FINITE_COLOR} />
          <text x={14} y={5} dy="0.32em">
            {t("notFiniteLegend", { n: formatCount(nonFinite) })}
          </text>
        </g>
      )}
    </g>
  );
}

export interface GridStats {
  min: number;
  max: number;
  meanAbs: number;
  nonFinite: number;
}

/** Min, max and mean |v| over the finite values; NaN where there are none. */
export function gridStats(values: ArrayLike<number>): GridStats {
  let min = Infinity;
  let max = -Infinity;
  let sumAbs = 0;
  let finite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    sumAbs += Math.abs(v);
    finite++;
  }
  return finite > 0
    ? { min, max, meanAbs: sumAbs / finite, nonFinite: values.length - finite }
    : { min: NaN, max: NaN, meanAbs: NaN, nonFinite: values.length };
}

export interface SliceStats {
  min: number;
  argMin: number;
  max: number;
  argMax: number;
  mean: number;
}

/** Stats of values[offset + k·stride] for k = 0 … n − 1 over finite entries (arg* index k); NaN if none. */
export function sliceStats(values: ArrayLike<number>, offset: number, stride: number, n: number): SliceStats {
  let min = Infinity;
  let max = -Infinity;
  let argMin = -1;
  let argMax = -1;
  let sum = 0;
  let finite = 0;
  for (let k = 0; k < n; k++) {
    const v = values[offset + k * stride];
    if (!Number.isFinite(v)) continue;
    if (v < min) {
      min = v;
      argMin = k;
    }
    if (v > max) {
      max = v;
      argMax = k;
    }
    sum += v;
    finite++;
  }
  return finite > 0 ? { min, argMin, max, argMax, mean: sum / finite } : { min: NaN, argMin: -1, max: NaN, argMax: -1, mean: NaN };
}

/** "from −0.83 to 0.91" or "not finite" when a stats object has no finite values. */
export function rangeText(min: number, max: number): string {
  return Number.isNaN(min) ? "no finite values" : `from ${formatValue(min)} to ${formatValue(max)}`;
}

/** rangeText in the chart's language. */
export function rangeTextIn(t: VizT, min: number, max: number): string {
  return Number.isNaN(min) ? t("noFiniteValues") : t("rangeFromTo", { min: formatValue(min), max: formatValue(max) });
}
