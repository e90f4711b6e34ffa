// src/widgets/translate/AttentionMatrix.tsx: the attention weights of one decoding (output steps × input symbols) as
// an SVG grid. Hovering or focusing an output symbol lights its row and the inputs it attends to; the gist below
// says where it looks most, for readers who cannot see the colours.
import { useMemo } from "react";
import { interpolateBlues, scaleSequential } from "d3";
import { useT } from "../../i18n";
import { TRANSLATE_TEXT } from "../../i18n/translate";

export interface AttentionMatrixProps {
  /** Weights [rows][cols], row-major. */
  weights: Float64Array;
  /** Output symbols (one per row) and input symbols (one per column). */
  outputs: readonly string[];
  inputs: readonly string[];
  hoverRow: number | null;
  onHoverRow: (row: number | null) => void;
}

const CELL = 18;
const LEFT = 44;
const TOP = 26;

/** A symbol as a label: a space shown as ␣. */
export function showSymbol(s: string): string {
  return s === " " ? "␣" : s;
}

/** The input each output row attends to most, and its weight. */
export function strongest(weights: Float64Array, row: number, cols: number): { col: number; weight: number } {
  let col = 0;
  for (let s = 1; s < cols; s++) if (weights[row * cols + s] > weights[row * cols + col]) col = s;
  return { col, weight: weights[row * cols + col] };
}

export function AttentionMatrix({ weights, outputs, inputs, hoverRow, onHoverRow }: AttentionMatrixProps) {
  const t = useT(TRANSLATE_TEXT);
  const rows = outputs.length;
  const cols = inputs.length;
  const color = useMemo(() => scaleSequential(interpolateBlues).domain([0, 1]), []);
  const width = LEFT + cols * CELL + 4;
  const height = TOP + rows * CELL + 4;
  const focus = hoverRow !== null && hoverRow < rows ? strongest(weights, hoverRow, cols) : null;
  const cells = [];
  for (let r = 0; r < rows; r++) {
    for (let s = 0; s < cols; s++) {
      const w = weights[r * cols + s];
      const dim = hoverRow !== null && r !== hoverRow;
      cells.push(<rect key={`${r}:${s}`} x={LEFT + s * CELL} y={TOP + r * CELL} width={CELL - 1} height={CELL - 1} fill={color(w)} opacity={dim ? 0.25 : 1} />);
    }
  }
  return (
    <div className="tr-attention">
      <div className="tr-scroll">
        <svg width={width} height={height} role="img" aria-label={t("attentionLabel", { rows, cols })} className="tr-attention-svg">
          {inputs.map((s, i) => (
            <text
              key={`in${i}`}
              x={LEFT + i * CELL + CELL / 2}
              y={TOP - 8}
              textAnchor="middle"
              className={focus && focus.col === i ? "tr-axis tr-axis-hot" : "tr-axis"}
            >
              {showSymbol(s)}
            </text>
          ))}
          {cells}
          {hoverRow !== null && hoverRow < rows && (
            <rect x={LEFT - 1} y={TOP + hoverRow * CELL - 1} width={cols * CELL + 1} height={CELL + 1} fill="none" className="tr-row-outline" />
          )}
        </svg>
        <div className="tr-row-labels" style={{ top: TOP, height: rows * CELL }}>
          {outputs.map((o, r) => (
            <button
              key={`out${r}`}
              type="button"
              className={r === hoverRow ? "tr-out tr-out-hot" : "tr-out"}
              style={{ height: CELL, width: LEFT - 4 }}
              aria-label={t("outputSymbol", { t: r + 1, symbol: showSymbol(o) })}
              aria-pressed={r === hoverRow}
              onMouseEnter={() => {
                onHoverRow(r);
              }}
              onMouseLeave={() => {
                onHoverRow(null);
              }}
              onFocus={() => {
                onHoverRow(r);
              }}
              onBlur={() => {
                onHoverRow(null);
              }}
            >
              {showSymbol(o)}
            </button>
          ))}
        </div>
      </div>
      <p className="tr-note" aria-live="polite">
        {focus && hoverRow !== null
          ? t("attendsTo", { t: hoverRow + 1, out: showSymbol(outputs[hoverRow]), s: focus.col + 1, in: showSymbol(inputs[focus.col]), w: focus.weight.toFixed(2) })
          : t("attentionHelp")}
      </p>
    </div>
  );
}
