// src/viz/LossChart.tsx: loss per optimiser step on a log y axis, training and validation; gaps where not finite.
import { bisectCenter, line, scaleLinear, scaleLog } from "d3";
import { useCallback, useMemo } from "react";
import { seriesStyle } from "./colors";
import { useT } from "../i18n";
import { VIZ, VIZ_EN, type VizT } from "../i18n/viz";
import { DataTableToggle, rowsNoteIn, type TableData } from "./DataTable";
import { XAxis, YAxis } from "./Axis";
import { ChartFigure, EmptyState, LineLegend, NO_DATA_MESSAGE, Readout, type LegendItem } from "./Figure";
import { lossData } from "./chartData";
import { formatCount, formatLogTick, formatValue } from "./format";
import {
  LINE_MARGIN as M,
  decimateMinMax,
  evenlySpaced,
  extentWhere,
  integerTicks,
  isFiniteNumber,
  isPositiveFinite,
  linearDomain,
  logDomain,
  logTicks,
} from "./scales";
import { useElementSize } from "./useElementSize";
import { useTimeHover } from "./useTimeHover";

export interface LossSeries {
  /** Optimiser step of each logged loss, ascending. */
  step: Float64Array | number[];
  /** Loss at that step, same length as `step`; NaN or ±∞ after a divergence is drawn as a gap. */
  loss: Float64Array | number[];
}

export interface LossChartProps {
  train: LossSeries;
  validation?: LossSeries;
  /** Total height in pixels, axes included. */
  height?: number;
  title?: string;
  emptyMessage?: string;
}

const TRAIN_STYLE = seriesStyle(0);
const VALIDATION_STYLE = seriesStyle(1);
/** Rows in the data table: enough to read the trend, few enough to read at all. */
const TABLE_ROWS = 20;

