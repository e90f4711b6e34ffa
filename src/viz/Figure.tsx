// src/viz/Figure.tsx: the frame every chart shares: figure and caption, legend, readout, empty state.
import { useRef, useState, type MouseEvent, type ReactNode, type Ref } from "react";
import type { SeriesStyle } from "./colors";
import { downloadCsv, downloadPng, downloadSvg, type ChartData } from "./exportChart";
import { useT } from "../i18n";
import { CHART_EXPORT } from "../i18n/chartExport";
import { VIZ } from "../i18n/viz";
import "./viz.css";

/** What a chart says before there is anything to draw (in English; EmptyState shows it in the page's language). */
export const NO_DATA_MESSAGE = "No data yet — press Train";

/** `data`, when given, adds the Export menu: the chart as PNG or SVG, and `data()` (called on demand) as CSV. */
export function ChartFigure({ ref, title, children, data }: { ref?: Ref<HTMLElement>; title: string; children: ReactNode; data?: () => ChartData }) {
  return (
    <figure ref={ref} className={data ? "viz-figure viz-figure-export" : "viz-figure"}>
      <figcaption className="viz-caption">{title}</figcaption>
      {children}
      {data && <ExportMenu title={title} data={data} />}
    </figure>
  );
}

/** A disclosure with three downloads; it finds its chart as the figure around it (see exportChart.ts). */
function ExportMenu({ title, data }: { title: string; data: () => ChartData }) {
  const t = useT(CHART_EXPORT);
  const summaryRef = useRef<HTMLElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const download = (what: string, make: (figure: HTMLElement) => void | Promise<void>) => (e: MouseEvent<HTMLButtonElement>) => {
    const figure = e.currentTarget.closest("figure");
    const menu = e.currentTarget.closest("details");
    if (!figure) return;
    setProblem(null);
    void (async () => {
      try {
        await make(figure);
        if (menu) menu.open = false;
      } catch (err) {
        setProblem(t("couldNotMake", { what, why: (err as Error).message }));
      }
    })();
  };
  return (
    <details
      className="viz-export"
      onKeyDown={(e) => {
        if (e.key !== "Escape" || !e.currentTarget.open) return;
        e.preventDefault();
        e.currentTarget.open = false;
        summaryRef.current?.focus();
      }}
    >
      <summary ref={summaryRef}>
        {t("exportMenu")}
        <span className="viz-sr-only"> {title}</span>
      </summary>
      <div className="viz-export-menu" role="group" aria-label={t("exportGroup", { title })}>
        <button type="button" onClick={download("PNG", (f) => downloadPng(f, title))}>
          {t("downloadPng")}
        </button>
        <button type="button" onClick={download("SVG", (f) => { downloadSvg(f, title); })}>
          {t("downloadSvg")}
        </button>
        <button type="button" onClick={download("CSV", () => { downloadCsv(data(), title); })}>
          {t("downloadCsv")}
        </button>
        {problem && (
          <p role="alert" className="viz-export-problem">
            {problem}
          </p>
        )}
      </div>
    </details>
  );
}

export function EmptyState({ message }: { message: string }) {
  const t = useT(VIZ);
  return <p className="viz-empty">{message === NO_DATA_MESSAGE ? t("noData") : message}</p>;
}

/**
 * The value under the hover, in words. Its height is kept when empty so the layout does not jump; it is a
 * live region only while its chart has focus, so linked charts do not all speak at once.
 */
export function Readout({ text, isLive, hint }: { text: string | null; isLive: boolean; hint?: string }) {
  const t = useT(VIZ);
  return (
    <p className="viz-readout" aria-live={isLive ? "polite" : "off"}>
      {text ?? <span className="viz-hint">{hint ?? t("timestepHint")}</span>}
    </p>
  );
}

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
