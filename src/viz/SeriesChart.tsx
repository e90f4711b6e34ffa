// src/viz/SeriesChart.tsx: target vs prediction over time: one-step (teacher-forced), then free-running.
import { area, line, scaleLinear } from "d3";
import { useCallback, useId, useMemo } from "react";
import { seriesStyle } from "./colors";
import { useT } from "../i18n";
import { VIZ, type VizT } from "../i18n/viz";
import { DataTableToggle, rowsNoteIn, type TableData } from "./DataTable";
import { XAxis, YAxis } from "./Axis";
import { ChartFigure, EmptyState, LineLegend, NO_DATA_MESSAGE, Readout, type LegendItem } from "./Figure";
import { seriesData } from "./chartData";
import { formatCount, formatValue } from "./format";
import { LINE_MARGIN as M, evenlySpaced, extentWhere, indices, integerTicks, isFiniteNumber, linearDomain } from "./scales";
import { useElementSize } from "./useElementSize";
import { useTimeHover, type TimeHoverProps } from "./useTimeHover";

export interface SeriesChartProps extends TimeHoverProps {
  /** The true series for t = 0 … T − 1. */
  target: ArrayLike<number>;
  /** One-step predictions, each made from the true inputs up to t, aligned with target (length T). */
  teacherForced: ArrayLike<number>;
  /** The network fed its own outputs for t = T … T + F − 1. */
  freeRun?: ArrayLike<number>;
  /** The true continuation for t = T … T + F − 1 (same length as freeRun). */
  futureTarget?: ArrayLike<number>;
  height?: number;
  title?: string;
  emptyMessage?: string;
}

const TARGET_STYLE = { color: "var(--viz-target)", dash: "" };
const TEACHER_STYLE = seriesStyle(0);
const FREE_STYLE = seriesStyle(1);
/**
 * How far free-running may stray before we call it drift: a tenth of the target's range. Chosen for the
 * eye: at chart height that is about a dozen pixels, where two lines stop looking like one.
 */
const DRIFT_FRACTION = 0.1;
/** Table rows per phase (teacher-forced, free-running). */
const TABLE_ROWS_PER_PHASE = 12;

