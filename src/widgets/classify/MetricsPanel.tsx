// src/widgets/classify/MetricsPanel.tsx: loss and accuracy while training (training and validation), the confusion
// matrix and precision/recall/F1 on the balanced validation part, and the test accuracy.
import { useCallback, useMemo } from "react";
import { scaleLinear } from "d3";
import { useT } from "../../i18n";
import { CLASSIFY } from "../../i18n/classify";
import { LossChart } from "../../viz";
import { ChartFigure } from "../../viz/Figure";
import { seriesStyle } from "../../viz/colors";
import { useElementSize } from "../../viz/useElementSize";
import { useClasses, useClassify } from "./ClassifyStoreProvider";
import { pct } from "./text";

const EMPTY = new Float64Array(0);

export function MetricsPanel() {
  const t = useT(CLASSIFY);
  const s = useClassify((st) => st.snapshot);
  const classes = useClasses();
  const history = s?.history;
  const train = useMemo(() => ({ step: history?.step ?? EMPTY, loss: history?.train ?? EMPTY }), [history]);
  const val = useMemo(() => ({ step: history?.valStep ?? EMPTY, loss: history?.val ?? EMPTY }), [history]);
  return (
    <section className="classify-panel" aria-labelledby="classify-metrics-h">
      <h2 id="classify-metrics-h">{t("metricsHeading")}</h2>
      {s && (
        <p className="classify-figures">
          {t("testLine", { test: pct(s.test.accuracy), val: pct(s.validation.accuracy), chance: pct(1 / Math.max(1, classes.length)), majority: pct(s.majorityTrain), f1: Number.isFinite(s.validation.macroF1) ? s.validation.macroF1.toFixed(3) : "–" })}
        </p>
      )}
      <div className="classify-charts">
        <LossChart title={t("lossTitle")} train={train} validation={val} height={170} />
        <AccuracyChart />
      </div>
      {s && <Confusion classes={classes} confusion={s.validation.confusion} />}
      {s && (
        <table className="classify-table">
          <caption>{t("prfCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("classCol")}</th>
              <th scope="col">{t("precision")}</th>
              <th scope="col">{t("recall")}</th>
              <th scope="col">F1</th>
            </tr>
          </thead>
          <tbody>
            {classes.map((c, i) => (
              <tr key={c}>
                <th scope="row">{c}</th>
                <td>{pct(s.validation.precision[i])}</td>
                <td>{pct(s.validation.recall[i])}</td>
                <td>{Number.isFinite(s.validation.f1[i]) ? s.validation.f1[i].toFixed(3) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Confusion({ classes, confusion }: { classes: readonly string[]; confusion: number[][] }) {
  const t = useT(CLASSIFY);
  const max = Math.max(1, ...confusion.flat());
  return (
    <table className="classify-table classify-confusion">
      <caption>{t("confusionCaption")}</caption>
      <thead>
        <tr>
          <td />
          {classes.map((c) => (
            <th key={c} scope="col">
              {t("predictedAs", { c })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {classes.map((c, r) => (
          <tr key={c}>
            <th scope="row">{t("trulyIs", { c })}</th>
            {classes.map((_, p) => {
              const n = confusion[r]?.[p] ?? 0;
              const share = n / max;
              return (
                <td key={p} className={r === p ? "classify-diag" : undefined} style={{ background: `rgba(${r === p ? "0,114,178" : "213,94,0"},${(0.1 + 0.5 * share).toFixed(2)})` }}>
                  {n}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const M = { top: 8, right: 12, bottom: 30, left: 44 };
const TRAIN_STYLE = seriesStyle(0);
const VAL_STYLE = seriesStyle(1);

/** Accuracy over steps: training (smoothed over batches) and validation, on a linear 0–100 % axis. */
function AccuracyChart() {
  const t = useT(CLASSIFY);
  const s = useClassify((st) => st.snapshot);
  const { ref, width } = useElementSize<HTMLElement>();
  const height = 170;
  const title = t("accTitle");
  const steps = s?.accStep ?? EMPTY;
  const acc = s?.trainAcc ?? EMPTY;
  const vSteps = s?.valAccStep ?? EMPTY;
  const vAcc = s?.valAcc ?? EMPTY;
  const maxStep = Math.max(1, steps.at(-1) ?? 0, vSteps.at(-1) ?? 0);
  const x = scaleLinear([0, maxStep], [M.left, Math.max(M.left + 1, width - M.right)]);
  const y = scaleLinear([0, 1], [height - M.bottom, M.top]);
  const path = (xs: Float64Array, ys: Float64Array): string => {
    let d = "";
    for (let i = 0; i < xs.length; i++) if (Number.isFinite(ys[i])) d += `${d === "" ? "M" : "L"}${x(xs[i]).toFixed(1)},${y(ys[i]).toFixed(1)}`;
    return d;
  };
  const data = useCallback(() => {
    const rows: (number | null)[][] = [];
    for (let i = 0; i < steps.length; i++) rows.push([steps[i], acc[i], null]);
    for (let i = 0; i < vSteps.length; i++) rows.push([vSteps[i], null, vAcc[i]]);
    return { headers: ["step", "train accuracy", "validation accuracy"], rows };
  }, [steps, acc, vSteps, vAcc]);
  const last = vAcc.length > 0 ? vAcc[vAcc.length - 1] : NaN;
  return (
    <ChartFigure ref={ref} title={title} data={data}>
      <svg width={Math.max(width, 1)} height={height} role="img" aria-label={t("accAria", { val: pct(last), points: vAcc.length })}>
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line x1={M.left} x2={width - M.right} y1={y(v)} y2={y(v)} className="classify-grid" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" className="classify-tick">
              {`${v * 100}%`}
            </text>
          </g>
        ))}
        <text x={(M.left + width - M.right) / 2} y={height - 6} textAnchor="middle" className="classify-tick">
          {t("stepAxis")}
        </text>
        <path d={path(steps, acc)} fill="none" stroke={TRAIN_STYLE.color} strokeWidth={1.5} />
        <path d={path(vSteps, vAcc)} fill="none" stroke={VAL_STYLE.color} strokeDasharray={VAL_STYLE.dash} strokeWidth={1.5} />
      </svg>
      <p className="classify-legend">
        <span>
          <span aria-hidden="true" style={{ color: TRAIN_STYLE.color }}>
            ━{" "}
          </span>
          {t("trainLegend")}
        </span>{" "}
        <span>
          <span aria-hidden="true" style={{ color: VAL_STYLE.color }}>
            ┅{" "}
          </span>
          {t("valLegend")}
        </span>
      </p>
    </ChartFigure>
  );
}
