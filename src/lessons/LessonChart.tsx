// src/lessons/LessonChart.tsx: a small line chart for lesson widgets (D3 scales and paths, React SVG). Time runs
// t = 1 … T as the lessons write it (h_0 is the initial state), unless the caller gives its own x values.
// Light on purpose: a lesson page loads it with its widgets, so it leaves out the playground charts' export,
// zoom and hover machinery; the numbers behind it are in a table for screen readers and keyboard users.
import { line } from "d3";
import { useId, useMemo } from "react";
import { fmt } from "./format";
import { useStrings } from "./LangContext";

export interface ChartSeries {
  label: string;
  values: ArrayLike<number>;
  /** x of each value; default 1, 2, …, n. */
  x?: ArrayLike<number>;
}

export interface ChartBand {
  /** A shaded x range with a label, e.g. a saturation region. */
  from: number;
  to: number;
  label: string;
}

export interface LessonChartProps {
  title: string;
  series: readonly ChartSeries[];
  xLabel: string;
  yLabel: string;
  log?: boolean;
  /** Fixed y range (linear charts); default: the data's. */
  yDomain?: readonly [number, number];
  bands?: readonly ChartBand[];
  /** A vertical marker line at this x. */
  marker?: number;
  height?: number;
}

/** A linear map [d0, d1] → [r0, r1] (the lesson charts need no more of d3-scale, which would weigh on first load). */
function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = (r1 - r0) / (d1 - d0 || 1);
  return (v) => r0 + (v - d0) * k;
}

/** A round step (1, 2 or 5 × 10^n) giving about `count` ticks over [lo, hi]. */
function tickStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / Math.max(1, count);
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m >= 5 ? 10 : m >= 2 ? 5 : m >= 1 ? 2 : 1) * p;
}

/** Round ticks inside [lo, hi]. */
function linearTicks(lo: number, hi: number, count: number): number[] {
  const step = tickStep(lo, hi, count);
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  return out;
}

const W = 560;
const M = { top: 10, right: 14, bottom: 34, left: 58 };
const DASH = ["", "7 4", "2 3", "10 3 2 3"];

function xsOf(s: ChartSeries): ArrayLike<number> {
  return s.x ?? Array.from({ length: s.values.length }, (_, i) => i + 1);
}