export function SeriesChart({
  target,
  teacherForced,
  freeRun,
  futureTarget,
  hoverT,
  onHoverT,
  height = 220,
  title: titleProp,
  emptyMessage = NO_DATA_MESSAGE,
}: SeriesChartProps) {
  const tr = useT(VIZ);
  const title = titleProp ?? tr("seriesTitle");
  if (teacherForced.length !== target.length) {
    throw new Error(
      `SeriesChart: teacherForced has ${teacherForced.length} values but target has ${target.length}; ` +
        "give one one-step prediction per target timestep.",
    );
  }
  if (freeRun && futureTarget && freeRun.length !== futureTarget.length) {
    throw new Error(
      `SeriesChart: freeRun has ${freeRun.length} values but futureTarget has ${futureTarget.length}; ` +
        "both cover the same timesteps T … T + F − 1.",
    );
  }
  const { ref, width } = useElementSize<HTMLElement>();
  const clipId = `viz-clip-${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const T = target.length;
  const F = Math.max(freeRun?.length ?? 0, futureTarget?.length ?? 0);
  const count = T + F;

  const x = useMemo(
    () => scaleLinear([0, Math.max(1, count - 1)], [M.left, Math.max(M.left + 1, width - M.right)]),
    [count, width],
  );
  const y = useMemo(() => {
    const known = [target, teacherForced, ...(futureTarget ? [futureTarget] : [])];
    const base = linearDomain(extentWhere(known, isFiniteNumber) ?? extentWhere(freeRun ? [freeRun] : [], isFiniteNumber));
    const all = linearDomain(extentWhere(freeRun ? [...known, freeRun] : known, isFiniteNumber));
    // A free run that blows up would flatten everything else; show at most one target-range beyond the
    // target either way and let the line leave the plot (it is clipped, and the readout gives its values).
    const span = base[1] - base[0];
    const domain: [number, number] = [Math.max(all[0], base[0] - span), Math.min(all[1], base[1] + span)];
    return scaleLinear(domain, [height - M.bottom, M.top]).nice();
  }, [target, teacherForced, freeRun, futureTarget, height]);

  const paths = useMemo(() => {
    const targetAt = (t: number) => (t < T ? target[t] : futureTarget ? futureTarget[t - T] : NaN);
    const freeAt = (t: number) => (freeRun ? freeRun[t - T] : NaN);
    const trace = (at: (t: number) => number, ts: number[]) =>
      line<number>().defined((t) => Number.isFinite(at(t))).x(x).y((t) => y(at(t)))(ts) ?? "";
    const freeTs = indices(F).map((k) => T + k);
    const band =
      freeRun && futureTarget
        ? (area<number>()
            .defined((t) => Number.isFinite(freeAt(t)) && Number.isFinite(targetAt(t)))
            .x(x)
            .y0((t) => y(freeAt(t)))
            .y1((t) => y(targetAt(t)))(freeTs) ?? "")
        : null;
    return {
      target: trace(targetAt, indices(T + (futureTarget?.length ?? 0))),
      teacher: trace((t) => teacherForced[t], indices(T)),
      free: freeRun ? trace(freeAt, freeTs) : null,
      band,
    };
  }, [target, teacherForced, freeRun, futureTarget, T, F, x, y]);

  const summary = useMemo(() => summarise(tr, target, teacherForced, freeRun, futureTarget), [tr, target, teacherForced, freeRun, futureTarget]);
  const hover = useTimeHover(hoverT, onHoverT, count, (px) => x.invert(px));
  const buildTable = useCallback(
    () => seriesTable(tr, title, target, teacherForced, freeRun, futureTarget),
    [tr, title, target, teacherForced, freeRun, futureTarget],
  );

  const plotBottom = height - M.bottom;
  const staticLayer = useMemo(() => {
    const [y0, y1] = y.domain();
    const boundaryX = x(T - 0.5);
    const drift = summary.driftT;
    const driftValue = drift !== null && freeRun ? freeRun[drift - T] : NaN;
    const driftY = Number.isFinite(driftValue) ? Math.max(M.top, Math.min(plotBottom, y(driftValue))) : M.top;
    return (
      <>
        <defs>
          <clipPath id={clipId}>
            <rect x={M.left} y={M.top} width={Math.max(0, width - M.left - M.right)} height={Math.max(0, plotBottom - M.top)} />
          </clipPath>
        </defs>
        <YAxis ticks={y.ticks(Math.max(2, Math.floor((plotBottom - M.top) / 32)))} position={y} format={formatValue} from={plotBottom} to={M.top} x={M.left} gridTo={width - M.right} label={tr("valueAxis")} />
        <XAxis ticks={integerTicks(0, Math.max(0, count - 1), Math.max(2, Math.floor((width - M.left - M.right) / 70)))} position={x} format={formatCount} from={M.left} to={width - M.right} y={plotBottom} label={tr("timestepAxis")} />
        {y0 < 0 && y1 > 0 && <line className="viz-zero" x1={M.left} x2={width - M.right} y1={y(0)} y2={y(0)} />}
        <g clipPath={`url(#${clipId})`}>
          {paths.band !== null && <path className="viz-band" d={paths.band} fill={FREE_STYLE.color} />}
          <path className="viz-line viz-line-target" d={paths.target} stroke={TARGET_STYLE.color} />
          <path className="viz-line" d={paths.teacher} stroke={TEACHER_STYLE.color} />
          {paths.free !== null && <path className="viz-line" d={paths.free} stroke={FREE_STYLE.color} strokeDasharray={FREE_STYLE.dash} />}
        </g>
        {F > 0 && T > 0 && (
          <g className="viz-boundary">
            <line x1={boundaryX} x2={boundaryX} y1={M.top} y2={plotBottom} />
            <text x={boundaryX - 6} y={M.top + 10} textAnchor="end">
              {tr("teacherForcedMark")}
            </text>
            <text x={boundaryX + 6} y={M.top + 10}>
              {tr("freeRunningMark")}
            </text>
          </g>
        )}
        {drift !== null && (
          <g className="viz-drift">
            <circle cx={x(drift)} cy={driftY} r={5} stroke={FREE_STYLE.color} />
            <text x={x(drift) + 8} y={driftY - 8}>
              {tr("drift")}
            </text>
          </g>
        )}
      </>
    );
  }, [x, y, width, plotBottom, clipId, count, paths, T, F, summary.driftT, freeRun, tr]);

  if (count === 0) {
    return (
      <ChartFigure ref={ref} title={title}>
        <EmptyState message={emptyMessage} />
      </ChartFigure>
    );
  }

  const legend: LegendItem[] = [
    { label: tr("target"), style: TARGET_STYLE },
    { label: tr("oneStepPrediction"), style: TEACHER_STYLE },
  ];
  if (freeRun) legend.push({ label: tr("freeRunningPrediction"), style: FREE_STYLE });
  if (freeRun && futureTarget) legend.push({ label: tr("freeRunningError"), style: FREE_STYLE, mark: "band" });

  const t = hover.t;
  const point = t === null ? null : valuesAt(t, target, teacherForced, freeRun, futureTarget);
  const dot = (v: number, colour: string) =>
    t !== null && Number.isFinite(v) && v >= y.domain()[0] && v <= y.domain()[1] ? <circle cx={x(t)} cy={y(v)} r={3.5} fill={colour} /> : null;
  return (
    <ChartFigure ref={ref} title={title} data={() => seriesData(target, teacherForced, freeRun, futureTarget)}>
      <LineLegend items={legend} />
      <svg role="img" aria-label={summary.text} width={width} height={height} className="viz-plot" {...hover.plotProps}>
        <title>{title}</title>
        {staticLayer}
        {t !== null && point && (
          <g className="viz-hover">
            <line x1={x(t)} x2={x(t)} y1={M.top} y2={plotBottom} />
            {dot(point.target, TARGET_STYLE.color)}
            {dot(point.prediction, t < T ? TEACHER_STYLE.color : FREE_STYLE.color)}
          </g>
        )}
      </svg>
      <Readout isLive={hover.isFocused} text={t === null || !point ? null : readoutText(tr, t, T, point)} />
      <DataTableToggle chartTitle={title} build={buildTable} />
    </ChartFigure>
  );
}