export function LossChart({ train, validation, height = 180, title: titleProp, emptyMessage = NO_DATA_MESSAGE }: LossChartProps) {
  const t = useT(VIZ);
  const title = titleProp ?? t("lossTitle");
  checkSeries("train", train);
  if (validation) checkSeries("validation", validation);
  // Memos key on the arrays, not on the { step, loss } wrappers a parent may rebuild every render.
  const { step: trainStep, loss: trainLoss } = train;
  const validationStep = validation?.step;
  const validationLoss = validation?.loss;
  const { ref, width } = useElementSize<HTMLElement>();
  const nTrain = trainLoss.length;
  const hasData = nTrain > 0 || (validationLoss?.length ?? 0) > 0;

  const x = useMemo(() => {
    const ext = extentWhere(validationStep ? [trainStep, validationStep] : [trainStep], isFiniteNumber);
    const domain: [number, number] = ext && ext[0] === ext[1] ? [ext[0] - 1, ext[1] + 1] : linearDomain(ext);
    return scaleLinear(domain, [M.left, Math.max(M.left + 1, width - M.right)]);
  }, [trainStep, validationStep, width]);

  const y = useMemo(() => {
    const positive = extentWhere(validationLoss ? [trainLoss, validationLoss] : [trainLoss], isPositiveFinite);
    const scale = scaleLog(logDomain(positive), [height - M.bottom, M.top]);
    // Round to whole decades only when the data spans one: a loss between 0.3 and 0.7 would be squashed.
    const [lo, hi] = scale.domain();
    return hi / lo >= 10 ? scale.nice() : scale;
  }, [trainLoss, validationLoss, height]);

  const plotWidth = Math.max(1, width - M.left - M.right);
  const trainPath = useMemo(() => lossPath(trainStep, trainLoss, x, y, plotWidth), [trainStep, trainLoss, x, y, plotWidth]);
  const validationPath = useMemo(
    () => (validationStep && validationLoss ? lossPath(validationStep, validationLoss, x, y, plotWidth) : null),
    [validationStep, validationLoss, x, y, plotWidth],
  );

  const hover = useTimeHover(undefined, undefined, nTrain, (px) => (nTrain > 0 ? bisectCenter(trainStep, x.invert(px)) : NaN));

  const ariaLabel = useMemo(
    () => describeLoss({ step: trainStep, loss: trainLoss }, seriesOrNone(validationStep, validationLoss), t),
    [trainStep, trainLoss, validationStep, validationLoss, t],
  );
  const buildTable = useCallback(
    () => lossTable(t, title, { step: trainStep, loss: trainLoss }, seriesOrNone(validationStep, validationLoss)),
    [t, title, trainStep, trainLoss, validationStep, validationLoss],
  );

  const staticLayer = useMemo(() => {
    const xTicks = integerTicks(x.domain()[0], x.domain()[1], Math.max(2, Math.floor(plotWidth / 90)));
    const yTicks = logTicks(y, Math.max(2, Math.floor((height - M.top - M.bottom) / 28)));
    return (
      <>
        <YAxis ticks={yTicks} position={y} format={formatLogTick} from={height - M.bottom} to={M.top} x={M.left} gridTo={width - M.right} label={t("lossAxis")} />
        <XAxis ticks={xTicks} position={x} format={formatCount} from={M.left} to={width - M.right} y={height - M.bottom} label={t("stepAxis")} />
        <path className="viz-line" d={trainPath} stroke={TRAIN_STYLE.color} />
        {validationPath !== null && (
          <path className="viz-line" d={validationPath} stroke={VALIDATION_STYLE.color} strokeDasharray={VALIDATION_STYLE.dash} />
        )}
      </>
    );
  }, [x, y, width, height, plotWidth, trainPath, validationPath, t]);

  if (!hasData) {
    return (
      <ChartFigure ref={ref} title={title}>
        <EmptyState message={emptyMessage} />
      </ChartFigure>
    );
  }

  const legend: LegendItem[] = [{ label: t("training"), style: TRAIN_STYLE }];
  if (validation) legend.push({ label: t("validation"), style: VALIDATION_STYLE });

  const i = hover.t;
  const iValidation = i !== null && validation && validation.step.length > 0 ? bisectCenter(validation.step, train.step[i]) : null;
  return (
    <ChartFigure ref={ref} title={title} data={() => lossData({ step: trainStep, loss: trainLoss }, seriesOrNone(validationStep, validationLoss))}>
      <LineLegend items={legend} />
      <svg role="img" aria-label={ariaLabel} width={width} height={height} className="viz-plot" {...hover.plotProps}>
        <title>{title}</title>
        {staticLayer}
        {i !== null && (
          <g className="viz-hover">
            <line x1={x(train.step[i])} x2={x(train.step[i])} y1={M.top} y2={height - M.bottom} />
            {isPositiveFinite(train.loss[i]) && <circle cx={x(train.step[i])} cy={y(train.loss[i])} r={3.5} fill={TRAIN_STYLE.color} />}
            {validation && iValidation !== null && isPositiveFinite(validation.loss[iValidation]) && (
              <circle cx={x(validation.step[iValidation])} cy={y(validation.loss[iValidation])} r={3.5} fill={VALIDATION_STYLE.color} />
            )}
          </g>
        )}
      </svg>
      <Readout
        isLive={hover.isFocused}
        hint={t("lossHint")}
        text={
          i === null
            ? null
            : t("lossReadout", { step: formatCount(train.step[i]), loss: formatValue(train.loss[i]) }) +
              (validation && iValidation !== null
                ? t("lossReadoutValidation", { loss: formatValue(validation.loss[iValidation]) }) +
                  (validation.step[iValidation] !== train.step[i] ? t("lossReadoutAtStep", { step: formatCount(validation.step[iValidation]) }) : "")
                : "")
        }
      />
      <DataTableToggle chartTitle={title} build={buildTable} />
    </ChartFigure>
  );
}

function checkSeries(name: string, s: LossSeries): void {
  if (s.step.length !== s.loss.length) {
    throw new Error(
      `LossChart: ${name}.step has ${s.step.length} entries but ${name}.loss has ${s.loss.length}; ` +
        "give one step number per logged loss.",
    );
  }
}