export function LessonChart({ title, series, xLabel, yLabel, log = false, yDomain, bands = [], marker, height = 200 }: LessonChartProps) {
  const s = useStrings();
  const id = useId();
  const { x, y, paths, xTicks, yTicks } = useMemo(() => {
    let xLo = Infinity;
    let xHi = -Infinity;
    let yLo = Infinity;
    let yHi = -Infinity;
    for (const ser of series) {
      const xs = xsOf(ser);
      for (let i = 0; i < ser.values.length; i++) {
        const v = ser.values[i];
        xLo = Math.min(xLo, xs[i]);
        xHi = Math.max(xHi, xs[i]);
        if (Number.isFinite(v) && (!log || v > 0)) {
          yLo = Math.min(yLo, v);
          yHi = Math.max(yHi, v);
        }
      }
    }
    if (!Number.isFinite(xLo)) [xLo, xHi] = [0, 1];
    if (!Number.isFinite(yLo)) [yLo, yHi] = log ? [1e-3, 1] : [0, 1];
    if (yDomain) [yLo, yHi] = yDomain;
    if (yHi <= yLo) yHi = log ? yLo * 10 : yLo + 1;
    const xScale = linear(xLo, xHi, M.left, W - M.right);
    // Widen the y range to round values (log: whole decades), as d3's nice() would.
    if (log) {
      yLo = 10 ** Math.floor(Math.log10(yLo));
      yHi = 10 ** Math.ceil(Math.log10(yHi));
      if (yHi <= yLo) yHi = yLo * 10;
    } else if (!yDomain) {
      const step = tickStep(yLo, yHi, 5);
      yLo = Math.floor(yLo / step) * step;
      yHi = Math.ceil(yHi / step) * step;
    }
    const yLin = linear(log ? Math.log10(yLo) : yLo, log ? Math.log10(yHi) : yHi, height - M.bottom, M.top);
    const ys = log ? (v: number) => yLin(Math.log10(v)) : yLin;
    const made = series.map((ser) => {
      const xs = xsOf(ser);
      return (
        line<number>()
          .defined((i) => Number.isFinite(ser.values[i]) && (!log || ser.values[i] > 0))
          .x((i) => xScale(xs[i]))
          .y((i) => ys(ser.values[i]))(Array.from({ length: ser.values.length }, (_, i) => i)) ?? ""
      );
    });
    const yt = log ? logTicks([yLo, yHi]) : linearTicks(yLo, yHi, 5);
    return { x: xScale, y: ys, paths: made, xTicks: linearTicks(xLo, xHi, Math.min(8, Math.max(2, Math.round(xHi - xLo)))), yTicks: yt };
  }, [series, log, yDomain, height]);
  const bottom = height - M.bottom;
  const summary = series.map((ser) => `${ser.label}: ${fmt(ser.values[0])} … ${fmt(ser.values[ser.values.length - 1])}`).join("; ");

  return (
    <figure className="lesson-chart">
      <svg viewBox={`0 0 ${W} ${height}`} width="100%" role="img" aria-labelledby={`${id}-t`}>
        <title id={`${id}-t`}>{`${title}. ${summary}`}</title>
        {bands.map((b) => (
          <g key={`${b.label}@${b.from}`} className="lesson-chart-band">
            <rect x={x(b.from)} y={M.top} width={Math.max(0, x(b.to) - x(b.from))} height={bottom - M.top} />
            <text x={(x(b.from) + x(b.to)) / 2} y={M.top + 12} textAnchor="middle">
              {b.label}
            </text>
          </g>
        ))}
        {yTicks.map((v) => (
          <g key={`y${v}`} className="lesson-chart-tick">
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={M.left - 6} y={y(v)} dy="0.32em" textAnchor="end">
              {log ? fmt(v) : fmt(Math.abs(v) < 1e-12 ? 0 : v)}
            </text>
          </g>
        ))}
        {xTicks.map((v) => (
          <text key={`x${v}`} className="lesson-chart-tick" x={x(v)} y={bottom + 14} textAnchor="middle">
            {fmt(v)}
          </text>
        ))}
        <line className="axis" x1={M.left} x2={W - M.right} y1={bottom} y2={bottom} />
        <line className="axis" x1={M.left} x2={M.left} y1={M.top} y2={bottom} />
        <text className="lesson-chart-label" x={(M.left + W - M.right) / 2} y={height - 4} textAnchor="middle">
          {xLabel}
        </text>
        <text className="lesson-chart-label" transform={`translate(12 ${(M.top + bottom) / 2}) rotate(-90)`} textAnchor="middle">
          {yLabel}
        </text>
        {marker !== undefined && <line className="lesson-chart-marker" x1={x(marker)} x2={x(marker)} y1={M.top} y2={bottom} />}
        {paths.map((d, i) => (
          <path key={series[i].label} d={d} className={`lesson-chart-line c${i % 4}`} strokeDasharray={DASH[i % 4]} />
        ))}
      </svg>
      {series.length > 1 && (
        <figcaption className="lesson-chart-legend">
          {series.map((ser, i) => (
            <span key={ser.label}>
              <svg width="26" height="10" aria-hidden="true">
                <line x1="1" x2="25" y1="5" y2="5" className={`lesson-chart-line c${i % 4}`} strokeDasharray={DASH[i % 4]} />
              </svg>
              {ser.label}
            </span>
          ))}
        </figcaption>
      )}
      <details className="lesson-chart-data">
        <summary>{s.chartData}</summary>
        <div className="table-scroll">
          <table className="values-table">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{xLabel}</th>
                {series.map((ser) => (
                  <th scope="col" key={ser.label}>
                    {ser.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from(xsOf(series[0] ?? { label: "", values: [] }), (xv, i) => (
                <tr key={i}>
                  <th scope="row">{fmt(xv)}</th>
                  {series.map((ser) => (
                    <td key={ser.label}>{fmt(ser.values[i])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** Powers of ten spanning the domain (at most about six of them). */
function logTicks([lo, hi]: [number, number]): number[] {
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  const step = Math.max(1, Math.ceil((b - a) / 6));
  const out: number[] = [];
  for (let e = a; e <= b; e += step) {
    const v = 10 ** e;
    if (v >= lo * 0.999 && v <= hi * 1.001) out.push(v);
  }
  return out;
}

export interface LossLine {
  step: readonly number[];
  loss: readonly number[];
}

/** Training (and validation) loss against the training step, on a log axis; a hint until there is a point. */
export function LessonLossChart({
  title,
  train,
  validation,
  validationLabel,
  height = 170,
}: {
  title: string;
  train: LossLine;
  validation?: LossLine;
  validationLabel?: string;
  height?: number;
}) {
  const s = useStrings();
  const series = useMemo(() => {
    const out: ChartSeries[] = [{ label: s.trainingLoss, values: train.loss, x: train.step }];
    if (validation) out.push({ label: validationLabel ?? s.validationLoss, values: validation.loss, x: validation.step });
    return out;
  }, [s, train, validation, validationLabel]);
  if (train.loss.length === 0) {
    return (
      <figure className="lesson-chart lesson-chart-empty">
        <figcaption>
          {title}: {s.pressTrain}
        </figcaption>
      </figure>
    );
  }
  return <LessonChart title={title} series={series} xLabel={s.stepAxis} yLabel={s.lossAxis} log height={height} />;
}
