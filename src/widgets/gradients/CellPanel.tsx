// src/widgets/gradients/CellPanel.tsx: one cell's column: accuracy, ‖∂L/∂h_t‖ now and over training, total norm.
import { useMemo } from "react";
import { GradHeatmap } from "../../viz/GradHeatmap";
import { GradStepChart, type GradStepSeries } from "../../viz/GradStepChart";
import { GradNormChart, type GradNormSeries } from "../../viz/GradNormChart";
import { formatCount, formatValue } from "../../viz/format";
import type { GradCellView } from "../../worker/protocol";
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
  const normSeries = useMemo(() => (cell ? normSeriesOf(cell) : []), [cell]);
  const totalSeries = useMemo<GradStepSeries[]>(
    () =>
      cell
        ? [
            { label: "before clipping", step: cell.history.step, values: cell.history.gradNorm },
            { label: "after clipping", step: cell.history.step, values: cell.history.clippedNorm },
          ]
        : [],
    [cell],
  );
  const accuracySeries = useMemo<GradStepSeries[]>(
    () => (cell ? [{ label: "held-out accuracy", step: cell.history.accStep, values: cell.history.accuracy }] : []),
    [cell],
  );
  if (!cell) return null;
  const name = CELL_NAMES[cell.cell];
  const headingId = `grad-cell-${cell.cell}`;
  return (
    <section className="grad-cell" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <p className="grad-accuracy">{accuracyText(cell, numClasses)}</p>
      <p className="grad-figures">
        Loss {formatValue(cell.loss)} · ‖∂L/∂θ‖ {formatValue(cell.gradNorm)}
        {cell.clipped ? `, clipped to ${formatValue(cell.clippedNorm)}` : ""}
      </p>
      {cell.divergence && (
        <div role="alert" className="grad-alert grad-alert-danger">
          <p>
            <strong>{divergenceText(cell.cell, cell.divergence)}</strong>
          </p>
          <p>{divergenceAdvice(settings)}</p>
          {!settings.clip && !isClipLocked && (
            <button
              type="button"
              onClick={() => {
                store.getState().restartWithClipping();
              }}
            >
              Turn on clipping and run again
            </button>
          )}
        </div>
      )}
      <Panel id="norms">
        <GradNormChart
          series={normSeries}
          title={`${name}: gradient norm per timestep`}
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
          label={`${name}: ‖∂L/∂h_t‖ over training`}
          domain={heatmapDomain}
          hoverT={hoverT}
          onHoverT={onHoverT}
        />
      </Panel>
      <Panel id="total">
        <GradStepChart
          series={totalSeries}
          title={`${name}: total gradient norm ‖∂L/∂θ‖`}
          yLabel="norm (log)"
          reference={clipMaxNorm !== null ? { value: clipMaxNorm, label: `max norm ${formatValue(clipMaxNorm)}` } : null}
          emptyMessage="No steps yet — press Train or Step"
          height={150}
        />
      </Panel>
      <Panel id="accuracy">
        <GradStepChart
          series={accuracySeries}
          title={`${name}: held-out accuracy`}
          yLabel="accuracy"
          yScale="linear"
          yDomain={[0, 1]}
          reference={numClasses > 0 ? { value: 1 / numClasses, label: `chance ${formatPercent(1 / numClasses)}` } : null}
          format={formatPercent}
          emptyMessage="Not measured yet"
          height={130}
        />
      </Panel>
      <p className="grad-note">
        Step {formatCount(cell.step)}
        {cell.divergence ? " (stopped)" : ""}.
      </p>
    </section>
  );
}

function normSeriesOf(c: GradCellView): GradNormSeries[] {
  const p = c.profile;
  const series: GradNormSeries[] = [{ label: "‖∂L/∂h_t‖", values: p.dhNorm }];
  if (p.dcNorm) series.push({ label: "‖∂L/∂c_t‖", values: p.dcNorm });
  const predicted = c.cell === "rnn" ? "‖∂L/∂h_t‖ predicted by ρ · tanh′" : c.cell === "lstm" ? "‖∂L/∂c_t‖ predicted by f alone" : "‖∂L/∂h_t‖ predicted by z alone";
  series.push({ label: predicted, values: p.predicted });
  if (p.radiusOnly) series.push({ label: "predicted by ρ(W_hh) alone", values: p.radiusOnly });
  return series;
}
