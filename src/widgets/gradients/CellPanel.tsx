// src/widgets/gradients/CellPanel.tsx: one cell's column: accuracy, ‖∂L/∂h_t‖ now and over training, total norm.
import { useMemo } from "react";
import { useT, type Translate } from "../../i18n";
import { GRADS } from "../../i18n/gradients";
import { VIZ } from "../../i18n/viz";
import { GradHeatmap } from "../../viz/GradHeatmap";
import { GradStepChart, type GradStepSeries } from "../../viz/GradStepChart";
import { GradNormChart, type GradNormSeries } from "../../viz/GradNormChart";
import { formatCount, formatValue } from "../../viz/format";
import type { GradCellView } from "../../worker/gradients/protocol";
import { useGrad, useGradStore } from "./GradStoreProvider";
import { Panel, useIsLocked } from "../../embed/EmbedContext";
import { accuracyText, CELL_NAMES, divergenceAdvice, divergenceText, formatPercent } from "./text";

export interface CellPanelProps {
  index: number;
  /** The log10 colour domain shared by the three heatmaps, so their colours compare. */
  heatmapDomain: [number, number] | undefined;
}

export function CellPanel({ index, heatmapDomain }: CellPanelProps) {
  const store = useGradStore();
  const t = useT(GRADS);
  const tv = useT(VIZ);
  const cell = useGrad((s) => s.snapshot?.cells[index] ?? null);
  const T = useGrad((s) => s.snapshot?.T ?? 0);
  const numClasses = useGrad((s) => s.snapshot?.numClasses ?? 0);
  const hoverT = useGrad((s) => s.hoverT);
  const clipMaxNorm = useGrad((s) => (s.settings.clip ? s.settings.clipNorm : null));
  const settings = useGrad((s) => s.settings);
  const isClipLocked = useIsLocked("clip");
  const onHoverT = (t: number | null) => {
    store.getState().setHoverT(t);
  };
  const normSeries = useMemo(() => (cell ? normSeriesOf(t, cell) : []), [cell, t]);
  const totalSeries = useMemo<GradStepSeries[]>(
    () =>
      cell
        ? [
            { label: t("beforeClipping"), step: cell.history.step, values: cell.history.gradNorm },
            { label: t("afterClipping"), step: cell.history.step, values: cell.history.clippedNorm },
          ]
        : [],
    [cell, t],
  );
  const accuracySeries = useMemo<GradStepSeries[]>(
    () => (cell ? [{ label: t("heldOutAccuracy"), step: cell.history.accStep, values: cell.history.accuracy }] : []),
    [cell, t],
  );
  if (!cell) return null;
  const name = CELL_NAMES[cell.cell];
  const headingId = `grad-cell-${cell.cell}`;
  return (
    <section className="grad-cell" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <p className="grad-accuracy">{accuracyText(t, cell, numClasses)}</p>
      <p className="grad-figures">
        {t("figures", { loss: formatValue(cell.loss), norm: formatValue(cell.gradNorm) })}
        {cell.clipped ? t("clippedTo", { norm: formatValue(cell.clippedNorm) }) : ""}
      </p>
      {cell.divergence && (
        <div role="alert" className="grad-alert grad-alert-danger">
          <p>
            <strong>{divergenceText(t, cell.cell, cell.divergence)}</strong>
          </p>
          <p>{divergenceAdvice(t, settings)}</p>
          {!settings.clip && !isClipLocked && (
            <button
              type="button"
              onClick={() => {
                store.getState().restartWithClipping();
              }}
            >
              {t("clipAndRerun")}
            </button>
          )}
        </div>
      )}
      <Panel id="norms">
        <GradNormChart
          series={normSeries}
          title={t("normPerTimestep", { name })}
          scaleBy={cell.profile.dcNorm ? 2 : 1}
          hoverT={hoverT}
          onHoverT={onHoverT}
          height={190}
        />
      </Panel>
      <Panel id="heatmap">
        <GradHeatmap
          log10={cell.rows.log10}
          steps={cell.rows.steps}
          rows={cell.rows.rows}
          T={T}
          label={t("normOverTraining", { name })}
          domain={heatmapDomain}
          hoverT={hoverT}
          onHoverT={onHoverT}
        />
      </Panel>
      <Panel id="total">
        <GradStepChart
          series={totalSeries}
          title={t("totalNorm", { name })}
          yLabel={tv("normAxis")}
          reference={clipMaxNorm !== null ? { value: clipMaxNorm, label: t("maxNorm", { norm: formatValue(clipMaxNorm) }) } : null}
          emptyMessage={t("noStepsYet")}
          height={150}
        />
      </Panel>
      <Panel id="accuracy">
        <GradStepChart
          series={accuracySeries}
          title={t("accuracyTitle", { name })}
          yLabel={t("accuracyAxis")}
          yScale="linear"
          yDomain={[0, 1]}
          reference={numClasses > 0 ? { value: 1 / numClasses, label: t("chance", { p: formatPercent(1 / numClasses) }) } : null}
          format={formatPercent}
          emptyMessage={t("notMeasuredYet")}
          height={130}
        />
      </Panel>
      <p className="grad-note">{t("cellStep", { step: formatCount(cell.step), isStopped: cell.divergence !== null })}</p>
    </section>
  );
}

function normSeriesOf(t: Translate<typeof GRADS>, c: GradCellView): GradNormSeries[] {
  const p = c.profile;
  const series: GradNormSeries[] = [{ label: "‖∂L/∂h_t‖", values: p.dhNorm }];
  if (p.dcNorm) series.push({ label: "‖∂L/∂c_t‖", values: p.dcNorm });
  const predicted = c.cell === "rnn" ? t("predictedRnn") : c.cell === "lstm" ? t("predictedLstm") : t("predictedGru");
  series.push({ label: predicted, values: p.predicted });
  if (p.radiusOnly) series.push({ label: t("predictedByRadius"), values: p.radiusOnly });
  return series;
}