interface PointValues {
  target: number;
  prediction: number;
}

function valuesAt(
  t: number,
  target: ArrayLike<number>,
  teacherForced: ArrayLike<number>,
  freeRun: ArrayLike<number> | undefined,
  futureTarget: ArrayLike<number> | undefined,
): PointValues {
  const T = target.length;
  if (t < T) return { target: target[t], prediction: teacherForced[t] };
  const k = t - T;
  return {
    target: futureTarget && k < futureTarget.length ? futureTarget[k] : NaN,
    prediction: freeRun && k < freeRun.length ? freeRun[k] : NaN,
  };
}

function readoutText(tr: VizT, t: number, T: number, p: PointValues): string {
  const values = { t: formatCount(t), target: formatValue(p.target), prediction: formatValue(p.prediction) };
  if (t < T) return tr("readoutTeacher", values);
  const error = p.prediction - p.target;
  return tr("readoutFree", values) + (Number.isFinite(p.target) ? tr("readoutError", { error: formatValue(error) }) : "");
}

interface Summary {
  text: string;
  /** First free-running timestep whose error passes DRIFT_FRACTION of the target's range (or is not finite). */
  driftT: number | null;
}

/** Root-mean-square of a − b over the pairs where both are finite, and how many predictions were not. */
function rmsError(prediction: ArrayLike<number>, truth: ArrayLike<number>): { rms: number; pairs: number; nonFinite: number } {
  let sum = 0;
  let pairs = 0;
  let nonFinite = 0;
  for (let i = 0; i < prediction.length; i++) {
    if (!Number.isFinite(prediction[i])) {
      nonFinite++;
      continue;
    }
    if (!Number.isFinite(truth[i])) continue;
    const d = prediction[i] - truth[i];
    sum += d * d;
    pairs++;
  }
  return { rms: pairs > 0 ? Math.sqrt(sum / pairs) : NaN, pairs, nonFinite };
}