function seriesOrNone(step: LossSeries["step"] | undefined, loss: LossSeries["loss"] | undefined): LossSeries | undefined {
  return step && loss ? { step, loss } : undefined;
}

/** The path of one loss series; with far more points than pixels, min/max per pixel keeps spikes and gaps. */
function lossPath(
  step: LossSeries["step"],
  loss: LossSeries["loss"],
  x: (v: number) => number,
  y: (v: number) => number,
  plotWidth: number,
): string {
  const ok = (i: number) => isPositiveFinite(loss[i]) && Number.isFinite(step[i]);
  const drawn = decimateMinMax(loss, loss.length, Math.ceil(plotWidth), isPositiveFinite);
  return line<number>().defined(ok).x((i) => x(step[i])).y((i) => y(loss[i]))(drawn) ?? "";
}

/**
 * "Training loss fell from 0.51 to 0.0042 over 1,200 steps", where the step count is the distance between the
 * first and last finite values; a tail of non-finite values reads "then NaN from step 1,201".
 */
export function describeLoss(train: LossSeries, validation?: LossSeries, t: VizT = VIZ_EN): string {
  const parts = [describeOne(t, t("trainingLoss"), train)];
  if (validation && validation.loss.length > 0) parts.push(describeOne(t, t("validationLoss"), validation));
  return parts.join(t("partSeparator"));
}

function describeOne(t: VizT, name: string, { step, loss }: LossSeries): string {
  const n = loss.length;
  if (n === 0) return t("noValuesYet", { name });
  let first = -1;
  let last = -1;
  let nonFinite = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(loss[i])) {
      if (first < 0) first = i;
      last = i;
    } else {
      nonFinite++;
    }
  }
  if (first < 0) return t("neverFinite", { name, count: t("countLoggedSteps", { n }) });
  let text: string;
  if (first === last) {
    text = t("lossAt", { name, value: formatValue(loss[first]), step: formatCount(step[first]) });
  } else {
    const a = loss[first];
    const b = loss[last];
    // 5% either way: smaller moves read as flat, which is what a learner should hear.
    const trend = b < a * 0.95 ? "lossFell" : b > a * 1.05 ? "lossRose" : "lossFlat";
    text = t(trend, { name, a: formatValue(a), b: formatValue(b), count: t("countSteps", { n: step[last] - step[first] }) });
  }
  const tail = n - 1 - last;
  const inner = nonFinite - tail - first;
  if (inner > 0) text += t("notFiniteBetween", { count: t("countLoggedSteps", { n: inner }) });
  if (tail > 0) text += t("thenFrom", { value: formatValue(loss[last + 1]), step: formatCount(step[last + 1]) });
  return text;
}

/** Rows over the union of training and validation steps (both ascending), evenly thinned. */
function lossTable(t: VizT, title: string, train: LossSeries, validation?: LossSeries): TableData {
  const merged: { step: number; train: string; validation: string }[] = [];
  const v = validation ?? { step: [], loss: [] };
  let a = 0;
  let b = 0;
  while (a < train.step.length || b < v.step.length) {
    const sa = a < train.step.length ? train.step[a] : Infinity;
    const sb = b < v.step.length ? v.step[b] : Infinity;
    const step = Math.min(sa, sb);
    merged.push({
      step,
      train: sa === step ? formatValue(train.loss[a++]) : "—",
      validation: sb === step ? formatValue(v.loss[b++]) : "—",
    });
  }
  const picked = evenlySpaced(merged.length, TABLE_ROWS);
  const headers = validation ? [t("stepHeader"), t("trainingLossHeader"), t("validationLossHeader")] : [t("stepHeader"), t("trainingLossHeader")];
  return {
    caption: t("captionOf", { title, rows: rowsNoteIn(t, picked.length, merged.length, "countLoggedSteps") }),
    headers,
    rows: picked.map((k) => {
      const r = merged[k];
      return validation ? [formatCount(r.step), r.train, r.validation] : [formatCount(r.step), r.train];
    }),
  };
}
