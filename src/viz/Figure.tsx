// src/viz/Figure.tsx: the frame every chart shares: figure and caption, legend, readout, empty state.
import type { ReactNode, Ref } from "react";
import type { SeriesStyle } from "./colors";
import "./viz.css";

/** What a chart says before there is anything to draw. */
export const NO_DATA_MESSAGE = "No data yet — press Train";

export function ChartFigure({ ref, title, children }: { ref?: Ref<HTMLElement>; title: string; children: ReactNode }) {
  return (
    <figure ref={ref} className="viz-figure">
      <figcaption className="viz-caption">{title}</figcaption>
      {children}
    </figure>
  );
}

export function EmptyState({ message }: { message: string }) {
  return <p className="viz-empty">{message}</p>;
}

/**
 * The value under the hover, in words. Its height is kept when empty so the layout does not jump; it is a
 * live region only while its chart has focus, so linked charts do not all speak at once.
 */
export function Readout({ text, isLive, hint = TIMESTEP_HINT }: { text: string | null; isLive: boolean; hint?: string }) {
  return (
    <p className="viz-readout" aria-live={isLive ? "polite" : "off"}>
      {text ?? <span className="viz-hint">{hint}</span>}
    </p>
  );
}

const TIMESTEP_HINT = "Hover, or focus the chart and use ← →, to read a timestep.";

export interface LegendItem {
  label: string;
  style: SeriesStyle;
  /** "band" draws a filled swatch (an error band) instead of a line. */
  mark?: "line" | "band";
}

/** A legend that repeats each line's dash as well as its colour. */
export function LineLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="viz-legend">
      {items.map(({ label, style, mark = "line" }) => (
        <li key={label}>
          <svg width={28} height={12} aria-hidden="true" focusable="false">
            {mark === "band" ? (
              <rect x={2} y={2} width={24} height={8} fill={style.color} opacity={0.3} />
            ) : (
              <line x1={2} x2={26} y1={6} y2={6} stroke={style.color} strokeDasharray={style.dash || undefined} strokeWidth={2.5} />
            )}
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}