/** The chart's accessible name: how well each phase follows the target, and where free-running drifts. */
function summarise(
  tr: VizT,
  target: ArrayLike<number>,
  teacherForced: ArrayLike<number>,
  freeRun: ArrayLike<number> | undefined,
  futureTarget: ArrayLike<number> | undefined,
): Summary {
  const T = target.length;
  const parts: string[] = [];
  if (T > 0) {
    const e = rmsError(teacherForced, target);
    let s = tr("teacherSummary", { count: tr("countTimesteps", { n: T }), rms: e.pairs > 0 ? formatValue(e.rms) : tr("notAvailable") });
    if (e.nonFinite > 0) s += tr("someNotFinite", { count: tr("countPredictions", { n: e.nonFinite }) });
    parts.push(s);
  }
  let driftT: number | null = null;
  if (freeRun && freeRun.length > 0) {
    const F = freeRun.length;
    if (!futureTarget) {
      parts.push(tr("freeNoTruth", { count: tr("countTimesteps", { n: F }) }));
    } else {
      const e = rmsError(freeRun, futureTarget);
      const range = linearDomain(extentWhere([target, futureTarget], isFiniteNumber));
      const threshold = DRIFT_FRACTION * (range[1] - range[0]);
      for (let k = 0; k < F; k++) {
        const err = Math.abs(freeRun[k] - futureTarget[k]);
        if (!(err <= threshold) && (Number.isFinite(futureTarget[k]) || !Number.isFinite(freeRun[k]))) {
          driftT = T + k;
          break;
        }
      }
      let s = tr("freeSummary", { count: tr("countTimesteps", { n: F }), rms: e.pairs > 0 ? formatValue(e.rms) : tr("notAvailable") });
      s += driftT === null ? tr("freeStaysClose") : tr("freeDrifts", { t: formatCount(driftT) });
      if (e.nonFinite > 0) s += tr("someNotFinite", { count: tr("countValues", { n: e.nonFinite }) });
      parts.push(s);
    }
  }
  return { text: parts.join(tr("partSeparator")), driftT };
}

function seriesTable(
  tr: VizT,
  title: string,
  target: ArrayLike<number>,
  teacherForced: ArrayLike<number>,
  freeRun: ArrayLike<number> | undefined,
  futureTarget: ArrayLike<number> | undefined,
): TableData {
  const T = target.length;
  const F = Math.max(freeRun?.length ?? 0, futureTarget?.length ?? 0);
  const teacherRows = evenlySpaced(T, TABLE_ROWS_PER_PHASE);
  const freeRows = evenlySpaced(F, TABLE_ROWS_PER_PHASE).map((k) => T + k);
  const cell = (v: number | undefined) => (v === undefined ? "—" : formatValue(v));
  const rows = [...teacherRows, ...freeRows].map((t) => {
    const k = t - T;
    return [
      formatCount(t),
      cell(t < T ? target[t] : futureTarget?.[k]),
      cell(t < T ? teacherForced[t] : undefined),
      cell(t >= T ? freeRun?.[k] : undefined),
    ];
  });
  let caption = tr("captionOf", { title, rows: rowsNoteIn(tr, teacherRows.length, T, "countTeacherTimesteps") });
  if (F > 0) caption += tr("andRows", { rows: rowsNoteIn(tr, freeRows.length, F, "countFreeTimesteps") });
  return { caption, headers: ["t", tr("target"), tr("teacherForcedHeader"), tr("freeRunningHeader")], rows };
}
